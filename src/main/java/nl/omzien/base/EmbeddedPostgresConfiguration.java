package nl.omzien.base;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Starts a real PostgreSQL (binaries from a Maven artifact) when no external database is configured,
 * so a newcomer runs Omzien with one command. Data stays in {@code omzien.embedded-db.data-dir}
 * between runs. Setting {@code SPRING_DATASOURCE_URL} switches this off.
 * <p>
 * Before trusting the server it checks three things the library leaves open: a server an earlier run left
 * running on the folder (crash, {@code kill -9}) is stopped first ({@link OrphanedPostmaster}); the server
 * answering on the port serves <em>this</em> data folder, not another PostgreSQL that already held the port;
 * and it asks every connection for a password ({@link EmbeddedPostgresPassword}).
 */
@Configuration(proxyBeanMethods = false)
// EmbeddedPostgresEarlyStart starts the server on the same condition.
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /**
     * The server {@link EmbeddedPostgresEarlyStart} began starting while Spring read its bean definitions. The
     * pending start owns it and stops it when the context closes, so this bean has no destroy method of its own.
     */
    @Bean(destroyMethod = "")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresEarlyStart.Pending pending) {
        return pending.await();
    }

    /** Starts PostgreSQL on the data folder and checks that the server is ours and asks for a password. */
    static EmbeddedPostgres start(Path dataDir, int port, boolean clean, boolean durable) throws IOException {
        Files.createDirectories(dataDir);
        log.info("Starting embedded PostgreSQL with data in {}", dataDir.toAbsolutePath());
        OrphanedPostmaster.clearBeforeStart(dataDir);
        if (port > 0) {
            requireFree(port, dataDir);
        }
        EmbeddedPostgresPassword password = EmbeddedPostgresPassword.forFolder(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(clean)
                // The library's readiness check signs in; with the password it works once trust is gone.
                .setConnectConfig("password", password.value())
                // Crash recovery after a power cut or kill -9 can take longer than the library's 10 s.
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("timezone", "UTC")
                // Look for tables to vacuum every 15 s instead of every minute: a session being booked
                // churns its registrations (V15); the setting only decides how soon vacuum looks.
                .setServerConfig("autovacuum_naptime", "15s");
        if (durable) {
            // The library starts PostgreSQL for throwaway test databases: fsync off (-F) and asynchronous
            // commits. Data that must survive a power cut needs both back on; only tests turn this off.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        try {
            requireOwnServer(postgres, dataDir);
            password.requireForEveryConnection(postgres.getPostgresDatabase(), postgres.getPort());
        } catch (SQLException | IOException | RuntimeException e) {
            postgres.close();
            if (e instanceof EmbeddedDatabaseException refusal) {
                throw refusal;
            }
            throw new EmbeddedDatabaseException("The embedded PostgreSQL in " + dataDir.toAbsolutePath()
                    + " started but could not be prepared: " + e.getMessage(), "See the log above for PostgreSQL's own messages.", e);
        }
        return postgres;
    }

    /**
     * PostgreSQL fails to bind a port that is taken, but the library only waits until something on the port
     * answers: without this check Omzien went on with another server's {@code postgres} database.
     */
    private static void requireFree(int port, Path dataDir) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
        } catch (IOException nothingListens) {
            return;
        }
        throw new EmbeddedDatabaseException("Port " + port + " (OMZIEN_EMBEDDED_DB_PORT) is already used by another "
                + "program, probably another PostgreSQL, so the embedded PostgreSQL for " + dataDir.toAbsolutePath()
                + " cannot listen there. Omzien stops rather than use another server's data.",
                "Choose a free port in OMZIEN_EMBEDDED_DB_PORT, or leave it unset for a random free port.");
    }

    /** The server on the port must be the one started on our data folder (the port check above can race). */
    static void requireOwnServer(EmbeddedPostgres postgres, Path dataDir) throws SQLException, IOException {
        String served;
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT current_setting('data_directory')")) {
            result.next();
            served = result.getString(1);
        }
        Path ours = dataDir.toRealPath();
        Path theirs = Path.of(served);
        boolean same;
        try {
            same = theirs.toRealPath().equals(ours);
        } catch (IOException notOnThisFileSystem) {
            same = false;
        }
        if (!same) {
            throw new EmbeddedDatabaseException("The PostgreSQL answering on port " + postgres.getPort()
                    + " is not Omzien's embedded server: it serves the data folder " + served + ", while Omzien's is "
                    + ours + ". Another PostgreSQL holds the port. Omzien stops rather than use another server's data.",
                    "Choose a free port in OMZIEN_EMBEDDED_DB_PORT, or leave it unset for a random free port.");
        }
    }

    /** Online backups of the embedded database; scheduled only when {@code OMZIEN_BACKUP_CRON} is set. */
    @Bean
    EmbeddedDatabaseBackup embeddedDatabaseBackup(EmbeddedPostgres postgres, @Value("${omzien.embedded-db.data-dir}") Path dataDir,
                                                  @Value("${omzien.backup.dir}") Path backupDir,
                                                  @Value("${omzien.backup.keep:7}") int keep, java.time.Clock clock) {
        return new EmbeddedDatabaseBackup(postgres, dataDir, backupDir, keep, clock);
    }

    /** Bound to {@code spring.datasource.hikari.*} like Boot's own pool (connection timeout, pool size). */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        // The library's data source carries the port, user and the folder's password.
        dataSource.setDataSource(postgres.getPostgresDatabase());
        dataSource.setPoolName("omzien-embedded");
        return dataSource;
    }
}
