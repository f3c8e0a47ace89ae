package nl.omzien.base;

import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The embedded PostgreSQL's superuser password. The library initialises a data folder with {@code trust} for
 * every local connection, so any user or program on the machine could read and change everything. Omzien
 * generates a random password, keeps it in {@value #FILE_NAME} in the data folder (readable by the owner
 * only), sets it on the {@code postgres} role and switches every {@code trust} rule in {@code pg_hba.conf} to
 * {@code scram-sha-256}. A folder made before this (all {@code trust}) is switched the same way on its next
 * start; PostgreSQL's own start-up check ({@code pg_ctl -w}) pings without signing in, and the library's check
 * signs in with this password.
 */
final class EmbeddedPostgresPassword {

    static final String FILE_NAME = "omzien-db-password";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresPassword.class);
    private static final Pattern TRUST = Pattern.compile("(?<=\\s)trust(?=\\s|$)");

    private final Path dataDir;
    private final String password;

    private EmbeddedPostgresPassword(Path dataDir, String password) {
        this.dataDir = dataDir;
        this.password = password;
    }

    /**
     * The folder's password, or a new one for a folder that has none yet (new, or still on {@code trust}).
     * Writes nothing: initdb needs an empty folder.
     */
    static EmbeddedPostgresPassword forFolder(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            return new EmbeddedPostgresPassword(dataDir, Files.readString(file, StandardCharsets.UTF_8).strip());
        }
        if (Files.isRegularFile(dataDir.resolve("pg_hba.conf")) && !trustsAnyone(dataDir)) {
            throw new EmbeddedDatabaseException("The embedded PostgreSQL in " + dataDir.toAbsolutePath()
                    + " asks for a password, but the file that holds it, " + file.toAbsolutePath() + ", is missing.",
                    "Restore " + FILE_NAME + " from a backup of the data folder, or start from an empty folder.");
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new EmbeddedPostgresPassword(dataDir, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    String value() {
        return password;
    }

    /**
     * After the server started: on a folder that still trusts local connections, store the password, set it
     * and switch pg_hba.conf to scram-sha-256. In this order a crash half-way is finished on the next start.
     */
    void requireForEveryConnection(DataSource postgres, int port) throws IOException, SQLException {
        if (!trustsAnyone(dataDir)) {
            return;
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            writeOwnerOnly(file, password);
        }
        try (Connection connection = postgres.getConnection()) {
            // The driver sends a SCRAM verifier, so the password itself never reaches the server or its log.
            connection.unwrap(PGConnection.class).alterUserPassword("postgres", password.toCharArray(), "scram-sha-256");
            Path hba = dataDir.resolve("pg_hba.conf");
            List<String> lines = Files.readAllLines(hba, StandardCharsets.UTF_8);
            String switched = lines.stream()
                    .map(line -> line.stripLeading().startsWith("#") ? line : TRUST.matcher(line).replaceAll("scram-sha-256"))
                    .collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(hba, switched, StandardCharsets.UTF_8);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_reload_conf()");
            }
        }
        awaitPasswordRequired(port);
        log.info("Embedded PostgreSQL in {} now asks every connection for a password (scram-sha-256); "
                + "the password is in {}", dataDir.toAbsolutePath(), file.toAbsolutePath());
    }

    /** The reload is a signal the server handles in its own time: wait until it refuses a connection without password. */
    private void awaitPasswordRequired(int port) throws SQLException {
        PGSimpleDataSource withoutPassword = new PGSimpleDataSource();
        withoutPassword.setServerNames(new String[] {"localhost"});
        withoutPassword.setPortNumbers(new int[] {port});
        withoutPassword.setDatabaseName("postgres");
        withoutPassword.setUser("postgres");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection ignored = withoutPassword.getConnection()) {
                Thread.sleep(50);
            } catch (SQLException refused) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new EmbeddedDatabaseException("The embedded PostgreSQL in " + dataDir.toAbsolutePath()
                + " still lets connections in without a password after switching pg_hba.conf to scram-sha-256.",
                "Check " + dataDir.resolve("pg_hba.conf").toAbsolutePath() + " by hand.");
    }

    static boolean trustsAnyone(Path dataDir) throws IOException {
        return Files.readAllLines(dataDir.resolve("pg_hba.conf"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.stripLeading().startsWith("#"))
                .anyMatch(line -> TRUST.matcher(line).find());
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        if (Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
