package nl.omzien.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import nl.omzien.notifications.OutboxMail.Delivery;
import nl.omzien.notifications.OutboxMail.Status;
import nl.omzien.notifications.OutgoingMail.Attachment;
import nl.omzien.notifications.internal.JooqMailOutboxRepository;
import nl.omzien.notifications.internal.MailDispatcher;
import nl.omzien.test.SmtpIntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;

import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static nl.omzien.notifications.MailOutboxTest.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Delivery over real SMTP (GreenMail) in the SMTP context ({@link SmtpIntegrationTest}); each test decides
 * whether a server listens on the port.
 */
class MailOutboxSmtpTest extends SmtpIntegrationTest {

    @Autowired
    MailOutbox outbox;
    @Autowired
    MailDispatcher dispatcher;
    @Autowired
    JooqMailOutboxRepository repository;
    @Autowired
    DSLContext db;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    private GreenMail smtp;


    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private OutboxMail row(String recipient) {
        var mails = repository.latestTo(recipient, 10);
        assertThat(mails).hasSize(1);
        return mails.getFirst();
    }

    private MimeMessage[] receivedBy(String recipient) throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return ((InternetAddress) message.getAllRecipients()[0]).getAddress().equals(recipient);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }

    @Test
    void aQueuedMailWithHtmlAndAPdfArrivesOverSmtp() throws Exception {
        startSmtp();
        String to = uniqueAddress("coalitie");
        byte[] pdf = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        outbox.enqueue(new OutgoingMail(to, "Certificaat “Eén tegen Eenzaamheid”",
                "Gefeliciteerd, je hebt de training afgerond.\nJe certificaat zit in de bijlage.",
                "<p>Gefeliciteerd, je hebt de training <b>afgerond</b>.</p>",
                new Attachment("certificaat.pdf", "application/pdf", pdf)));

        assertThat(dispatcher.dispatchDue()).isPositive();
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = receivedBy(to);
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Certificaat “Eén tegen Eenzaamheid”");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("noreply@omzien.example");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Omzien");

        Parts parts = new Parts();
        parts.collect(mail);
        assertThat(parts.text).contains("Je certificaat zit in de bijlage.");
        assertThat(parts.html).contains("<b>afgerond</b>");
        assertThat(parts.attachmentName).isEqualTo("certificaat.pdf");
        assertThat(parts.attachmentType).startsWith("application/pdf");
        assertThat(parts.attachment).isEqualTo(pdf);

        OutboxMail sent = row(to);
        assertThat(sent.status()).isEqualTo(Status.SENT);
        assertThat(sent.deliveredTo()).isEqualTo(Delivery.SMTP);
        assertThat(outbox.deliversViaSmtp()).isTrue();
    }

    @Test
    void aMailWaitsWhileTheServerIsDownAndArrivesWhenItIsBack() throws Exception {
        String to = uniqueAddress("trainer");
        long id = outbox.enqueue(new OutgoingMail(to, "Sessie dinsdag", "Tot dinsdag in het dorpshuis."));
        OffsetDateTime before = OffsetDateTime.now(clock);
        dispatcher.dispatchDue();

        OutboxMail waiting = row(to);
        assertThat(waiting.status()).isEqualTo(Status.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).isNotBlank();
        assertThat(waiting.nextAttemptAt()).as("first retry after a minute")
                .isAfterOrEqualTo(before.plus(Duration.ofMinutes(1)))
                .isBefore(OffsetDateTime.now(clock).plus(Duration.ofMinutes(1)).plusSeconds(1));
        dispatcher.dispatchDue();
        assertThat(row(to).attempts()).as("not due yet, so not tried again").isEqualTo(1);

        startSmtp();
        db.update(MAIL_OUTBOX).set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, OffsetDateTime.now(clock)).where(MAIL_OUTBOX.ID.eq(id)).execute();
        dispatcher.dispatchDue();

        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(receivedBy(to)).hasSize(1);
        OutboxMail sent = row(to);
        assertThat(sent.status()).isEqualTo(Status.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
    }

    @Test
    void afterTheLastAttemptAMailIsFailedAndNoLongerTried() {
        String to = uniqueAddress("vrijwilliger");
        long id = outbox.enqueue(new OutgoingMail(to, "Herinnering", "Vergeet je module niet."));
        db.update(MAIL_OUTBOX).set(MAIL_OUTBOX.ATTEMPTS, 9).where(MAIL_OUTBOX.ID.eq(id)).execute();
        dispatcher.dispatchDue();

        OutboxMail failed = row(to);
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(10);
        assertThat(failed.lastError()).isNotBlank();
    }

    @Test
    void aMailQueuedInATransactionThatRollsBackIsNeverSent() throws Exception {
        startSmtp();
        String to = uniqueAddress("aanmelding");
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            outbox.enqueue(new OutgoingMail(to, "Je bent aangemeld", "Je hebt een plek in de sessie."));
            // The business change fails after its mail was queued, e.g. the last seat was just taken.
            throw new IllegalStateException("Sessie is vol");
        })).hasMessage("Sessie is vol");

        dispatcher.dispatchDue();
        assertThat(repository.latestTo(to, 10)).isEmpty();
        assertThat(receivedBy(to)).isEmpty();
    }

    /** The text, HTML and attachment of a received mail, found by walking its MIME tree. */
    private static final class Parts {
        String text;
        String html;
        String attachmentName;
        String attachmentType;
        byte[] attachment;

        void collect(Part part) throws Exception {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachmentName = part.getFileName();
                attachmentType = part.getContentType();
                try (var in = part.getInputStream()) {
                    attachment = in.readAllBytes();
                }
            } else if (part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html")) {
                html = (String) part.getContent();
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            }
        }
    }
}
