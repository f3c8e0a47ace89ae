package nl.omzien.test;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.Closeable;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * The application's DataSource in tests: a pool on a database of its own per test class, a copy of the
 * migrated, demo-seeded database the context started with. PostgreSQL copies a database from a template
 * with {@code CREATE DATABASE ... TEMPLATE} in a fraction of a second, so every class starts from the same
 * data whatever the classes before it wrote, and HTTP calls, other threads and concurrency tests see the
 * class's data exactly as the test does (which a rollback per test could not give them).
 * <p>
 * The database the context migrated and seeded ({@code postgres}) becomes the template once the first
 * class asks for its copy; from then on nothing connects to it, as PostgreSQL requires of a template.
 */
public final class ClassDatabases implements DataSource, Closeable {

    static final String TEMPLATE = "postgres";
    private static final Logger log = LoggerFactory.getLogger(ClassDatabases.class);

    private final HikariDataSource seeding;
    private final Supplier<EmbeddedPostgres> postgres;
    private volatile HikariDataSource current;
    private volatile String currentName = TEMPLATE;
    private int copies;

    ClassDatabases(HikariDataSource seeding, Supplier<EmbeddedPostgres> postgres) {
        this.seeding = seeding;
        this.postgres = postgres;
        this.current = seeding;
    }

    /** The database the application uses now (a child process pointed at the same data needs it). */
    public String currentName() {
        return currentName;
    }

    /**
     * Switches the application to a fresh copy of the seeded database and drops the previous class's copy.
     * Work still running for the previous class (a mail dispatch, say) loses its connection, as it would
     * when a server goes away; nothing of it reaches the new copy.
     */
    synchronized void freshCopy() {
        long started = System.nanoTime();
        HikariDataSource previous = current;
        String previousName = currentName;
        String name = "omzien_class_" + (++copies);
        // Close the pool first: PostgreSQL copies a template only while nobody is connected to it.
        previous.close();
        try (Connection admin = postgres.get().getDatabase("postgres", "template1").getConnection();
             Statement sql = admin.createStatement()) {
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + TEMPLATE
                    + "' AND pid <> pg_backend_pid()");
            sql.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE + " STRATEGY FILE_COPY");
            if (!TEMPLATE.equals(previousName)) {
                sql.execute("DROP DATABASE " + previousName + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not copy the test database: " + e.getMessage(), e);
        }
        HikariConfig config = new HikariConfig();
        seeding.copyStateTo(config);
        config.setDataSource(postgres.get().getDatabase("postgres", name));
        config.setPoolName("omzien-" + name);
        current = new HikariDataSource(config);
        currentName = name;
        log.info("Test class database {} ready in {} ms", name, (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return current.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return current.getConnection(username, password);
    }

    @Override
    public synchronized void close() {
        current.close();
        seeding.close();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return current.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        current.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        current.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return current.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return java.util.logging.Logger.getLogger(java.util.logging.Logger.GLOBAL_LOGGER_NAME);
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return current.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || current.isWrapperFor(type);
    }
}
