package nl.omzien.notifications;

import java.time.OffsetDateTime;

/** A mail as stored in the outbox, for the dev mailbox and for tests. {@code text} is null where it may not be read. */
public record OutboxMail(long id, String recipient, String subject, String text, String attachmentName,
                         Status status, Delivery deliveredTo, int attempts, String lastError,
                         OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt) {

    public enum Status { PENDING, SENT, FAILED }

    /** The same mail without its text (which may hold someone's personal sign-in link). */
    public OutboxMail withoutText() {
        return new OutboxMail(id, recipient, subject, null, attachmentName, status, deliveredTo, attempts, lastError,
                createdAt, nextAttemptAt, sentAt);
    }

    /** Where a sent mail went: a real mail server, or only the outbox table (no SMTP configured). */
    public enum Delivery { SMTP, DEV_MAILBOX }
}
