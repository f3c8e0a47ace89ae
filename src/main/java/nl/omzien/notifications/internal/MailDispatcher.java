package nl.omzien.notifications.internal;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import nl.omzien.notifications.internal.JooqMailOutboxRepository.DueMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Optional;

/**
 * Delivers due outbox mails: over SMTP when {@code spring.mail.host} is set; without it, by marking them
 * sent to the dev mailbox (the outbox table itself) when {@code omzien.mail.dev-mailbox} is on (off in
 * production, where mail then waits in the outbox until SMTP is configured). A failed delivery is retried
 * after 1, 2, 4, 8... minutes (at most an hour) until {@code omzien.mail.max-attempts}; then the mail is FAILED.
 * <p>
 * Each mail is claimed (marked as being sent) in its own short transaction before the SMTP call and marked
 * sent in another after it, so a crash can repeat only the one mail that was on the wire, and only after
 * {@code omzien.mail.sending-timeout}. Its Message-ID is derived from the outbox row, the same on every
 * attempt, so a relay that remembers Message-IDs can drop that repeat too.
 */
@Component
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int BATCH_SIZE = 20;
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final JooqMailOutboxRepository outbox;
    private final TransactionTemplate transaction;
    private final JavaMailSender smtp;
    private final Clock clock;
    private final InternetAddress from;
    private final int maxAttempts;
    private final boolean devMailbox;
    private final Duration sendingTimeout;
    private final io.micrometer.core.instrument.Counter sent;
    private final io.micrometer.core.instrument.Counter failedAttempts;
    private final io.micrometer.core.instrument.Counter failed;

    MailDispatcher(JooqMailOutboxRepository outbox, PlatformTransactionManager transactions,
                   ObjectProvider<JavaMailSender> mailSender, Clock clock,
                   @Value("${spring.mail.host:}") String host,
                   @Value("${omzien.mail.from:Omzien <noreply@omzien.example>}") String from,
                   @Value("${omzien.mail.max-attempts:10}") int maxAttempts,
                   @Value("${omzien.mail.dev-mailbox:true}") boolean devMailbox,
                   @Value("${omzien.mail.sending-timeout:PT15M}") Duration sendingTimeout,
                   io.micrometer.core.instrument.MeterRegistry meters) {
        this.sent = io.micrometer.core.instrument.Counter.builder("omzien.mail.sent")
                .description("Mails the mail server accepted").register(meters);
        this.failedAttempts = io.micrometer.core.instrument.Counter.builder("omzien.mail.attempts.failed")
                .description("Delivery attempts the mail server refused or that timed out (retried later)").register(meters);
        this.failed = io.micrometer.core.instrument.Counter.builder("omzien.mail.failed")
                .description("Mails given up on after the last attempt").register(meters);
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
        // Boot also creates a JavaMailSender for an empty spring.mail.host (its condition only rejects
        // "false"), so the host itself decides between SMTP and the dev mailbox.
        this.smtp = StringUtils.hasText(host) ? mailSender.getIfAvailable() : null;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.devMailbox = devMailbox;
        this.sendingTimeout = sendingTimeout;
        try {
            // Parsed now: a typo in OMZIEN_MAIL_FROM should stop startup, not fail every mail later.
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalStateException("omzien.mail.from is not a valid address: " + from, e);
        }
        if (smtp != null) {
            log.info("Mail goes out over SMTP via {}", host);
        } else if (devMailbox) {
            log.info("No SMTP host configured: mail stays in the dev mailbox (/dev-mailbox)");
        } else {
            log.warn("No SMTP host configured (SPRING_MAIL_HOST): mail waits in the outbox until one is");
        }
    }

    public boolean usesSmtp() {
        return smtp != null;
    }

    /** True when mail without SMTP counts as delivered to the dev mailbox, where admins may read it (not in production). */
    public boolean usesDevMailbox() {
        return smtp == null && devMailbox;
    }

    /**
     * Delivers up to one batch of due mails, one at a time: each is claimed and committed before it is
     * sent, and marked sent (or failed) in a transaction of its own after. No row lock is held while
     * talking to the mail server; SMTP timeouts (application.properties) bound how long a send takes.
     *
     * @return how many mails were tried
     */
    @Scheduled(fixedDelayString = "${omzien.mail.poll-interval:PT10S}")
    public int dispatchDue() {
        if (smtp == null) {
            return devMailbox ? transaction.execute(status -> outbox.markDueDeliveredToDevMailbox(OffsetDateTime.now(clock), BATCH_SIZE)) : 0;
        }
        int tried = 0;
        while (tried < BATCH_SIZE) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            Optional<DueMail> claimed = transaction.execute(status -> outbox.claimNext(now, now.minus(sendingTimeout)));
            if (claimed.isEmpty()) {
                break;
            }
            tried++;
            deliver(claimed.get());
        }
        return tried;
    }

    private void deliver(DueMail mail) {
        if (mail.interrupted()) {
            log.warn("Mail {} was being sent when its dispatcher stopped; sending it again (it may arrive twice)", mail.id());
        }
        if (mail.attempts() > maxAttempts) {
            // Its last attempt was interrupted: as many tries as any other mail gets.
            transaction.executeWithoutResult(status -> outbox.markFailed(mail.id(), maxAttempts, JooqMailOutboxRepository.INTERRUPTED));
            failed.increment();
            return;
        }
        try {
            send(mail);
        } catch (MessagingException | RuntimeException problem) {
            transaction.executeWithoutResult(status -> recordFailure(mail, problem));
            return;
        }
        transaction.executeWithoutResult(status -> outbox.markSent(mail.id(), OffsetDateTime.now(clock)));
        sent.increment();
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
        // The same on every attempt (JavaMailSenderImpl keeps an explicit Message-ID): a relay that
        // remembers them drops the copy a crash after the relay's "250 OK" would send again.
        message.setHeader("Message-ID", messageId(mail));
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

    /** Unique per row and per installation (the creation time comes along), stable across attempts. */
    private String messageId(DueMail mail) {
        String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
        return "<omzien." + mail.id() + "." + mail.createdAt().toInstant().toEpochMilli() + "@" + domain + ">";
    }

    private void recordFailure(DueMail mail, Exception problem) {
        int attempts = mail.attempts();
        String error = describe(problem);
        if (attempts >= maxAttempts) {
            log.warn("Mail {} failed {} times, giving up: {}", mail.id(), attempts, error);
            outbox.markFailed(mail.id(), attempts, error);
            failed.increment();
        } else {
            failedAttempts.increment();
            log.info("Mail {} not delivered (attempt {}), retrying later: {}", mail.id(), attempts, error);
            outbox.markFailedAttempt(mail.id(), error, OffsetDateTime.now(clock).plus(backoff(attempts)));
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
