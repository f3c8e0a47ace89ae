package nl.omzien.base;

import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * A "test application" for {@link EmbeddedPostgresAfterKillTest}: starts the embedded PostgreSQL on a folder
 * exactly as the app does, prints {@code READY <port>}, then either waits to be killed ({@code wait}) or shuts
 * down cleanly ({@code stop}).
 */
public class EmbeddedPostgresMain {

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        EmbeddedPostgres postgres = EmbeddedPostgresConfiguration.start(Path.of(args[0]), 0, false, false);
        System.out.println("READY " + postgres.getPort());
        System.out.flush();
        if ("wait".equals(args[1])) {
            Thread.sleep(Long.MAX_VALUE);
        }
        postgres.close();
        System.exit(0);
    }
}
