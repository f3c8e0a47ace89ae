package nl.omzien.base;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL is started the way the app starts it ({@link EmbeddedPostgresConfiguration}) and
 * checked from outside with plain JDBC, as another local user or program would connect (issue 17, point 7).
 */
class EmbeddedPostgresSecurityTest {

    @TempDir
    Path temp;

    private static EmbeddedPostgres startLikeTheApp(Path dataDir, int port) throws IOException {
        return EmbeddedPostgresConfiguration.start(dataDir, port, false, false);
    }

    @Test
    void startUpStopsWithAClearMessageWhenAnotherPostgresAlreadyUsesTheConfiguredPort() throws Exception {
        int port = freePort();
        Path otherDir = temp.resolve("other-instance");
        Path ownDir = temp.resolve("omzien");
        try (EmbeddedPostgres other = EmbeddedPostgres.builder().setDataDirectory(otherDir).setPort(port).start()) {
            assertThatThrownBy(() -> {
                // Before the fix this returned, and the app went on with the other server's database.
                try (EmbeddedPostgres wrong = startLikeTheApp(ownDir, port)) {
                    wrong.getPort();
                }
            }).hasMessageContaining("Port " + port)
                    .hasMessageContaining(ownDir.toAbsolutePath().toString())
                    .hasMessageContaining("stops rather than use another server's data");
            // The other server was left alone.
            try (Connection connection = other.getPostgresDatabase().getConnection()) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void aServerThatAnswersOnThePortButServesAnotherFolderIsNotTakenForOurs() throws Exception {
        Path otherDir = temp.resolve("other-instance");
        Path ownDir = Files.createDirectories(temp.resolve("omzien"));
        try (EmbeddedPostgres other = EmbeddedPostgres.builder().setDataDirectory(otherDir).start()) {
            assertThatThrownBy(() -> EmbeddedPostgresConfiguration.requireOwnServer(other, ownDir))
                    .hasMessageContaining("port " + other.getPort())
                    .hasMessageContaining(otherDir.toRealPath().toString())
                    .hasMessageContaining(ownDir.toRealPath().toString());
            EmbeddedPostgresConfiguration.requireOwnServer(other, otherDir);
        }
    }

    @Test
    void theEmbeddedServerRefusesConnectionsWithoutTheGeneratedPassword() throws Exception {
        Path dataDir = temp.resolve("postgres");
        try (EmbeddedPostgres postgres = startLikeTheApp(dataDir, 0)) {
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            // Before: initdb -A trust, so anyone on the machine was superuser without a password.
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres")).isInstanceOf(SQLException.class);

            Path passwordFile = dataDir.resolve(EmbeddedPostgresPassword.FILE_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            String password = Files.readString(passwordFile).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(40);
            try (Connection connection = DriverManager.getConnection(url, "postgres", password)) {
                assertThat(connection.isValid(2)).isTrue();
            }
            assertThat(Files.readString(dataDir.resolve("pg_hba.conf")).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank()))
                    .isNotEmpty().allMatch(line -> line.strip().endsWith("scram-sha-256"));
        }
    }

    @Test
    void aDataFolderMadeWithTrustKeepsItsDataAndAsksForAPasswordAfterTheUpgrade() throws Exception {
        Path dataDir = temp.resolve("postgres");
        // A folder as earlier versions of Omzien left it: zonky's defaults, every local connection trusted.
        try (EmbeddedPostgres before = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
             Connection connection = before.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (name text); INSERT INTO kept VALUES ('Hardenberg')");
        }
        for (int start = 1; start <= 2; start++) {
            try (EmbeddedPostgres postgres = startLikeTheApp(dataDir, 0)) {
                String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
                assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null)).isInstanceOf(SQLException.class);
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                     Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT name FROM kept")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("Hardenberg");
                }
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
