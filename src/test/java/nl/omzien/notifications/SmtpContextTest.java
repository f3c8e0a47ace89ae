package nl.omzien.notifications;

import nl.omzien.test.IntegrationTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One application context with a mail server, shared by the delivery tests that need real SMTP and no demo
 * data ({@link MailOutboxSmtpTest}, {@link MailDeliveryAfterCrashTest}): Spring caches a context per set of
 * properties, and these are declared once here, so the second class does not start its own application and
 * PostgreSQL. Each class still gets its own copy of the database; the SMTP port is fixed before the context
 * starts and each class decides what listens on it (GreenMail, or the slow server), one class at a time.
 */
abstract class SmtpContextTest extends IntegrationTest {

    /** Its own folder per run: builds in other checkouts on this machine may run at the same time. */
    static final String DATA_DIR = Path.of(System.getProperty("java.io.tmpdir"),
            "omzien-test-smtp-" + java.util.UUID.randomUUID(), "postgres").toString();
    static final int SMTP_PORT = freePort();
    /** How long a mail may stay "being sent" before another dispatcher assumes its sender died. */
    static final Duration SENDING_TIMEOUT = Duration.ofSeconds(4);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        // Its own PostgreSQL: the shared context's one may still be running on the default data folder.
        registry.add("omzien.embedded-db.data-dir", () -> DATA_DIR);
        registry.add("omzien.demo-data", () -> false);
        // Tests dispatch themselves; the schedule's first run happens at startup, on an empty outbox.
        registry.add("omzien.mail.poll-interval", () -> "PT1H");
        // Short, for the crash test; no other test leaves a mail "being sent".
        registry.add("omzien.mail.sending-timeout", SENDING_TIMEOUT::toString);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
