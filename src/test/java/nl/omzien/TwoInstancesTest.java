package nl.omzien;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import nl.omzien.certificates.internal.CertificatePdfs;
import nl.omzien.certificates.internal.ExpiryReminders;
import nl.omzien.certificates.internal.StoredCertificateStatus;
import nl.omzien.notifications.MailOutbox;
import nl.omzien.notifications.OutgoingMail;
import nl.omzien.notifications.internal.MailDispatcher;
import nl.omzien.ops.AsPerson;
import nl.omzien.privacy.internal.RetentionJob;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.RegistrationStatus;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionId;
import nl.omzien.sessions.SessionService;
import nl.omzien.sessions.SignUpOutcome;
import nl.omzien.sessions.internal.SessionJobs;
import nl.omzien.test.TestClock;
import nl.omzien.training.TrainingService;
import nl.omzien.training.internal.FollowUpMailer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE;
import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.privacy.internal.db.Tables.PERSONAL_DATA_AUDIT;
import static nl.omzien.sessions.internal.db.Tables.REGISTRATION;
import static nl.omzien.sessions.internal.db.Tables.SESSION_AUDIT;
import static nl.omzien.training.internal.db.Tables.FOLLOW_UP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances against one PostgreSQL, as behind a load balancer with sticky sessions (README,
 * "Operate it"; decision 020). Both run their schedulers (short intervals) and the test also fires every
 * job on both at the same moment: each due item is handled once, every mail reaches the SMTP server
 * once, seats hold with sign-ups through both, and a person whose instance went away signs in again on
 * the other and finds their progress. The instances share one movable clock.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

    private static final TestClock CLOCK = new TestClock();
    private static final String PASSWORD = "omzien-demo";
    private static final String PARTICIPANT = "deelnemer@omzien.example";
    private static final String TRAINER = "trainer@omzien.example";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"(_csrf)\" value=\"([^\"]+)\"");

    @TempDir
    static Path folder;
    private static EmbeddedPostgres postgres;
    private static GreenMail smtp;
    private static int smtpPort;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    /** The shared clock in place of the system clock, in both instances. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SharedClock {
        @Bean
        @Primary
        TestClock testClock() {
            return CLOCK;
        }
    }

    @BeforeAll
    static void startPostgresMailServerAndTwoInstances() throws Exception {
        // The shared store: one PostgreSQL that neither instance owns, like a managed database.
        postgres = EmbeddedPostgres.builder().setDataDirectory(folder.resolve("postgres")).setCleanDataDirectory(true)
                .setServerConfig("timezone", "UTC").start();
        smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        a = start("a", true);
        // After the first: it finds the schema migrated and the demo data loaded.
        b = start("b", false);
    }

    @AfterAll
    static void stopAll() throws IOException {
        for (var context : new ConfigurableApplicationContext[] {b, a}) {
            if (context != null && context.isActive()) {
                context.close();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static ConfigurableApplicationContext start(String name, boolean demoData) {
        return new SpringApplicationBuilder(Application.class, SharedClock.class).run(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.pool-name=omzien-" + name,
                "--server.port=0",
                "--omzien.demo-data=" + demoData,
                "--spring.main.banner-mode=off",
                "--vaadin.devmode.devTools.enabled=false",
                "--logging.level.com.vaadin=warn",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                // Every scheduler runs often, on both instances, while the test fires the jobs as well.
                "--omzien.mail.poll-interval=PT0.3S",
                "--omzien.sessions.job-interval=PT1S",
                "--omzien.follow-up.poll-interval=PT1S",
                "--omzien.certificates.reminder-interval=PT1S",
                "--omzien.certificates.pdf-retry-every=PT1S",
                "--omzien.retention.cron=*/2 * * * * *");
    }

    // --- Scheduled jobs ---

    @Test
    @Order(1)
    void everyJobHandlesEachDueItemOnceAcrossBothInstancesAndEveryMailGoesOutOnce() throws Exception {
        DSLContext db = a.getBean(DSLContext.class);
        SessionFixtures fixtures = new SessionFixtures(db, a.getBean(UserDetailsService.class));

        // Reminders: a session tomorrow evening with eight confirmed places; the clock moves to 12 hours before it.
        SessionId tomorrow = as(a, TRAINER, () -> a.getBean(SessionService.class).create(SessionFixtures.draft("Morgen", 8, 1)));
        for (String person : fixtures.participants(8, "Supermarkt De Brink")) {
            as(b, person, () -> b.getBean(RegistrationService.class).signUp(tomorrow));
        }
        OffsetDateTime startsAt = as(a, TRAINER, () -> a.getBean(SessionService.class).get(tomorrow)).startsAt();

        // Time moves before anything else is made due, so nothing made due below lapses a second time. Mail on
        // the wire first goes out: a jump of a day would make a send in progress look abandoned (see README:
        // instances' clocks must agree within the sending timeout).
        waitUntil(Duration.ofSeconds(60), () -> db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.STATUS.eq("PENDING")) == 0);
        CLOCK.setTo(startsAt.minusHours(12).toInstant());
        OffsetDateTime now = OffsetDateTime.now(CLOCK);

        // Mail outbox: 60 mails queued through A, delivered by whichever dispatcher claims them.
        List<Long> queued = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            queued.add(a.getBean(MailOutbox.class).enqueue(new OutgoingMail("twee-" + i + "@test.example", "Bericht " + i, "Tekst " + i)));
        }

        // Follow-up questions: every one not yet mailed is due now.
        int followUpsDue = db.update(FOLLOW_UP).set(FOLLOW_UP.DUE_AT, now.minusMinutes(1)).where(FOLLOW_UP.MAILED_AT.isNull()).execute();

        // Expiry reminders: every issued certificate of a person expires in ten days.
        int remindersDue = db.update(CERTIFICATE).set(CERTIFICATE.EXPIRES_AT, now.plusDays(10)).setNull(CERTIFICATE.EXPIRY_REMINDED_AT)
                .where(CERTIFICATE.STATUS.eq(StoredCertificateStatus.ISSUED), CERTIFICATE.USER_ID.isNotNull()).execute();
        // Certificate PDFs: as after a crash between issuing and rendering.
        int pdfsDue = db.update(CERTIFICATE).setNull(CERTIFICATE.PDF).setNull(CERTIFICATE.PDF_SHA256)
                .set(CERTIFICATE.PDF_NEXT_ATTEMPT_AT, now.minusMinutes(1))
                .where(CERTIFICATE.STATUS.eq(StoredCertificateStatus.ISSUED), CERTIFICATE.USER_ID.isNotNull()).execute();

        // Retention: five accounts nobody used for ten years.
        List<String> idle = fixtures.participants(5, "Kapsalon Knip & Zo");
        db.update(APP_USER).set(APP_USER.CREATED_AT, now.minusYears(10)).set(APP_USER.LAST_SEEN_AT, now.minusYears(10))
                .where(APP_USER.EMAIL.in(idle)).execute();
        List<nl.omzien.base.PersonId> idleIds = idle.stream().map(fixtures::userId).toList();

        // Offers lapsing: a one-seat session whose freed seat is offered and not taken in time.
        SessionId offerSession = as(a, TRAINER, () -> a.getBean(SessionService.class).create(SessionFixtures.draft("Offer", 1, 10)));
        List<String> queue = fixtures.participants(3, "Thuiszorg Zuidoost-Drenthe");
        List<nl.omzien.sessions.RegistrationId> places = new ArrayList<>();
        for (String person : queue) {
            places.add(as(a, person, () -> a.getBean(RegistrationService.class).signUp(offerSession)).registrationId());
        }
        as(a, queue.getFirst(), () -> {
            a.getBean(RegistrationService.class).cancel(places.getFirst());
            return null;
        });
        db.update(REGISTRATION).set(REGISTRATION.OFFER_EXPIRES_AT, now.minusMinutes(1)).where(REGISTRATION.ID.eq(places.get(1))).execute();

        // Both instances fire every job at the same moment, three times; their schedulers run meanwhile too.
        int offersLapsed = onBoth(c -> c.getBean(SessionJobs.class).expireOffers());
        int remindersSent = onBoth(c -> c.getBean(SessionJobs.class).sendReminders());
        onBoth(c -> c.getBean(FollowUpMailer.class).mailDue());
        onBoth(c -> c.getBean(ExpiryReminders.class).remindDue());
        onBoth(c -> {
            c.getBean(CertificatePdfs.class).renderDue();
            return 0;
        });
        onBoth(c -> c.getBean(RetentionJob.class).anonymiseInactiveAccounts());
        waitUntil(Duration.ofSeconds(60), () -> db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.STATUS.eq("PENDING")) == 0);
        onBoth(c -> c.getBean(MailDispatcher.class).dispatchDue());

        // Offers: the lapse happened once, and the seat went on to the next in line once.
        assertThat(db.fetchCount(SESSION_AUDIT, SESSION_AUDIT.SESSION_ID.eq(offerSession), SESSION_AUDIT.ACTION.eq("OFFER_EXPIRED"))).isEqualTo(1);
        assertThat(offersLapsed).as("counted by the instance that did it (schedulers may have done it first)").isLessThanOrEqualTo(1);
        assertThat(db.select(REGISTRATION.STATUS).from(REGISTRATION).where(REGISTRATION.ID.in(places)).orderBy(REGISTRATION.ARRIVAL)
                .fetch(REGISTRATION.STATUS)).containsExactly(RegistrationStatus.CANCELLED, RegistrationStatus.OFFER_EXPIRED, RegistrationStatus.OFFERED);
        assertThat(mailsTo(db, queue.get(1))).as("the offer and its lapse mailed once each").doesNotHaveDuplicates()
                .hasSizeGreaterThanOrEqualTo(2);
        // Reminders: each of the eight once.
        assertThat(remindersSent).isLessThanOrEqualTo(8);
        assertThat(db.fetchCount(REGISTRATION, REGISTRATION.SESSION_ID.eq(tomorrow), REGISTRATION.REMINDER_SENT_AT.isNotNull())).isEqualTo(8);
        // Follow-ups, expiry reminders and PDFs: every due item handled, none twice (checked on the mails below).
        assertThat(followUpsDue).as("demo data has completed modules").isPositive();
        assertThat(db.fetchCount(FOLLOW_UP, FOLLOW_UP.MAILED_AT.isNull())).isZero();
        assertThat(remindersDue).isPositive();
        assertThat(db.fetchCount(CERTIFICATE, CERTIFICATE.STATUS.eq(StoredCertificateStatus.ISSUED), CERTIFICATE.USER_ID.isNotNull(),
                CERTIFICATE.EXPIRY_REMINDED_AT.isNull())).isZero();
        assertThat(pdfsDue).isPositive();
        assertThat(db.fetchCount(CERTIFICATE, CERTIFICATE.STATUS.eq(StoredCertificateStatus.ISSUED), CERTIFICATE.PDF_SHA256.isNull())).isZero();
        // Retention: each idle account anonymised once, and logged once.
        assertThat(db.fetchCount(APP_USER, APP_USER.ID.in(idleIds), APP_USER.ANONYMISED_AT.isNotNull())).isEqualTo(5);
        assertThat(db.select(PERSONAL_DATA_AUDIT.SUBJECT_ID).from(PERSONAL_DATA_AUDIT)
                .where(PERSONAL_DATA_AUDIT.SUBJECT_ID.in(idleIds), PERSONAL_DATA_AUDIT.ACTION.eq("DELETED")).fetch(PERSONAL_DATA_AUDIT.SUBJECT_ID))
                .as("one deletion entry per account").containsExactlyInAnyOrderElementsOf(idleIds);

        // Mail: every outbox row reached the SMTP server exactly once, whichever instance sent it.
        Map<String, Long> perMessageId = Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.groupingBy(TwoInstancesTest::messageId, Collectors.counting()));
        List<Long> sent = db.select(MAIL_OUTBOX.ID).from(MAIL_OUTBOX).where(MAIL_OUTBOX.DELIVERED_TO.eq("SMTP")).fetch(MAIL_OUTBOX.ID);
        assertThat(sent).containsAll(queued);
        assertThat(perMessageId.values()).as("no mail twice").containsOnly(1L);
        assertThat(perMessageId).as("one message per outbox row").hasSize(sent.size());
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.STATUS.ne("SENT"))).isZero();
        // No item was mailed twice under two outbox rows either (same person, same subject).
        assertThat(db.select(MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.SUBJECT).from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.CREATED_AT.ge(now.minusMinutes(1))).fetch().map(r -> r.value1() + " | " + r.value2()))
                .doesNotHaveDuplicates();
        // The outbox holds each kind once per item: follow-up questions, expiry reminders, certificate PDFs.
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.ATTACHMENT_NAME.like("%.pdf"), MAIL_OUTBOX.CREATED_AT.ge(now.minusMinutes(1))))
                .as("one PDF mail per certificate rendered").isEqualTo(pdfsDue);
    }

    // --- Seats ---

    @Test
    @Order(2)
    void concurrentSignUpsThroughBothInstancesNeverOverbookASession() throws Exception {
        CLOCK.reset();
        DSLContext db = a.getBean(DSLContext.class);
        SessionFixtures fixtures = new SessionFixtures(db, a.getBean(UserDetailsService.class));
        SessionId session = as(a, TRAINER, () -> a.getBean(SessionService.class).create(SessionFixtures.draft("Twee", 6, 12)));
        List<String> people = fixtures.participants(40, "Thuiszorg Zuidoost-Drenthe");
        List<Callable<SignUpOutcome>> tasks = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            ConfigurableApplicationContext instance = i % 2 == 0 ? a : b;
            String person = people.get(i);
            tasks.add(() -> as(instance, person, () -> instance.getBean(RegistrationService.class).signUp(session)));
        }
        List<SignUpOutcome> outcomes = simultaneously(tasks);

        assertThat(outcomes).filteredOn(o -> o.status() == RegistrationStatus.CONFIRMED).hasSize(6);
        assertThat(outcomes).filteredOn(o -> o.status() == RegistrationStatus.WAITLISTED).hasSize(34);
        fixtures.assertCountersMatchTheRows(session, 6, 34);
        assertThat(as(b, TRAINER, () -> b.getBean(SessionService.class).get(session)).freeSeats()).isZero();
    }

    // --- An instance goes away ---

    @Test
    @Order(3)
    void whoseInstanceStopsSignsInAgainOnTheOtherAndKeepsTheirProgress() throws Exception {
        CLOCK.reset();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        signIn(browser, a, PARTICIPANT);
        assertThat(whoAmI(browser, a)).startsWith(PARTICIPANT);
        var progress = as(a, PARTICIPANT, () -> a.getBean(TrainingService.class).myModules());

        a.close();

        // The load balancer sends the same browser, with its old session cookie, to B: B does not know it.
        assertThat(whoAmI(browser, b)).isEqualTo("anonymous");
        signIn(browser, b, PARTICIPANT);
        assertThat(whoAmI(browser, b)).startsWith(PARTICIPANT);
        assertThat(as(b, PARTICIPANT, () -> b.getBean(TrainingService.class).myModules()))
                .as("progress lives in the database, not in the instance").isEqualTo(progress);
    }

    // --- Helpers ---

    /** Runs the job on both instances at the same moment, three times each; returns the sum of their counts. */
    private static int onBoth(ToIntFunction<ConfigurableApplicationContext> job) throws Exception {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (var instance : List.of(a, b)) {
            tasks.add(() -> {
                int total = 0;
                for (int i = 0; i < 3; i++) {
                    total += job.applyAsInt(instance);
                }
                return total;
            });
        }
        return simultaneously(tasks).stream().mapToInt(Integer::intValue).sum();
    }

    private static <T> List<T> simultaneously(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T as(ConfigurableApplicationContext instance, String email, Callable<T> work) {
        return AsPerson.as(instance, email, work);
    }

    private static List<String> mailsTo(DSLContext db, String email) {
        return db.select(MAIL_OUTBOX.SUBJECT).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(email)).fetch(MAIL_OUTBOX.SUBJECT);
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void signIn(HttpClient browser, ConfigurableApplicationContext instance, String email) throws Exception {
        AsPerson.serving(instance);
        String page = browser.send(get(instance, "/inloggen/link?token=x"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher field = CSRF_FIELD.matcher(page);
        assertThat(field.find()).as("the page carries a CSRF token").isTrue();
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri(instance, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(email) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(field.group(2))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    private static String whoAmI(HttpClient browser, ConfigurableApplicationContext instance) throws Exception {
        // Two Spring Security setups in one JVM share the static holder; in production each has its own JVM.
        AsPerson.serving(instance);
        return browser.send(get(instance, "/kalender/test-wie-ben-ik.ics"), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpRequest get(ConfigurableApplicationContext instance, String path) {
        return HttpRequest.newBuilder(uri(instance, path)).GET().build();
    }

    private static URI uri(ConfigurableApplicationContext instance, String path) {
        return URI.create("http://localhost:" + instance.getEnvironment().getProperty("local.server.port") + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void waitUntil(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }
}
