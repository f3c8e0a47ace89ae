/**
 * Outgoing mail: other features queue mail with {@link nl.omzien.notifications.MailOutbox#enqueue} inside
 * their own transaction; a scheduled dispatcher delivers it over SMTP, or keeps it in the dev mailbox
 * when no SMTP host is configured.
 *
 * <p>Owns, in PostgreSQL schema {@code notifications} (jOOQ classes in {@code
 * nl.omzien.notifications.internal.db}): mail_outbox.
 */
package nl.omzien.notifications;
