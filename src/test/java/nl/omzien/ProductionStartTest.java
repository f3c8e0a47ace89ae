package nl.omzien;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The prod profile refuses to start on development defaults. (That it does start with its settings, and what
 * it then does with mail, is {@code notifications.MailInProductionTest}, on a full prod context.)
 */
class ProductionStartTest {

    @TempDir
    Path dataDir;

    @Test
    void prodDoesNotStartWithoutItsSecretsAndNamesEveryMissingOneAtOnce() {
        // Command-line arguments: they win over application-prod.properties, and an OMZIEN_TOTP_KEY in the
        // environment of whoever runs the tests does not matter.
        assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class).profiles("prod").run(
                "--omzien.totp.encryption-key=", "--omzien.base-url=", "--omzien.badges.signing-key=",
                "--omzien.embedded-db.data-dir=" + dataDir.resolve("postgres"), "--server.port=0",
                "--spring.main.banner-mode=off").close())
                .hasStackTraceContaining("OMZIEN_TOTP_KEY is not set")
                .hasStackTraceContaining("OMZIEN_BADGE_KEY is not set")
                .hasStackTraceContaining("OMZIEN_BASE_URL is not set");
        assertThat(dataDir.resolve("postgres")).as("stopped before the database started").doesNotExist();
    }

    @Test
    void prodDoesNotStartWithThePublishedDevelopmentKeyOrALocalAddress() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class).profiles("prod").run(
                "--omzien.totp.encryption-key=omzien-dev-only-totp-key-change-me", "--omzien.base-url=http://localhost:8080",
                "--omzien.embedded-db.data-dir=" + dataDir.resolve("postgres"), "--server.port=0",
                "--spring.main.banner-mode=off").close())
                .hasStackTraceContaining("OMZIEN_TOTP_KEY is too short or the development key")
                .hasStackTraceContaining("OMZIEN_BASE_URL must be the public https:// address");
    }
}
