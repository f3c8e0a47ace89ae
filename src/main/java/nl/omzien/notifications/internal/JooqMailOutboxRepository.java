package nl.omzien.notifications.internal;

import nl.omzien.notifications.OutboxMail;
import nl.omzien.notifications.OutgoingMail;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectFieldOrAsterisk;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

/** The outbox table. Public methods serve the feature's API; the dispatcher's are package-private. */
@Repository
public class JooqMailOutboxRepository {

    /** Left in last_error when a mail is taken again after its dispatcher died while sending it. */
    static final String INTERRUPTED = "Interrupted while sending (the process stopped); it may have arrived already";

    private final DSLContext db;

    JooqMailOutboxRepository(DSLContext db) {
        this.db = db;
    }

    public long insert(OutgoingMail mail, OffsetDateTime now) {
        var attachment = mail.attachment();
        return db.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.RECIPIENT, mail.to())
                .set(MAIL_OUTBOX.SUBJECT, mail.subject())
                .set(MAIL_OUTBOX.BODY_TEXT, mail.text())
                .set(MAIL_OUTBOX.BODY_HTML, mail.html())
                .set(MAIL_OUTBOX.ATTACHMENT_NAME, attachment == null ? null : attachment.fileName())
                .set(MAIL_OUTBOX.ATTACHMENT_TYPE, attachment == null ? null : attachment.contentType())
                .set(MAIL_OUTBOX.ATTACHMENT, attachment == null ? null : attachment.bytes())
                .set(MAIL_OUTBOX.SENDER_NAME, mail.senderName())
                .set(MAIL_OUTBOX.CREATED_AT, now)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now)
                .returning(MAIL_OUTBOX.ID).fetchSingle().getId();
    }

    public List<OutboxMail> latest(int limit) {
        return db.select(summary()).from(MAIL_OUTBOX).orderBy(MAIL_OUTBOX.ID.desc()).limit(limit).fetch(this::toOutboxMail);
    }

    public List<OutboxMail> latestTo(String recipient, int limit) {
        return db.select(summary()).from(MAIL_OUTBOX)
                .where(lower(MAIL_OUTBOX.RECIPIENT).eq(recipient == null ? "" : recipient.toLowerCase()))
                .orderBy(MAIL_OUTBOX.ID.desc()).limit(limit).fetch(this::toOutboxMail);
    }

    /**
     * Claims the next due mail for sending: marks it as being sent (and counts the attempt) and returns it.
     * The caller commits this at once, before talking to the mail server, so the mark survives a crash. A
     * mail marked longer ago than {@code staleBefore} belonged to a dispatcher that died while sending it:
     * it is taken again (it may have arrived; that is the one repeat a crash can cause). SKIP LOCKED lets
     * another dispatcher (app instance) claim the next mail instead of waiting for this one.
     */
    Optional<DueMail> claimNext(OffsetDateTime now, OffsetDateTime staleBefore) {
        var next = select(MAIL_OUTBOX.ID).from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.STATUS.eq(OutboxMail.Status.PENDING.name()))
                .and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(now))
                .and(MAIL_OUTBOX.SENDING_SINCE.isNull().or(MAIL_OUTBOX.SENDING_SINCE.lt(staleBefore)))
                .orderBy(MAIL_OUTBOX.NEXT_ATTEMPT_AT, MAIL_OUTBOX.ID)
                .limit(1)
                .forUpdate().skipLocked();
        return db.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.ATTEMPTS.plus(1))
                // The old value: a mark left by a dead dispatcher says why this attempt may be a repeat.
                .set(MAIL_OUTBOX.LAST_ERROR, when(MAIL_OUTBOX.SENDING_SINCE.isNotNull(), INTERRUPTED).else_(MAIL_OUTBOX.LAST_ERROR))
                .set(MAIL_OUTBOX.SENDING_SINCE, now)
                .where(MAIL_OUTBOX.ID.eq(next))
                .returning()
                .fetchOptional(r -> new DueMail(r.getId(), r.getAttempts(), r.getRecipient(), r.getSubject(), r.getBodyText(),
                        r.getBodyHtml(), r.getAttachmentName(), r.getAttachmentType(), r.getAttachment(), r.getSenderName(),
                        r.getCreatedAt(), INTERRUPTED.equals(r.getLastError())));
    }

    /** Without SMTP and with the dev mailbox on: due mails count as delivered to the outbox table itself. */
    int markDueDeliveredToDevMailbox(OffsetDateTime now, int limit) {
        var due = select(MAIL_OUTBOX.ID).from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.STATUS.eq(OutboxMail.Status.PENDING.name()))
                .and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(now))
                .orderBy(MAIL_OUTBOX.NEXT_ATTEMPT_AT, MAIL_OUTBOX.ID)
                .limit(limit)
                .forUpdate().skipLocked();
        return db.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.STATUS, OutboxMail.Status.SENT.name())
                .set(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.ATTEMPTS.plus(1))
                .set(MAIL_OUTBOX.SENT_AT, now)
                .set(MAIL_OUTBOX.DELIVERED_TO, OutboxMail.Delivery.DEV_MAILBOX.name())
                .setNull(MAIL_OUTBOX.SENDING_SINCE)
                .where(MAIL_OUTBOX.ID.in(due)).execute();
    }

    void markSent(long id, OffsetDateTime sentAt) {
        db.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.STATUS, OutboxMail.Status.SENT.name())
                .set(MAIL_OUTBOX.SENT_AT, sentAt)
                .set(MAIL_OUTBOX.DELIVERED_TO, OutboxMail.Delivery.SMTP.name())
                .setNull(MAIL_OUTBOX.SENDING_SINCE)
                .where(MAIL_OUTBOX.ID.eq(id)).execute();
    }

    void markFailedAttempt(long id, String error, OffsetDateTime nextAttemptAt) {
        db.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.LAST_ERROR, error)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, nextAttemptAt)
                .setNull(MAIL_OUTBOX.SENDING_SINCE)
                .where(MAIL_OUTBOX.ID.eq(id)).execute();
    }

    void markFailed(long id, int attempts, String error) {
        db.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.STATUS, OutboxMail.Status.FAILED.name())
                .set(MAIL_OUTBOX.ATTEMPTS, attempts)
                .set(MAIL_OUTBOX.LAST_ERROR, error)
                .setNull(MAIL_OUTBOX.SENDING_SINCE)
                .where(MAIL_OUTBOX.ID.eq(id)).execute();
    }

    private static List<SelectFieldOrAsterisk> summary() {
        return List.of(MAIL_OUTBOX.ID, MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.BODY_TEXT,
                MAIL_OUTBOX.ATTACHMENT_NAME, MAIL_OUTBOX.STATUS, MAIL_OUTBOX.DELIVERED_TO, MAIL_OUTBOX.ATTEMPTS,
                MAIL_OUTBOX.LAST_ERROR, MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.NEXT_ATTEMPT_AT, MAIL_OUTBOX.SENT_AT);
    }

    private OutboxMail toOutboxMail(Record r) {
        String deliveredTo = r.get(MAIL_OUTBOX.DELIVERED_TO);
        return new OutboxMail(r.get(MAIL_OUTBOX.ID), r.get(MAIL_OUTBOX.RECIPIENT), r.get(MAIL_OUTBOX.SUBJECT),
                r.get(MAIL_OUTBOX.BODY_TEXT), r.get(MAIL_OUTBOX.ATTACHMENT_NAME),
                OutboxMail.Status.valueOf(r.get(MAIL_OUTBOX.STATUS)),
                deliveredTo == null ? null : OutboxMail.Delivery.valueOf(deliveredTo),
                r.get(MAIL_OUTBOX.ATTEMPTS), r.get(MAIL_OUTBOX.LAST_ERROR),
                r.get(MAIL_OUTBOX.CREATED_AT), r.get(MAIL_OUTBOX.NEXT_ATTEMPT_AT), r.get(MAIL_OUTBOX.SENT_AT));
    }

    /**
     * A mail the dispatcher has claimed and is about to deliver; {@code attempts} counts this one,
     * {@code interrupted} says an earlier dispatcher died while sending it. Raw columns rather than an
     * {@link OutgoingMail}: a row that fails its checks (edited by hand) must fail alone, not the batch.
     */
    record DueMail(long id, int attempts, String recipient, String subject, String text, String html,
                   String attachmentName, String attachmentType, byte[] attachment, String senderName,
                   OffsetDateTime createdAt, boolean interrupted) {
    }
}
