// Generates jOOQ classes from a real PostgreSQL: starts the embedded one, applies db/migration with
// Flyway and runs jOOQ's code generator. Run by exec-maven-plugin in generate-sources (see pom.xml).
// Skips the work when the migrations have not changed since the last run.
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.*;

import java.nio.file.*;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

public class GenerateJooq {
    /** One PostgreSQL schema per feature, named like the feature's package (see V23__feature_schemas.sql). */
    static final String[] FEATURE_SCHEMAS = {"people", "security", "onboarding", "training", "sessions",
            "certificates", "notifications", "contacts", "privacy", "dashboard"};

    /** Status and enum columns read as the owning feature's Java enum instead of a string. */
    static final java.util.List<ForcedType> FORCED_TYPES = java.util.List.of();

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Path pgData = Path.of(args[2]);
        Path stamp = output.resolve(".migrations.sha256");
        String hash = hashOf(migrations);
        if (Files.exists(stamp) && Files.readString(stamp).equals(hash)) {
            System.out.println("jOOQ classes are up to date with " + migrations);
            return;
        }
        deleteRecursively(output);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(pgData).setCleanDataDirectory(true).start()) {
            Flyway.configure().dataSource(pg.getPostgresDatabase())
                    .locations("filesystem:" + migrations.toAbsolutePath()).load().migrate();
            // Each feature's schema goes into that feature's internal package, so another feature using
            // its tables is a Spring Modulith violation (ModularityTests), not a silent reach-in.
            for (String schema : FEATURE_SCHEMAS) {
                GenerationTool.generate(new Configuration()
                        .withJdbc(new Jdbc().withDriver("org.postgresql.Driver")
                                .withUrl(pg.getJdbcUrl("postgres", "postgres"))
                                .withUser("postgres").withPassword("postgres"))
                        .withGenerator(new Generator()
                                .withDatabase(new Database()
                                        .withName("org.jooq.meta.postgres.PostgresDatabase")
                                        .withInputSchema(schema)
                                        .withExcludes("flyway_schema_history")
                                        .withForcedTypes(FORCED_TYPES))
                                .withGenerate(new Generate()
                                        .withJavaTimeTypes(true)
                                        .withPojos(false)
                                        .withDaos(false)
                                        .withRecords(true))
                                .withTarget(new Target()
                                        .withPackageName("nl.omzien." + schema + ".internal.db")
                                        .withDirectory(output.toString())
                                        // Each run owns only its package; the default would empty the directory.
                                        .withClean(false))));
            }
        }
        Files.writeString(stamp, hash);
    }

    /** Classes of a table or schema that is gone must not linger in the sources. */
    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String hashOf(Path dir) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                digest.update(file.getFileName().toString().getBytes());
                digest.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
