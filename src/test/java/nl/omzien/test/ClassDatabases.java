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
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * While a class runs, the copy for the next class is made and its pool filled on another thread, and the
 * previous class's copy is dropped there, so a class switch costs next to nothing on the main thread.
 */
public final class ClassDatabases implements DataSource, Closeable {

    static final String TEMPLATE = "postgres";
    /** Connections opened before a class starts; the pool grows up to the app's maximum when a test needs more. */
    private static final int WARM_CONNECTIONS = 8;
    private static final Logger log = LoggerFactory.getLogger(ClassDatabases.class);

    private final HikariDataSource seeding;
    private final Supplier<EmbeddedPostgres> postgres;
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "class-databases");
        thread.setDaemon(true);
        return thread;
    });
    private volatile HikariDataSource current;
    private volatile String currentName = TEMPLATE;
    private Future<Copy> next;
    private int copies;

    private record Copy(String name, HikariDataSource pool) {
    }

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
     * Switches the application to a fresh copy of the seeded database; the previous class's copy is dropped
     * in the background. Work still running for the previous class (a mail dispatch, say) loses its
     * connection, as it would when a server goes away; nothing of it reaches the new copy.
     */
    synchronized void freshCopy() {
        long started = System.nanoTime();
        HikariDataSource previous = current;
        String previousName = currentName;
        Copy copy;
        try {
            if (next == null) {
                // Close the seeding pool first: PostgreSQL copies a template only while nobody is connected to it.
                seeding.close();
                next = background.submit(this::makeCopy);
            }
            copy = next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not copy the test database: " + e.getCause().getMessage(), e.getCause());
        }
        current = copy.pool();
        currentName = copy.name();
        if (previous != seeding) {
            background.submit(() -> drop(previous, previousName));
        }
        next = background.submit(this::makeCopy);
        log.info("Test class database {} in use after {} ms", copy.name(), (System.nanoTime() - started) / 1_000_000);
    }

    private Copy makeCopy() throws SQLException {
        long started = System.nanoTime();
        String name = "omzien_class_" + (++copies);
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + TEMPLATE
                    + "' AND pid <> pg_backend_pid()");
            sql.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE + " STRATEGY FILE_COPY");
        }
        long copied = System.nanoTime();
        HikariConfig config = new HikariConfig();
        seeding.copyStateTo(config);
        config.setDataSource(postgres.get().getDatabase("postgres", name));
        config.setPoolName("omzien-" + name);
        // Production gives up on a connection after 3 s so a sign-in fails fast when PostgreSQL is down
        // (DatabaseOutageTest, its own context, proves that). Here the 180-thread throttle tests queue for
        // the pool's connections on fresh backends of a fresh copy, on a shared 2-core machine.
        config.setConnectionTimeout(Math.max(config.getConnectionTimeout(), 30_000));
        // Opening the app's whole pool on every class's copy cost seconds a class (on a loaded machine) for
        // tests that mostly use a few connections. Start with some, grow on demand.
        config.setMinimumIdle(Math.min(WARM_CONNECTIONS, config.getMaximumPoolSize()));
        HikariDataSource pool = new HikariDataSource(config);
        awaitFull(pool);
        log.info("Test class database {} made in {} ms (copy {} ms, then the pool)", name,
                (System.nanoTime() - started) / 1_000_000, (copied - started) / 1_000_000);
        return new Copy(name, pool);
    }

    private void drop(HikariDataSource pool, String name) {
        pool.close();
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            log.warn("Could not drop test database {}: {}", name, e.getMessage());
        }
    }

    private Connection admin() throws SQLException {
        return postgres.get().getDatabase("postgres", "template1").getConnection();
    }

    /**
     * Waits until the pool holds its warm connections: a test that starts with a burst of threads (throttles,
     * concurrent sign-ups) finds those ready; more are opened while it runs (the 30 s timeout above).
     */
    private static void awaitFull(HikariDataSource pool) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (pool.getHikariPoolMXBean().getTotalConnections() < pool.getMinimumIdle() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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
        background.shutdownNow();
        current.close();
        seeding.close();
        if (next != null && next.isDone() && !next.isCancelled()) {
            try {
                next.get().pool().close();
            } catch (InterruptedException | ExecutionException ignored) {
                // nothing was made, nothing to close
            }
        }
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
