package nl.omzien.notifications;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.omzien.notifications.OutboxMail.Status;
import nl.omzien.notifications.SlowSmtpServer.Received;
import nl.omzien.notifications.internal.JooqMailOutboxRepository;
import nl.omzien.notifications.internal.MailDispatcher;
import nl.omzien.test.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static nl.omzien.notifications.MailOutboxTest.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery when the sending process dies: a second JVM ({@link MailDispatcherProcess}) delivers to a slow
 * mail server and is killed hard in the middle; this JVM then delivers what is left. A crash may repeat
 * the one mail that was on the wire, never the ones already accepted before it.
 */
class MailDeliveryAfterCrashTest extends IntegrationTest {

    private static final String DATA_DIR = Path.of(System.getProperty("java.io.tmpdir"),
            "omzien-test-crash-" + java.util.UUID.randomUUID(), "postgres").toString();
    private static final SlowSmtpServer SMTP = new SlowSmtpServer();
    /** How long a mail may stay "being sent" before another dispatcher assumes its sender died. */
    private static final Duration SENDING_TIMEOUT = Duration.ofSeconds(4);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
        registry.add("omzien.embedded-db.data-dir", () -> DATA_DIR);
        registry.add("omzien.demo-data", () -> false);
        registry.add("omzien.mail.poll-interval", () -> "PT1H");
        registry.add("omzien.mail.sending-timeout", SENDING_TIMEOUT::toString);
    }

    @Autowired
    MailOutbox outbox;
    @Autowired
    MailDispatcher dispatcher;
    @Autowired
    JooqMailOutboxRepository repository;
    @Autowired
    DSLContext db;
    @Autowired
    EmbeddedPostgres embeddedPostgres;

    @AfterAll
    static void stopSmtp() {
        SMTP.close();
    }

    @Test
    void aHardKillMidBatchRepeatsAtMostTheOneMailThatWasBeingSent() throws Exception {
        List<String> recipients = IntStream.range(0, 34).mapToObj(i -> uniqueAddress("crash" + i)).toList();
        recipients.forEach(to -> outbox.enqueue(new OutgoingMail(to, "Je plek in de sessie", "Tot dinsdag in het dorpshuis.")));
        SMTP.delayMillis = 250;

        Process child = startDispatcherProcess();
        try {
            waitUntil(Duration.ofSeconds(60), () -> deliveredTo(recipients).size() >= 8 || !child.isAlive());
            assertThat(child.isAlive()).as("the dispatcher process is still sending when it is killed").isTrue();
        } finally {
            child.destroyForcibly().waitFor();
        }
        int beforeKill = deliveredTo(recipients).size();
        assertThat(beforeKill).isLessThan(recipients.size());

        // A normal run, with two dispatchers at once (as two app instances would), on a fast server.
        SMTP.delayMillis = 0;
        dispatchWithTwoDispatchersUntilNothingIsDue();
        List<OutboxMail> waiting = rows(recipients).stream().filter(mail -> mail.status() != Status.SENT).toList();
        assertThat(waiting).as("only the mail on the wire at the kill waits, until the sending timeout").hasSizeLessThanOrEqualTo(1);

        Thread.sleep(SENDING_TIMEOUT.plusSeconds(1).toMillis());
        dispatchWithTwoDispatchersUntilNothingIsDue();

        assertThat(rows(recipients)).extracting(OutboxMail::status).containsOnly(Status.SENT);
        List<Received> deliveries = deliveredTo(recipients);
        Map<String, Long> perRecipient = deliveries.stream()
                .collect(Collectors.groupingBy(mail -> mail.recipients().getFirst(), Collectors.counting()));
        assertThat(perRecipient.keySet()).as("every mail arrived").containsExactlyInAnyOrderElementsOf(recipients);
        assertThat(deliveries).as("34 mails, at most one of them twice").hasSizeLessThanOrEqualTo(recipients.size() + 1);
        assertThat(perRecipient.values().stream().filter(count -> count > 1).count()).isLessThanOrEqualTo(1);
        // A repeated mail carries the same Message-ID, so a relay that remembers them drops the copy.
        Map<String, List<String>> idsPerRecipient = deliveries.stream().collect(Collectors.groupingBy(
                mail -> mail.recipients().getFirst(), Collectors.mapping(Received::messageId, Collectors.toList())));
        idsPerRecipient.values().forEach(ids -> assertThat(ids).doesNotContainNull().containsOnly(ids.getFirst()));
        assertThat(idsPerRecipient.values().stream().map(List::getFirst).distinct()).hasSize(recipients.size());
    }

    @Test
    void aMailTheServerRefusedIsSentAgainWithTheSameMessageId() {
        String to = uniqueAddress("retry");
        long id = outbox.enqueue(new OutgoingMail(to, "Herinnering", "Morgen is de bijeenkomst."));
        SMTP.delayMillis = 0;
        SMTP.refuseNext(1);
        dispatcher.dispatchDue();
        assertThat(rows(List.of(to)).getFirst().status()).isEqualTo(Status.PENDING);

        db.update(MAIL_OUTBOX).set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, OffsetDateTime.now()).where(MAIL_OUTBOX.ID.eq(id)).execute();
        dispatcher.dispatchDue();

        List<Received> attempts = SMTP.received().stream().filter(mail -> mail.recipients().contains(to)).toList();
        assertThat(attempts).extracting(Received::accepted).containsExactly(false, true);
        assertThat(attempts.get(0).messageId()).isNotNull().isEqualTo(attempts.get(1).messageId());
        assertThat(rows(List.of(to)).getFirst().status()).isEqualTo(Status.SENT);
    }

    private Process startDispatcherProcess() throws Exception {
        // The embedded server asks for the password kept in its data folder (README, "The embedded database").
        String password = Files.readString(Path.of(DATA_DIR, "omzien-db-password")).strip();
        Path log = Files.createTempFile("omzien-dispatcher-process", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                MailDispatcherProcess.class.getName(),
                "--spring.datasource.url=" + embeddedPostgres.getJdbcUrl("postgres", databaseName()),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=" + password,
                "--spring.flyway.enabled=false",
                "--spring.main.banner-mode=off",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + SMTP.port()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void dispatchWithTwoDispatchersUntilNothingIsDue() throws Exception {
        Callable<Void> drain = () -> {
            while (dispatcher.dispatchDue() > 0) {
                Thread.onSpinWait();
            }
            return null;
        };
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (var done : pool.invokeAll(List.of(drain, drain))) {
                done.get();
            }
        }
    }

    private static List<Received> deliveredTo(List<String> recipients) {
        return SMTP.delivered().stream().filter(mail -> recipients.contains(mail.recipients().getFirst())).toList();
    }

    private List<OutboxMail> rows(List<String> recipients) {
        return recipients.stream().map(to -> repository.latestTo(to, 10).getFirst()).toList();
    }

    private static void waitUntil(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
    }
}
