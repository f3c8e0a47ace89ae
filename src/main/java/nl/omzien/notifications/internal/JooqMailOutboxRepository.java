package nl.omzien.notifications.internal;

import nl.omzien.notifications.OutboxMail;
import nl.omzien.notifications.OutgoingMail;
import nl.omzien.base.RenderedStatement;
import nl.omzien.base.RenderedStatements;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectFieldOrAsterisk;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;

import static nl.omzien.db.Tables.MAIL_OUTBOX;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.param;

/** The outbox table. Public methods serve the feature's API; the dispatcher's are package-private. */
@Repository
public class JooqMailOutboxRepository {

    private final DSLContext db;
    // Every sign-up and cancellation writes one: rendered once (see RenderedStatement).
    private final RenderedStatement insertMail;
    private final RenderedStatement insertMailLater;

    JooqMailOutboxRepository(DSLContext db, RenderedStatements statements) {
        this.db = db;
        var insert = db.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.RECIPIENT, param("recipient", String.class))
                .set(MAIL_OUTBOX.SUBJECT, param("subject", String.class))
                .set(MAIL_OUTBOX.BODY_TEXT, param("text", String.class))
                .set(MAIL_OUTBOX.BODY_HTML, param("html", String.class))
                .set(MAIL_OUTBOX.ATTACHMENT_NAME, param("attachmentName", String.class))
                .set(MAIL_OUTBOX.ATTACHMENT_TYPE, param("attachmentType", String.class))
                .set(MAIL_OUTBOX.ATTACHMENT, param("attachment", byte[].class))
                .set(MAIL_OUTBOX.SENDER_NAME, param("senderName", String.class))
                .set(MAIL_OUTBOX.CREATED_AT, param("createdAt", OffsetDateTime.class))
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, param("nextAttemptAt", OffsetDateTime.class));
        String[] names = {"recipient", "subject", "text", "html", "attachmentName", "attachmentType", "attachment",
                "senderName", "createdAt", "nextAttemptAt"};
        // Rendered at once, so the plain insert is captured before returning() extends the same query.
        insertMailLater = statements.of(insert, names);
        insertMail = statements.of(insert.returning(MAIL_OUTBOX.ID), names);
    }

    /** The same insert without an id back, deferred when the caller collects writes ({@code DeferredWrites}). */
    public void insertLater(OutgoingMail mail, OffsetDateTime now) {
        var attachment = mail.attachment();
        insertMailLater.executeDeferred(mail.to(), mail.subject(), mail.text(), mail.html(),
                attachment == null ? null : attachment.fileName(), attachment == null ? null : attachment.contentType(),
                attachment == null ? null : attachment.bytes(), mail.senderName(), now, now);
    }

    public long insert(OutgoingMail mail, OffsetDateTime now) {
        var attachment = mail.attachment();
        return insertMail.fetchSingle(r -> r.getLong(1), mail.to(), mail.subject(), mail.text(), mail.html(),
                attachment == null ? null : attachment.fileName(), attachment == null ? null : attachment.contentType(),
                attachment == null ? null : attachment.bytes(), mail.senderName(), now, now);
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
     * Due mails, locked until the caller's transaction ends. SKIP LOCKED lets a second dispatcher
     * (another app instance, or a test calling in while the schedule runs) take other mails instead of
     * waiting for, and then re-sending, these.
     */
    List<DueMail> lockDue(OffsetDateTime now, int limit) {
        return db.selectFrom(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.STATUS.eq(OutboxMail.Status.PENDING.name()))
                .and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(now))
                .orderBy(MAIL_OUTBOX.NEXT_ATTEMPT_AT, MAIL_OUTBOX.ID)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(r -> new DueMail(r.getId(), r.getAttempts(), r.getRecipient(), r.getSubject(), r.getBodyText(),
                        r.getBodyHtml(), r.getAttachmentName(), r.getAttachmentType(), r.getAttachment(), r.getSenderName()));
    }

    void markSent(long id, OffsetDateTime sentAt, OutboxMail.Delivery deliveredTo) {
        db.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.STATUS, OutboxMail.Status.SENT.name())
                .set(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.ATTEMPTS.plus(1))
                .set(MAIL_OUTBOX.SENT_AT, sentAt)
                .set(MAIL_OUTBOX.DELIVERED_TO, deliveredTo.name())
                .where(MAIL_OUTBOX.ID.eq(id)).execute();
    }

    void markFailedAttempt(long id, int attempts, String error, OffsetDateTime nextAttemptAt) {
        db.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.ATTEMPTS, attempts)
                .set(MAIL_OUTBOX.LAST_ERROR, error)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, nextAttemptAt)
                .where(MAIL_OUTBOX.ID.eq(id)).execute();
    }

    void markFailed(long id, int attempts, String error) {
        db.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.STATUS, OutboxMail.Status.FAILED.name())
                .set(MAIL_OUTBOX.ATTEMPTS, attempts)
                .set(MAIL_OUTBOX.LAST_ERROR, error)
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
     * A mail the dispatcher has locked and is about to deliver. Raw columns rather than an
     * {@link OutgoingMail}: a row that fails its checks (edited by hand) must fail alone, not the batch.
     */
    record DueMail(long id, int attempts, String recipient, String subject, String text, String html,
                   String attachmentName, String attachmentType, byte[] attachment, String senderName) {
    }
}
