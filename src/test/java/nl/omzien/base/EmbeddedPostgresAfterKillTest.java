package nl.omzien.base;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, point 8: the app is killed hard ({@code kill -9}) while its embedded PostgreSQL runs; that server
 * lives on. The next start used to fail ("Gave up waiting for server to start") and only a second start
 * worked. Real processes: a child JVM on this classpath starts the server the way the app does.
 */
class EmbeddedPostgresAfterKillTest {

    @TempDir
    Path temp;

    private final List<Process> children = new ArrayList<>();

    @Test
    void theFirstStartAfterAKillMinusNineStopsTheOrphanedServerAndSaysSo() throws Exception {
        Path dataDir = temp.resolve("postgres");

        Process first = child(dataDir, "wait");
        Output firstOutput = Output.of(first);
        assertThat(firstOutput.awaitLine("READY ", 120)).as(firstOutput::snapshot).isNotNull();
        long orphan = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim());
        first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the orphaned PostgreSQL").contains(true);

        Process second = child(dataDir, "stop");
        Output secondOutput = Output.of(second);
        assertThat(second.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String text = secondOutput.text();
        assertThat(second.exitValue()).as(text).isZero();
        assertThat(text).contains("READY ");
        assertThat(text).containsPattern("WARN .*OrphanedPostmaster.*still running on data folder .*" + dataDir.getFileName()
                + ".*stopping it");
        assertThat(text).containsPattern("WARN .*Stopped the orphaned embedded PostgreSQL \\(process " + orphan + "\\)");
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    private Process child(Path dataDir, String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedPostgresMain.class.getName(), dataDir.toString(), mode)
                .redirectErrorStream(true).start();
        children.add(process);
        return process;
    }

    /** Stops whatever is left: the child JVMs and, if the test failed half-way, a server on the temp folder. */
    @AfterEach
    void stopLeftovers() throws Exception {
        for (Process process : children) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        Path pidFile = temp.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            ProcessHandle.of(pid).ifPresent(server -> {
                server.destroy();
                server.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
            });
        }
    }

    /** Collects a child's output on a thread of its own, so the child never blocks on a full pipe. */
    private static final class Output {
        private final StringBuffer text = new StringBuffer();
        private final CompletableFuture<Void> done;

        private Output(Process process) {
            done = CompletableFuture.runAsync(() -> {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = reader.readLine()) != null; ) {
                        text.append(line).append('\n');
                    }
                } catch (IOException closed) {
                    // the process was killed
                }
            });
        }

        static Output of(Process process) {
            return new Output(process);
        }

        String awaitLine(String prefix, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                for (String line : text.toString().split("\n")) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
                if (done.isDone()) {
                    return null;
                }
                Thread.sleep(100);
            }
            return null;
        }

        String snapshot() {
            return text.toString();
        }

        String text() {
            done.orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
            return text.toString();
        }
    }
}
