package nl.omzien.dashboard.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The separate embedded PostgreSQL of the national-scale benchmark: its own data folder (default
 * target/national-scale/postgres), never the dev or test database. Durability is switched off: the data
 * is generated and thrown away, and the benchmark measures reads.
 */
final class NationalScaleDatabase {

    static final Path DEFAULT_DIR = Path.of("target/national-scale/postgres");

    private NationalScaleDatabase() {
    }

    /** {@code fresh}: delete what is there first (zonky's own "clean" would also delete it again on close). */
    static EmbeddedPostgres start(Path dataDir, boolean fresh) throws IOException {
        if (fresh && Files.exists(dataDir)) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("timezone", "UTC")
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("work_mem", "64MB")
                .setServerConfig("maintenance_work_mem", "512MB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_parallel_workers_per_gather", "2")
                .start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase())
                .locations("filesystem:db/migration").load().migrate();
        return postgres;
    }
}
