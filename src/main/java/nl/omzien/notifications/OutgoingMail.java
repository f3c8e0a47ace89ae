package nl.omzien.notifications;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.regex.Pattern;

/**
 * A mail to queue. {@code html}, {@code attachment} and {@code senderName} are optional; the plain text is
 * always sent, so every mail reads well in any client and in the dev mailbox. {@code senderName} replaces
 * the display name of the configured sender address (e.g. "Omzien Coevorden"), never the address itself.
 *
 * @throws IllegalArgumentException when the recipient is not an e-mail address, or subject or text is empty
 */
public record OutgoingMail(String to, String subject, String text, String html, Attachment attachment,
                           String senderName) {

    /** Same rule as the database's check on {@code mail_outbox.recipient}. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public OutgoingMail {
        if (!isAddress(to)) {
            throw new IllegalArgumentException("Recipient is not an e-mail address: " + to);
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("Subject is empty");
        }
        // A line break in a header is never intended, and is how header injection starts.
        if (subject.contains("\n") || subject.contains("\r")) {
            throw new IllegalArgumentException("Subject contains a line break");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Text is empty");
        }
        if (html != null && html.isBlank()) {
            html = null;
        }
        if (senderName != null && (senderName.isBlank() || senderName.length() > 100
                || senderName.contains("\n") || senderName.contains("\r"))) {
            throw new IllegalArgumentException("Sender name is empty, too long or contains a line break");
        }
    }

    public OutgoingMail(String to, String subject, String text, String html, Attachment attachment) {
        this(to, subject, text, html, attachment, null);
    }

    /** The database's rule, plus what Jakarta Mail accepts as exactly one address (no "a@x.nl, b@y.nl"). */
    private static boolean isAddress(String to) {
        if (to == null || to.length() > 254 || !EMAIL.matcher(to).matches()) {
            return false;
        }
        try {
            return new InternetAddress(to, true).getAddress().equals(to);
        } catch (AddressException e) {
            return false;
        }
    }

    public OutgoingMail(String to, String subject, String text) {
        this(to, subject, text, null, null);
    }

    /** A file sent along, e.g. a certificate PDF or a calendar invitation. */
    public record Attachment(String fileName, String contentType, byte[] bytes) {

        public Attachment {
            if (fileName == null || fileName.isBlank() || contentType == null || contentType.isBlank() || bytes == null) {
                throw new IllegalArgumentException("Attachment needs a file name, a content type and bytes");
            }
        }
    }
}
