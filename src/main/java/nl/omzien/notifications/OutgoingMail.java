package nl.omzien.notifications;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.regex.Pattern;

/**
 * A mail to queue. {@code html} and {@code attachment} are optional; the plain text is always sent,
 * so every mail reads well in any client and in the dev mailbox.
 *
 * @throws IllegalArgumentException when the recipient is not an e-mail address, or subject or text is empty
 */
public record OutgoingMail(String to, String subject, String text, String html, Attachment attachment) {

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
