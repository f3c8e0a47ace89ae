package nl.omzien.base;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Online backup of the embedded PostgreSQL while the app runs: a copy of the data folder taken with
 * PostgreSQL's own low-level backup API ({@code pg_backup_start}/{@code pg_backup_stop}) plus the WAL
 * written meanwhile, kept from removal by a temporary replication slot, as {@code pg_basebackup} does.
 * The bundled binaries have no {@code pg_dump} or {@code pg_basebackup}, so the app does it itself.
 * <p>
 * A backup is a folder {@code omzien-<UTC time>/postgres} that is itself a data folder: to restore, copy
 * it to a fresh place and start Omzien with {@code OMZIEN_DATA_DIR} pointing at its parent; PostgreSQL
 * replays the WAL up to the end of the backup on first start (README, "Operate it"; decision 020).
 * It is written under a {@code .partial} name and renamed when complete.
 */
public class EmbeddedDatabaseBackup {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseBackup.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'omzien-'yyyyMMdd'T'HHmmss'Z'");
    /** Rebuilt or meaningless on start: PostgreSQL's documentation says to leave their contents out of a backup. */
    private static final Set<String> EMPTY_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> LEFT_OUT_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label.old",
            "pg_internal.init");

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final Path backupDir;
    private final int keep;
    private final Clock clock;

    public EmbeddedDatabaseBackup(EmbeddedPostgres postgres, Path dataDir, Path backupDir, int keep, Clock clock) {
        if (keep < 1) {
            throw new IllegalArgumentException("omzien.backup.keep must be at least 1");
        }
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.backupDir = backupDir;
        this.keep = keep;
        this.clock = clock;
    }

    /** Off unless {@code OMZIEN_BACKUP_CRON} is set ("-" is Spring's "never"). */
    @Scheduled(cron = "${omzien.backup.cron:-}")
    public void scheduled() {
        try {
            backup();
            removeOld();
        } catch (RuntimeException e) {
            log.error("Backup of the embedded database failed; the previous backups are kept", e);
        }
    }

    /** Takes a backup now into {@code omzien.backup.dir}. @return the backup's folder (holding {@code postgres/}) */
    public Path backup() {
        long started = System.currentTimeMillis();
        try {
            Files.createDirectories(backupDir);
            String name = NAME.format(clock.instant().atOffset(ZoneOffset.UTC));
            Path partial = backupDir.resolve(name + ".partial");
            Path target = partial.resolve("postgres");
            deleteRecursively(partial);
            copyOnline(target);
            Path done = backupDir.resolve(name);
            Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
            log.info("Backup {} written in {} ms ({} MB)", done.toAbsolutePath(), System.currentTimeMillis() - started,
                    size(done) / (1024 * 1024));
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException("Backup to " + backupDir.toAbsolutePath() + " failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Backup failed in PostgreSQL: " + e.getMessage(), e);
        }
    }

    private void copyOnline(Path target) throws SQLException, IOException {
        // One session for the whole backup: PostgreSQL ends a non-exclusive backup when its session ends.
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            // Keeps every WAL segment from here on until this session ends (temporary slot), so none of
            // the WAL the restore needs is recycled while the files are copied.
            statement.execute("SELECT pg_create_physical_replication_slot('omzien_backup_' || pg_backend_pid(), true, true)");
            try (PreparedStatement start = connection.prepareStatement("SELECT pg_backup_start(?, true)")) {
                start.setString(1, "omzien " + clock.instant());
                start.execute();
            }
            String label;
            String tablespaceMap;
            try {
                copyFolder(dataDir, target);
            } finally {
                try (ResultSet stop = statement.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                    stop.next();
                    label = stop.getString(1);
                    tablespaceMap = stop.getString(2);
                }
            }
            // The segment holding the backup's end record is complete once PostgreSQL moves on to the next.
            statement.execute("SELECT pg_switch_wal()");
            Files.writeString(target.resolve("backup_label"), label);
            if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
                Files.writeString(target.resolve("tablespace_map"), tablespaceMap);
            }
            copyWal(dataDir.resolve("pg_wal"), target.resolve("pg_wal"));
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = from.relativize(dir);
                Files.createDirectories(to.resolve(relative.toString()));
                ownerOnly(to.resolve(relative.toString()));
                boolean empty = relative.getNameCount() == 1 && EMPTY_DIRECTORIES.contains(relative.toString());
                if (empty && "pg_wal".equals(relative.toString())) {
                    Files.createDirectories(to.resolve("pg_wal").resolve("archive_status"));
                }
                return empty ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (LEFT_OUT_FILES.contains(name) || name.startsWith("pgsql_tmp")) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException droppedMeanwhile) {
                    // A table dropped or a temporary file removed during the copy: the WAL replay knows.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    /** The WAL segments (not the status folder's files), copied after the backup ended. */
    private static void copyWal(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try {
                    Files.copy(file, to.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                } catch (NoSuchFileException recycled) {
                    // Older than the slot's start: not needed.
                }
            }
        }
    }

    /** PostgreSQL refuses to start on a data folder others can read. */
    private static void ownerOnly(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Keeps the newest {@code omzien.backup.keep} complete backups. */
    void removeOld() {
        try (Stream<Path> entries = Files.list(backupDir)) {
            List<Path> complete = entries.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().matches("omzien-\\d{8}T\\d{6}Z"))
                    .sorted(Comparator.comparing(Path::getFileName).reversed()).toList();
            for (Path old : complete.subList(Math.min(keep, complete.size()), complete.size())) {
                deleteRecursively(old);
                log.info("Removed old backup {}", old.toAbsolutePath());
            }
        } catch (IOException e) {
            log.warn("Could not remove old backups in {}", backupDir.toAbsolutePath(), e);
        }
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
