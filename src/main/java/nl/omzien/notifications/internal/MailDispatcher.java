package nl.omzien.notifications.internal;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import nl.omzien.notifications.OutboxMail.Delivery;
import nl.omzien.notifications.internal.JooqMailOutboxRepository.DueMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

/**
 * Delivers due outbox mails: over SMTP when {@code spring.mail.host} is set, otherwise by marking them
 * sent to the dev mailbox (the outbox table itself). A failed delivery is retried after 1, 2, 4, 8...
 * minutes (at most an hour) until {@code omzien.mail.max-attempts}; then the mail is FAILED.
 */
@Component
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int BATCH_SIZE = 20;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final JooqMailOutboxRepository outbox;
    private final JavaMailSender smtp;
    private final Clock clock;
    private final InternetAddress from;
    private final int maxAttempts;

    MailDispatcher(JooqMailOutboxRepository outbox, ObjectProvider<JavaMailSender> mailSender, Clock clock,
                   @Value("${spring.mail.host:}") String host,
                   @Value("${omzien.mail.from:Omzien <noreply@omzien.example>}") String from,
                   @Value("${omzien.mail.max-attempts:10}") int maxAttempts) {
        this.outbox = outbox;
        // Boot also creates a JavaMailSender for an empty spring.mail.host (its condition only rejects
        // "false"), so the host itself decides between SMTP and the dev mailbox.
        this.smtp = StringUtils.hasText(host) ? mailSender.getIfAvailable() : null;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        try {
            // Parsed now: a typo in OMZIEN_MAIL_FROM should stop startup, not fail every mail later.
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalStateException("omzien.mail.from is not a valid address: " + from, e);
        }
        log.info(smtp == null ? "No SMTP host configured: mail stays in the dev mailbox (/dev-mailbox)"
                : "Mail goes out over SMTP via " + host);
    }

    public boolean usesSmtp() {
        return smtp != null;
    }

    /**
     * Delivers up to one batch of due mails. The rows stay locked while sending, so no other dispatcher
     * sends them twice; SMTP timeouts (application.properties) bound how long that takes.
     *
     * @return how many mails were tried
     */
    @Scheduled(fixedDelayString = "${omzien.mail.poll-interval:PT10S}")
    @Transactional
    public int dispatchDue() {
        List<DueMail> due = outbox.lockDue(OffsetDateTime.now(clock), BATCH_SIZE);
        for (DueMail mail : due) {
            if (smtp == null) {
                outbox.markSent(mail.id(), OffsetDateTime.now(clock), Delivery.DEV_MAILBOX);
                continue;
            }
            try {
                send(mail);
            } catch (MessagingException | RuntimeException problem) {
                recordFailure(mail, problem);
                continue;
            }
            outbox.markSent(mail.id(), OffsetDateTime.now(clock), Delivery.SMTP);
        }
        return due.size();
    }

    private void send(DueMail mail) throws MessagingException {
        MimeMessage message = smtp.createMimeMessage();
        boolean multipart = mail.html() != null || mail.attachmentName() != null;
        MimeMessageHelper helper = new MimeMessageHelper(message, multipart, StandardCharsets.UTF_8.name());
        if (mail.senderName() != null) {
            try {
                helper.setFrom(new InternetAddress(from.getAddress(), mail.senderName(), StandardCharsets.UTF_8.name()));
            } catch (java.io.UnsupportedEncodingException e) {
                helper.setFrom(from);
            }
        } else {
            helper.setFrom(from);
        }
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setSentDate(Date.from(clock.instant()));
        if (mail.html() != null) {
            helper.setText(mail.text(), mail.html());
        } else {
            helper.setText(mail.text());
        }
        if (mail.attachmentName() != null) {
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDisposition(Part.ATTACHMENT);
            attachment.setFileName(mail.attachmentName());
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.attachment(), mail.attachmentType())));
            // Always base64: Jakarta Mail sends mostly-ASCII bytes (many PDFs) as 7bit, and SMTP then
            // rewrites their line ends, corrupting the file. MimeMessageHelper.addAttachment has no way to say so.
            attachment.setHeader("Content-Transfer-Encoding", "base64");
            helper.getRootMimeMultipart().addBodyPart(attachment);
        }
        smtp.send(message);
    }

    private void recordFailure(DueMail mail, Exception problem) {
        int attempts = mail.attempts() + 1;
        String error = describe(problem);
        if (attempts >= maxAttempts) {
            log.warn("Mail {} failed {} times, giving up: {}", mail.id(), attempts, error);
            outbox.markFailed(mail.id(), attempts, error);
        } else {
            log.info("Mail {} not delivered (attempt {}), retrying later: {}", mail.id(), attempts, error);
            outbox.markFailedAttempt(mail.id(), attempts, error, OffsetDateTime.now(clock).plus(backoff(attempts)));
        }
    }

    /** 1 minute after the first failure, doubling each time, at most an hour. */
    static Duration backoff(int attempts) {
        Duration delay = Duration.ofMinutes(1L << Math.clamp(attempts - 1, 0, 6));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private static String describe(Throwable problem) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = problem; cause != null && text.length() < MAX_ERROR_LENGTH; cause = cause.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
    }
}
