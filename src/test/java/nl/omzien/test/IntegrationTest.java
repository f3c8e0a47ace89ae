package nl.omzien.test;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Base for tests against the whole application on a real (embedded) PostgreSQL with demo data.
 * Every subclass shares the same properties, so Spring caches one context and one PostgreSQL per run;
 * each class gets its own copy of the seeded database ({@link ClassDatabases}) and the clock back at the
 * real time before each test ({@link TestClock}).
 */
@Import(TestInfrastructure.class)
@ExtendWith(ClassIsolation.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omzien.embedded-db.data-dir=${java.io.tmpdir}/omzien-test-${random.uuid}/postgres",
        "omzien.embedded-db.clean=true",
        "omzien.embedded-db.durable=false",
        "omzien.demo-data=true",
        "vaadin.devmode.devTools.enabled=false",
        "omzien.metrics.password=" + IntegrationTest.METRICS_PASSWORD,
        // As in production behind a proxy: forwarded headers only from 127.0.0.2 (ForwardedHeadersAndSecurityHeadersTest
        // sends from there); the tests' own requests come from 127.0.0.1 and are taken as they are.
        "server.forward-headers-strategy=native", "omzien.trusted-proxies=127.0.0.2",
        "logging.level.com.vaadin=warn",
        // The nightly jobs read the shared test clock, which a test may have moved years on: tests run them themselves.
        "omzien.retention.cron=-", "omzien.requests.retention-cron=-", "omzien.throttle.retention-cron=-"})
public abstract class IntegrationTest {

    public static final String DEMO_PASSWORD = "omzien-demo";
    /** OMZIEN_METRICS_PASSWORD in the tests: /actuator/prometheus takes user "metrics" with this password. */
    public static final String METRICS_PASSWORD = "test-metrics-password";
    public static final String ADMIN = "admin@omzien.example";
    public static final String LEAD_COEVORDEN = "coalitie@coevorden.example";
    public static final String LEAD_TWENTERAND = "coalitie@twenterand.example";
    public static final String TRAINER = "trainer@omzien.example";
    public static final String ORG_CONTACT = "contact@thuiszorg-zod.example";
    public static final String PARTICIPANT = "deelnemer@omzien.example";

    @Autowired
    private ObjectProvider<SecurityContextHolderStrategy> securityStrategy;
    /** The application's clock: move it to test what happens later (offers lapsing, reminders, expiry). */
    @Autowired
    protected TestClock clock;
    @Autowired
    private javax.sql.DataSource dataSource;

    /** A test that moved time does not leave the next one in the future. */
    @BeforeEach
    void realTime() {
        clock.reset();
    }

    /** The database this class works on (for a child process that must see the same data). */
    protected String databaseName() {
        return dataSource instanceof ClassDatabases databases ? databases.currentName() : ClassDatabases.TEMPLATE;
    }

    /**
     * The holder strategy is static: another Spring context started in this JVM (restart test, SMTP
     * tests) replaced it with its own, and method security here would not see what a test signs in.
     */
    @BeforeEach
    void useThisContextsSecurityHolder() {
        securityStrategy.ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    // --- Staff sign-in codes (issue 8 part C) ---

    /** The demo admin's published authenticator secret (README, "Sign-in codes"). */
    public static final String ADMIN_TOTP_SECRET = "OMZIENDEMOBEHEERDERTOTPGEHEIM234";

    @Autowired
    private ObjectProvider<nl.omzien.security.internal.TotpCodes> totpCodes;
    @Autowired
    private ObjectProvider<org.jooq.DSLContext> database;

    /**
     * The code an authenticator app with this secret shows, for a time step the app has not accepted
     * yet (each code works once); when the allowed ones are used up, moves the clock to the next step
     * instead of waiting up to 30 seconds for it.
     */
    protected String nextTotpCode(String email, String secret) {
        var codes = totpCodes.getObject();
        while (true) {
            Long last = database.getObject().select(nl.omzien.security.internal.db.Tables.STAFF_TOTP.LAST_USED_STEP)
                    .from(nl.omzien.security.internal.db.Tables.STAFF_TOTP).join(nl.omzien.people.internal.db.Tables.APP_USER)
                    .on(nl.omzien.people.internal.db.Tables.APP_USER.ID.eq(nl.omzien.security.internal.db.Tables.STAFF_TOTP.USER_ID))
                    .where(org.jooq.impl.DSL.lower(nl.omzien.people.internal.db.Tables.APP_USER.EMAIL).eq(email.toLowerCase()))
                    .fetchOne(nl.omzien.security.internal.db.Tables.STAFF_TOTP.LAST_USED_STEP);
            long now = codes.currentStep();
            long step = Math.max(now, last == null ? now : last + 1);
            if (step <= now + 1) {
                return codes.codeFor(secret, step);
            }
            clock.advance(java.time.Duration.ofSeconds(30));
        }
    }
}
