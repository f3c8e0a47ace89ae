/**
 * Outgoing mail: other features queue mail with {@link nl.omzien.notifications.MailOutbox#enqueue} inside
 * their own transaction; a scheduled dispatcher delivers it over SMTP, or keeps it in the dev mailbox
 * when no SMTP host is configured.
 */
package nl.omzien.notifications;
