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
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(pgData).setCleanDataDirectory(true).start()) {
            Flyway.configure().dataSource(pg.getPostgresDatabase())
                    .locations("filesystem:" + migrations.toAbsolutePath()).load().migrate();
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver")
                            .withUrl(pg.getJdbcUrl("postgres", "postgres"))
                            .withUser("postgres").withPassword("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withExcludes("flyway_schema_history"))
                            .withGenerate(new Generate()
                                    .withJavaTimeTypes(true)
                                    .withPojos(false)
                                    .withDaos(false)
                                    .withRecords(true))
                            .withTarget(new Target()
                                    .withPackageName("nl.omzien.db")
                                    .withDirectory(output.toString()))));
        }
        Files.writeString(stamp, hash);
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
