package nl.omzien.test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Base for tests that deliver mail over real SMTP (GreenMail on {@link #SMTP_PORT}, started by each test class
 * as it needs). The shared context has no mail server, so these classes share a second context: the same
 * properties here make Spring cache one for all of them. The dispatcher's schedule is an hour, so a test
 * decides when mail goes out.
 */
public abstract class SmtpIntegrationTest extends IntegrationTest {

    /** Fixed before the context starts; a class starts and stops its GreenMail on it. */
    protected static final int SMTP_PORT = freePort();
    /** Its own folder per run: builds in other checkouts on this machine may run at the same time. */
    private static final String DATA_DIR = Path.of(System.getProperty("java.io.tmpdir"),
            "omzien-test-smtp-" + UUID.randomUUID(), "postgres").toString();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("omzien.embedded-db.data-dir", () -> DATA_DIR);
        registry.add("omzien.mail.poll-interval", () -> "PT1H");
    }

    /**
     * A port free now and below Linux's range for outgoing connections (32768 and up): GreenMail binds it minutes
     * later, and by then a database or browser connection could hold a port the system handed out.
     */
    private static int freePort() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = random.nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("No free port between 20000 and 32000"));
    }
}
