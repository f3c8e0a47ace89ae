package nl.omzien.notifications;

import jakarta.annotation.security.RolesAllowed;
import nl.omzien.notifications.internal.JooqMailOutboxRepository;
import nl.omzien.notifications.internal.MailDispatcher;
import nl.omzien.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The way to send mail. Mail is queued, not sent: {@link #enqueue} writes a row in the caller's
 * transaction, so a mail exists only if the business change that caused it commits, and a slow or
 * broken mail server never fails that change. Delivery and retries happen afterwards.
 */
@Service
public class MailOutbox {

    /** How many mails the dev mailbox shows. */
    public static final int LATEST = 200;

    private final JooqMailOutboxRepository outbox;
    private final MailDispatcher dispatcher;
    private final Clock clock;

    private final boolean readableContents;
    private final io.micrometer.core.instrument.Counter queued;

    MailOutbox(JooqMailOutboxRepository outbox, MailDispatcher dispatcher, Clock clock,
               @Value("${omzien.mail.dev-mailbox:true}") boolean readableContents,
               io.micrometer.core.instrument.MeterRegistry meters) {
        this.queued = io.micrometer.core.instrument.Counter.builder("omzien.mail.queued")
                .description("Mails queued in the outbox (counted when the queuing transaction commits)").register(meters);
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.readableContents = readableContents;
    }

    /**
     * Queues a mail, joining the caller's transaction (or starting one when there is none).
     *
     * @return the outbox id
     * @throws IllegalArgumentException when there is no mail
     */
    @Transactional
    public long enqueue(OutgoingMail mail) {
        if (mail == null) {
            throw new IllegalArgumentException("No mail to queue");
        }
        long id = outbox.insert(mail, OffsetDateTime.now(clock));
        nl.omzien.base.AfterCommit.run(queued::increment);
        return id;
    }

    /** The newest mails, newest first; without their text where admins may not read mail (production). */
    @Transactional(readOnly = true)
    @RolesAllowed(Role.ADMIN_ROLE)
    public List<OutboxMail> latest() {
        return readable(outbox.latest(LATEST));
    }

    /** The newest mails to one address (any case), newest first; for checking a journey end to end. Text as {@link #latest()}. */
    @Transactional(readOnly = true)
    @RolesAllowed(Role.ADMIN_ROLE)
    public List<OutboxMail> latestTo(String recipient) {
        return readable(outbox.latestTo(recipient, LATEST));
    }

    private List<OutboxMail> readable(List<OutboxMail> mails) {
        return readableContents ? mails : mails.stream().map(OutboxMail::withoutText).toList();
    }

    /** True when mail goes to a real mail server. */
    public boolean deliversViaSmtp() {
        return dispatcher.usesSmtp();
    }

    /** True when, without SMTP, mail counts as delivered to the dev mailbox; false when it waits for a mail server. */
    public boolean deliversToDevMailbox() {
        return dispatcher.usesDevMailbox();
    }
}
