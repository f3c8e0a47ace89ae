// Generates jOOQ classes from a real PostgreSQL: starts the embedded one, applies db/migration with
// Flyway and runs jOOQ's code generator. Run by exec-maven-plugin in generate-sources (see pom.xml).
// Skips the work when the migrations have not changed since the last run.
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.*;

import java.nio.file.*;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

public class GenerateJooq {

    /** One PostgreSQL schema per feature, named like the feature's package (see V23__feature_schemas.sql). */
    static final List<String> FEATURE_SCHEMAS = List.of("people", "security", "onboarding", "training", "sessions",
            "certificates", "notifications", "contacts", "privacy", "dashboard", "trainers", "campaigns");

    /** jOOQ matches a column with and without its schema, so both spellings are excluded. */
    private static final String NOT_DASHBOARD_READ_MODEL = "(dashboard\\.)?dashboard_.*";

    /** Status and enum columns read as the owning feature's Java enum instead of a string. */
    static final List<ForcedType> FORCED_TYPES = List.of(
            enumType("nl.omzien.sessions.TrainingSession.Status", "sessions\\.(training_session|session_seat_state)\\.status"),
            enumType("nl.omzien.sessions.RegistrationStatus", "sessions\\.registration\\.status"),
            enumType("nl.omzien.contacts.ContactKind", "contacts\\.local_contact\\.kind"),
            enumType("nl.omzien.dashboard.TargetKind", "dashboard\\.coalition_target\\.kind"),
            enumType("nl.omzien.people.Sector", "people\\.(organisation|v_organisation)\\.sector"),
            enumType("nl.omzien.certificates.internal.StoredCertificateStatus", "certificates\\.certificate\\.status"),
            // Typed ids: a table's primary key and every column in any schema that refers to it, so a person's
            // id cannot be passed where a session's is meant. (dashboard owner_id is a person or an
            // organisation, told apart by owner_kind, so it stays a plain number. The dashboard's read model
            // (dashboard.dashboard_* tables, views and routines) stores 0 for "all organisations / the whole
            // country", so its person, organisation and municipality columns stay numbers too.)
            idType("nl.omzien.base.PersonId", "people\\.(app_user|v_person)\\.id"
                    + "|.*\\.(user_id|person_id|created_by|registered_by|revoked_by|uploaded_by|updated_by|actor_id|subject_id"
                    + "|recorded_by|changed_by|walk_in_added_by|merged_into|entered_by|trainer_id)",
                    NOT_DASHBOARD_READ_MODEL),
            idType("nl.omzien.base.OrganisationId", "people\\.(organisation|v_organisation)\\.id|.*\\.organisation_id",
                    NOT_DASHBOARD_READ_MODEL),
            idType("nl.omzien.base.MunicipalityId", "people\\.(municipality|v_municipality)\\.id|.*\\.municipality_id",
                    NOT_DASHBOARD_READ_MODEL),
            idType("nl.omzien.sessions.SessionId", "sessions\\.training_session\\.id|.*\\.session_id"),
            idType("nl.omzien.sessions.RegistrationId", "sessions\\.(registration|v_registration)\\.id|.*\\.registration_id"),
            idType("nl.omzien.certificates.CertificateId",
                    "certificates\\.certificate\\.id|.*\\.(certificate_id|superseded_by)"),
            idType("nl.omzien.trainers.QualificationId", "trainers\\.qualification\\.id"),
            idType("nl.omzien.campaigns.CampaignId", "campaigns\\.campaign\\.id|campaigns\\..*\\.campaign_id"),
            idType("nl.omzien.campaigns.ActivityId", "campaigns\\.activity\\.id"));

    private static ForcedType enumType(String enumClass, String columns) {
        return new ForcedType().withUserType(enumClass).withEnumConverter(true).withIncludeExpression(columns);
    }

    /** A bigint id column read as a record such as {@code PersonId(long value)}; null stays null. */
    private static ForcedType idType(String idClass, String columns) {
        return idType(idClass, columns, null);
    }

    private static ForcedType idType(String idClass, String columns, String excluded) {
        return new ForcedType().withExcludeExpression(excluded).withUserType(idClass)
                .withLambdaConverter(new LambdaConverter().withFrom(idClass + "::new").withTo(idClass + "::value"))
                .withIncludeTypes("bigint|int8").withIncludeExpression(columns);
    }

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Path pgData = Path.of(args[2]);
        Path stamp = output.resolve(".migrations.sha256");
        // This generator's own settings (schemas, forced types) count as much as the migrations.
        String hash = hashOf(migrations, migrations.toAbsolutePath().getParent().getParent().resolve("build/GenerateJooq.java"));
        if (Files.exists(stamp) && Files.readString(stamp).equals(hash)) {
            System.out.println("jOOQ classes are up to date with " + migrations);
            return;
        }
        // Classes of a table or schema that is gone must not linger in the sources.
        deleteRecursively(output);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(pgData).setCleanDataDirectory(true).start()) {
            Flyway.configure().dataSource(pg.getPostgresDatabase())
                    .locations("filesystem:" + migrations.toAbsolutePath()).load().migrate();
            // Each feature's schema goes into that feature's internal package, so another feature using its
            // tables is a Spring Modulith violation (ModularityTests), not a silent reach-in. The views it
            // publishes for the others (v_*) go into <feature>.published, a named interface of the module.
            for (String schema : FEATURE_SCHEMAS) {
                generate(pg, output, schema, "nl.omzien." + schema + ".internal.db", null, "flyway_schema_history|v_.*");
                if (hasPublishedViews(pg, schema)) {
                    generate(pg, output, schema, "nl.omzien." + schema + ".published", "v_.*", null);
                }
            }
        }
        Files.writeString(stamp, hash);
    }

    private static void generate(EmbeddedPostgres pg, Path output, String schema, String packageName,
                                 String includes, String excludes) throws Exception {
        Database database = new Database()
                .withName("org.jooq.meta.postgres.PostgresDatabase")
                .withInputSchema(schema)
                .withForcedTypes(FORCED_TYPES);
        if (includes != null) {
            database.setIncludes(includes);
        }
        if (excludes != null) {
            database.setExcludes(excludes);
        }
        GenerationTool.generate(new Configuration()
                .withJdbc(new Jdbc().withDriver("org.postgresql.Driver")
                        .withUrl(pg.getJdbcUrl("postgres", "postgres"))
                        .withUser("postgres").withPassword("postgres"))
                .withGenerator(new Generator()
                        .withDatabase(database)
                        .withGenerate(new Generate()
                                .withJavaTimeTypes(true)
                                .withPojos(false)
                                .withDaos(false)
                                .withRecords(true))
                        .withTarget(new Target()
                                .withPackageName(packageName)
                                .withDirectory(output.toString())
                                // Each run writes only its own package; the default would empty the directory.
                                .withClean(false))));
    }

    private static boolean hasPublishedViews(EmbeddedPostgres pg, String schema) throws Exception {
        try (var connection = pg.getPostgresDatabase().getConnection();
             var statement = connection.prepareStatement(
                     "select 1 from information_schema.views where table_schema = ? and table_name like 'v\\_%'")) {
            statement.setString(1, schema);
            return statement.executeQuery().next();
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String hashOf(Path dir, Path generator) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        if (Files.exists(generator)) {
            digest.update(Files.readAllBytes(generator));
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                digest.update(file.getFileName().toString().getBytes());
                digest.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
