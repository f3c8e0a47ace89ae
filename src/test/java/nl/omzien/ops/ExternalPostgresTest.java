package nl.omzien.ops;

import nl.omzien.Application;
import nl.omzien.certificates.CertificateService;
import nl.omzien.certificates.CertificateStatus;
import nl.omzien.dashboard.DashboardService;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.SignUpOutcome;
import nl.omzien.people.Audience;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.ModuleWalker;
import nl.omzien.training.TrainingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.sql.DriverManager;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Omzien on a PostgreSQL server as an operator runs it (README "Run it in production"): Debian's server, a
 * database owned by a role that is not a superuser, and the app pointed at it with {@code SPRING_DATASOURCE_*}
 * (passed here as the same properties). Flyway migrates an empty database, demo data loads, and a sign-up, a
 * certificate and the dashboard work.
 * <p>
 * The server comes from {@code build/real-postgres.sh} (CI's {@code .ci/run} calls it and exports
 * {@code OMZIEN_TEST_POSTGRES_*}). CI sets {@code OMZIEN_TEST_POSTGRES_REQUIRED=true}, so there a missing server
 * fails this test; on a developer's machine without it the test is skipped and says how to run it.
 */
class ExternalPostgresTest {

    private static final String URL = System.getenv("OMZIEN_TEST_POSTGRES_URL");
    private static final String USER = System.getenv("OMZIEN_TEST_POSTGRES_USER");
    private static final String PASSWORD = System.getenv("OMZIEN_TEST_POSTGRES_PASSWORD");

    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        SecurityContextHolder.clearContext();
        if (app != null) {
            app.close();
        }
    }

    @Test
    void migratesSeedsAndServesASignUpACertificateAndTheDashboardOnARealServerWithANonSuperuser() throws Exception {
        if (URL == null || URL.isBlank()) {
            String how = "no PostgreSQL server configured: run eval \"$(bash build/real-postgres.sh)\" first (as CI does)";
            if (Boolean.parseBoolean(System.getenv("OMZIEN_TEST_POSTGRES_REQUIRED"))) {
                fail("OMZIEN_TEST_POSTGRES_REQUIRED is set but " + how);
            }
            Assumptions.abort(how);
        }
        String serverVersion;
        try (var connection = DriverManager.getConnection(URL, USER, PASSWORD); var statement = connection.createStatement()) {
            // The operator's role: no superuser, no CREATEDB, no CREATEROLE; it owns its database, nothing more.
            try (var rs = statement.executeQuery("select rolsuper, rolcreatedb, rolcreaterole from pg_roles where rolname = current_user")) {
                rs.next();
                assertThat(Map.of("super", rs.getBoolean(1), "createdb", rs.getBoolean(2), "createrole", rs.getBoolean(3)))
                        .as("rights of " + USER).containsOnlyKeys("super", "createdb", "createrole").doesNotContainValue(true);
            }
            try (var rs = statement.executeQuery("show server_version")) {
                rs.next();
                serverVersion = rs.getString(1);
            }
            // A fresh start for a rerun: everything this role made here goes (its schemas, Flyway's table, pg_trgm if it made it).
            statement.execute("drop owned by current_user cascade");
        }

        app = new SpringApplicationBuilder(Application.class).run(
                "--spring.datasource.url=" + URL,
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD,
                "--server.port=0",
                "--omzien.demo-data=true",
                "--spring.main.banner-mode=off");
        assertThat(app.containsBean("embeddedPostgres")).as("the embedded server stays off").isFalse();
        try (var connection = DriverManager.getConnection(URL, USER, PASSWORD); var statement = connection.createStatement();
             var rs = statement.executeQuery("select count(*) from flyway_schema_history where success")) {
            rs.next();
            assertThat(rs.getInt(1)).as("migrations applied on PostgreSQL " + serverVersion).isGreaterThanOrEqualTo(26);
        }

        // A participant signs up for a session of their municipality.
        signInAs("deelnemer@omzien.example");
        var registrations = app.getBean(RegistrationService.class);
        var session = registrations.upcoming(RegistrationService.Filter.NONE).stream()
                .filter(s -> registrations.mine().stream().noneMatch(r -> r.session().id().equals(s.id()))).findFirst()
                .orElseThrow(() -> new AssertionError("demo data has an upcoming session for the participant"));
        SignUpOutcome outcome = registrations.signUp(session.id());
        assertThat(outcome.alreadyRegistered()).isFalse();

        // Another completes the signaller's path and gets a certificate.
        signInAs("tim.hendriks@demo.example");
        var walker = new ModuleWalker(app.getBean(TrainingService.class), app.getBean(ModuleCatalog.class));
        walker.complete("herkennen", Audience.SHOP);
        walker.complete("gesprek", Audience.SHOP);
        walker.complete("doorverwijzen", Audience.SHOP);
        var certificates = app.getBean(CertificateService.class);
        assertThat(certificates.mine()).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(CertificateStatus.VALID));

        // The coalition lead's dashboard, read model and all, counts trained people.
        signInAs("coalitie@coevorden.example");
        var dashboard = app.getBean(DashboardService.class);
        assertThat(dashboard.figures(dashboard.defaultFilter()).trained()).isPositive();
    }

    private void signInAs(String email) {
        var user = app.getBean(UserDetailsService.class).loadUserByUsername(email);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
