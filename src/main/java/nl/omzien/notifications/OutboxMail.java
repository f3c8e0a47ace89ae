package nl.omzien.notifications;

import java.time.OffsetDateTime;

/** A mail as stored in the outbox, for the dev mailbox and for tests. */
public record OutboxMail(long id, String recipient, String subject, String text, String attachmentName,
                         Status status, Delivery deliveredTo, int attempts, String lastError,
                         OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt) {

    public enum Status { PENDING, SENT, FAILED }

    /** Where a sent mail went: a real mail server, or only the outbox table (no SMTP configured). */
    public enum Delivery { SMTP, DEV_MAILBOX }
}
