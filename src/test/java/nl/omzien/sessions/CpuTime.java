package nl.omzien.sessions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used by this JVM and by the embedded PostgreSQL (postmaster and its backends), from /proc.
 * On a machine shared with other work, wall-clock throughput measures the queue for a core; CPU time
 * per operation is the figure that does not depend on the neighbours.
 */
final class CpuTime {

    record Used(double javaMillis, double postgresMillis) {
    }

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final long postmaster;
    private final double javaStart;
    private final double postgresStart;

    /** @param backendPid {@code pg_backend_pid()} of any connection: its parent is the postmaster */
    CpuTime(long backendPid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(backendPid), "stat"));
            postmaster = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        javaStart = javaMillis();
        postgresStart = postgresMillis();
    }

    Used used() {
        return new Used(javaMillis() - javaStart, postgresMillis() - postgresStart);
    }

    private static double javaMillis() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e6;
    }

    private double postgresMillis() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToDouble(this::millisIfPostgres).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** utime + stime (fields 14-17 of proc(5), counted from after the name) of the postmaster or one of its children; 0 for anything else. */
    private double millisIfPostgres(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long pid = Long.parseLong(process.getFileName().toString());
            long parent = Long.parseLong(fields[1]);
            if (pid != postmaster && parent != postmaster) {
                return 0;
            }
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (pid == postmaster) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]); // backends that have ended
            }
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0; // the process ended while we looked
        }
    }
}
