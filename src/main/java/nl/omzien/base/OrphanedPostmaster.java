package nl.omzien.base;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Deals with what an earlier run left behind in the embedded PostgreSQL's data folder when it did not shut
 * down (crash, {@code kill -9}, power cut): the PostgreSQL it started keeps running on its own, and its
 * {@code postmaster.pid} makes a new server refuse the folder. Before the embedded server starts, an
 * orphaned server of this folder is stopped, and a lock file naming a process that is no longer a
 * PostgreSQL is removed. A folder still in use by another running Omzien is never touched.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    /** The lock zonky's EmbeddedPostgres holds on the data folder while its JVM lives. */
    static final String OWNER_LOCK_FILE = "epg-lock";
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
    private static final Duration FORCED_STOP = Duration.ofSeconds(10);

    private OrphanedPostmaster() {
    }

    /** Stops or clears what an earlier run left in {@code dataDir}; does nothing after a clean shutdown. */
    static void clearBeforeStart(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        requireNoLivingOwner(dataDir);
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            log.warn("Removing the empty {} left by an earlier run that did not shut down", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        long pid = Math.abs(Long.parseLong(lines.getFirst().trim()));
        String port = lines.size() > 3 ? lines.get(3).trim() : "?";
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            // PostgreSQL itself takes over a lock file whose process is gone (and checks its shared memory).
            log.warn("The embedded PostgreSQL in {} was not shut down cleanly by the previous run (its process {} "
                    + "is gone); PostgreSQL recovers from its write-ahead log on this start", dataDir, pid);
            return;
        }
        Optional<String> program = process.get().info().command().map(command -> Path.of(command).getFileName().toString());
        if (program.isEmpty()) {
            // Never guess: removing the lock file of a living server would let a second one open the same folder.
            throw new EmbeddedDatabaseException("The data folder " + dataDir.toAbsolutePath() + " holds " + pidFile.getFileName()
                    + " naming process " + pid + ", which is running, but Omzien cannot see which program it is.",
                    "If process " + pid + " is a PostgreSQL left by an earlier Omzien, stop it; if it is something else, "
                    + "delete " + pidFile.toAbsolutePath() + ". Then start Omzien again.");
        }
        if (!isPostgres(program.get()) || !servesThisFolder(lines, dataDir)) {
            log.warn("Removing {}: it names process {}, which is not a PostgreSQL of this data folder "
                    + "(the number was reused after the previous run ended without shutting down)", pidFile, pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("An embedded PostgreSQL (process {}, port {}) is still running on data folder {}, left by a previous "
                + "run that did not shut down (crash or kill -9); stopping it before starting a new one", pid, port, dataDir);
        String how = stop(process.get());
        log.warn("Stopped the orphaned embedded PostgreSQL (process {}) {}", pid, how);
    }

    /** Another running Omzien (this JVM or another) holds the folder's lock: its server is not an orphan. */
    private static void requireNoLivingOwner(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve(OWNER_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
             FileLock lock = file.getChannel().tryLock()) {
            if (lock != null) {
                return;
            }
        } catch (OverlappingFileLockException inThisJvm) {
            // fall through: this JVM runs a server on the folder already
        }
        throw new EmbeddedDatabaseException("Another running Omzien is using the data folder " + dataDir.toAbsolutePath()
                + " (its embedded PostgreSQL holds " + lockFile.getFileName() + ").",
                "Stop the other Omzien first, or give this one its own folder with OMZIEN_DATA_DIR.");
    }

    private static boolean isPostgres(String program) {
        return program.equals("postgres") || program.equals("postgres.exe");
    }

    /** The second line of postmaster.pid is the data folder the server was started on. */
    private static boolean servesThisFolder(List<String> pidFileLines, Path dataDir) {
        if (pidFileLines.size() < 2) {
            return false;
        }
        try {
            return Path.of(pidFileLines.get(1).trim()).toRealPath().equals(dataDir.toRealPath());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * SIGTERM first (PostgreSQL's "smart" shutdown: it waits for clients, and the killed app's connections are
     * already gone), SIGKILL only when that does not end it; PostgreSQL recovers from its WAL either way.
     */
    private static String stop(ProcessHandle process) {
        long started = System.nanoTime();
        process.destroy();
        if (awaitExit(process, GRACEFUL_STOP)) {
            return "in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms";
        }
        process.destroyForcibly();
        if (awaitExit(process, FORCED_STOP)) {
            return "by force after it ignored a request to stop for " + GRACEFUL_STOP.toSeconds() + " s";
        }
        throw new EmbeddedDatabaseException("The orphaned embedded PostgreSQL (process " + process.pid()
                + ") did not stop, not even by force.", "Stop process " + process.pid() + " by hand and start Omzien again.");
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
