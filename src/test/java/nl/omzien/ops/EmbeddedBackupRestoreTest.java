package nl.omzien.ops;

import nl.omzien.Application;
import nl.omzien.base.EmbeddedDatabaseBackup;
import nl.omzien.training.ModuleOverview;
import nl.omzien.training.TrainingService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.MUNICIPALITY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backup and restore of the embedded database as README "Operate it" describes it: a backup taken while
 * the app runs and writes, copied into a fresh data folder, and the app started on that folder.
 */
class EmbeddedBackupRestoreTest {

    private static final String PARTICIPANT = "deelnemer@omzien.example";

    @TempDir
    Path folder;

    private ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(Application.class).run(
                "--omzien.embedded-db.data-dir=" + dataDir,
                "--omzien.backup.dir=" + folder.resolve("backups"),
                "--server.port=0",
                "--omzien.demo-data=true",
                "--spring.main.banner-mode=off",
                "--vaadin.devmode.devTools.enabled=false",
                "--logging.level.com.vaadin=warn");
    }

    @Test
    void aBackupTakenWhileTheAppWritesRestoresIntoAFreshFolderAndTheAppStartsOnIt() throws Exception {
        int people;
        List<ModuleOverview> progress;
        int committedBeforeBackup;
        Path backup;
        try (ConfigurableApplicationContext app = start(folder.resolve("data").resolve("postgres"))) {
            DSLContext db = app.getBean(DSLContext.class);
            people = db.fetchCount(APP_USER);
            progress = AsPerson.as(app, PARTICIPANT, () -> app.getBean(TrainingService.class).myModules());

            // Someone keeps working while the backup runs: the copy must still be consistent.
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger written = new AtomicInteger();
            Thread writer = Thread.ofPlatform().start(() -> {
                while (writing.get()) {
                    db.insertInto(MUNICIPALITY).set(MUNICIPALITY.NAME, "Tijdens " + written.incrementAndGet()).execute();
                }
            });
            Thread.sleep(200);
            committedBeforeBackup = written.get() - 1;
            backup = app.getBean(EmbeddedDatabaseBackup.class).backup();
            writing.set(false);
            writer.join();
            assertThat(written.get()).as("writes went on during the backup").isGreaterThan(committedBeforeBackup + 1);
        }
        assertThat(backup.getFileName().toString()).matches("omzien-\\d{8}T\\d{6}Z");
        assertThat(backup.resolve("postgres").resolve("backup_label")).exists();

        // Restore: copy the backup's postgres folder to a fresh data folder, start the app there.
        Path restored = folder.resolve("restored").resolve("postgres");
        copy(backup.resolve("postgres"), restored);
        try (ConfigurableApplicationContext app = start(restored)) {
            DSLContext db = app.getBean(DSLContext.class);
            assertThat(db.fetchCount(APP_USER)).isEqualTo(people);
            for (int i = 1; i <= committedBeforeBackup; i++) {
                assertThat(db.fetchExists(MUNICIPALITY, MUNICIPALITY.NAME.eq("Tijdens " + i))).as("row %s, written before the backup", i).isTrue();
            }
            assertThat(AsPerson.as(app, PARTICIPANT, () -> app.getBean(TrainingService.class).myModules())).isEqualTo(progress);
            assertThat(db.fetchCount(MUNICIPALITY, MUNICIPALITY.NAME.eq("Coevorden"))).as("demo data not loaded again").isEqualTo(1);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.setPosixFilePermissions(to, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }
}
