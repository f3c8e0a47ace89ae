package nl.omzien.test;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many callers at once, as a flood arrives, and how many pooled connections were in use meanwhile: an attempt
 * waiting for a throttle slot must not hold one (decision 021), or a burst on one form takes every other page down.
 */
public final class Bursts {

    private Bursts() {
    }

    /** Runs {@code task} {@code count} times on up to 48 threads, all released at once; returns the results in order. */
    public static List<Object> inParallel(int count, Callable<Object> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 48));
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The most pooled connections in use at any moment while {@code count} parallel {@code task}s ran. */
    public static int mostConnectionsInUse(DataSource dataSource, int count, Callable<Object> task) throws Exception {
        var connections = unwrap(dataSource).getHikariPoolMXBean();
        AtomicInteger mostActive = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().start(() -> {
            while (sampling.get()) {
                mostActive.accumulateAndGet(connections.getActiveConnections(), Math::max);
                Thread.onSpinWait();
            }
        });
        try {
            inParallel(count, task);
        } finally {
            sampling.set(false);
            sampler.join();
        }
        return mostActive.get();
    }

    private static HikariDataSource unwrap(DataSource dataSource) throws SQLException {
        return dataSource.unwrap(HikariDataSource.class);
    }
}
