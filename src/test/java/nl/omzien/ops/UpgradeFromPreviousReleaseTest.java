package nl.omzien.ops;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.omzien.Application;
import nl.omzien.certificates.CertificateStatus;
import nl.omzien.certificates.VerificationService;
import nl.omzien.sessions.MyRegistration;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.RegistrationStatus;
import nl.omzien.training.ModuleOverview;
import nl.omzien.training.TrainingService;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static nl.omzien.people.internal.db.Tables.MUNICIPALITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * An upgrade as an operator does it: a database of the previous release (migrations up to V26, with data
 * that release wrote: src/test/resources/db/upgrade/V26-data.sql) gets the new version of the app, which
 * migrates it on start. People, progress, seats, certificates and waiting mail come through intact.
 */
class UpgradeFromPreviousReleaseTest {

    /** The last migration of the previous release (README, "Operate it": upgrade). */
    static final String PREVIOUS_RELEASE = "26";
    private static final String ANNA = "anna.upgrade@oldambt.example";
    private static final String PASSWORD = "omzien-demo";

    @TempDir
    Path folder;

    @Test
    void aDatabaseOfThePreviousReleaseIsMigratedOnStartWithItsDataIntact() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(folder.resolve("postgres"))
                .setCleanDataDirectory(true).setServerConfig("timezone", "UTC").start()) {
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration")
                    .target(PREVIOUS_RELEASE).load().migrate();
            PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
            String data = new String(UpgradeFromPreviousReleaseTest.class.getResourceAsStream("/db/upgrade/V26-data.sql")
                    .readAllBytes(), StandardCharsets.UTF_8).replace(":password_hash", "'" + encoder.encode(PASSWORD) + "'");
            try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(data);
            }

            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).run(
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=",
                    "--server.port=0",
                    "--omzien.demo-data=true",
                    "--spring.main.banner-mode=off",
                    "--vaadin.devmode.devTools.enabled=false",
                    "--logging.level.com.vaadin=warn")) {
                DSLContext db = app.getBean(DSLContext.class);
                assertThat(db.select(field(name("version"), String.class)).from(table(name("public", "flyway_schema_history")))
                        .where(field(name("success"), Boolean.class).isTrue()).fetch(r -> Integer.parseInt(r.value1())))
                        .as("every migration of this version applied").contains(latestMigration());
                assertThat(db.fetch(MUNICIPALITY).map(r -> r.getName())).as("no demo data over real data").containsExactly("Oldambt");

                var user = app.getBean(UserDetailsService.class).loadUserByUsername(ANNA);
                assertThat(app.getBean(PasswordEncoder.class).matches(PASSWORD, user.getPassword())).as("her password still works").isTrue();

                Map<String, ModuleOverview> modules = AsPerson.as(app, ANNA, () -> app.getBean(TrainingService.class).myModules())
                        .stream().collect(Collectors.toMap(m -> m.module().id(), Function.identity()));
                assertThat(modules.get("herkennen").status()).isEqualTo(ModuleOverview.Status.COMPLETED);
                assertThat(modules.get("herkennen").score()).isEqualTo(90);
                assertThat(modules.get("gesprek").status()).isEqualTo(ModuleOverview.Status.IN_PROGRESS);

                var mine = AsPerson.as(app, ANNA, () -> app.getBean(RegistrationService.class).mine());
                assertThat(mine).singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(RegistrationStatus.CONFIRMED);
                    assertThat(r.session().title()).isEqualTo("Signalen herkennen in Winschoten");
                });

                var verification = app.getBean(VerificationService.class).verify("omz upgr ade2 v26a", "192.0.2.1").found();
                assertThat(verification).hasValueSatisfying(v -> {
                    assertThat(v.status()).isEqualTo(CertificateStatus.VALID);
                    assertThat(v.municipalityName()).isEqualTo("Oldambt");
                });

                assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(ANNA))).as("the waiting mail is still there").isEqualTo(1);
            }
        }
    }

    /** The highest V-number under db/migration: what this version of the app migrates to. */
    static int latestMigration() throws Exception {
        Pattern version = Pattern.compile("^V(\\d+)__.*\\.sql$");
        try (Stream<Path> files = Files.list(Path.of("db/migration"))) {
            return files.map(f -> version.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
        }
    }
}
