package nl.omzien.certificates.internal;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyThrottleTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Amsterdam");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void anAddressWithTooManyFailedLookupsWaitsWhileOthersCarryOn() {
        VerifyThrottle throttle = new VerifyThrottle(3, Duration.ofMinutes(10), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.tryAcquire("198.51.100.1")).isTrue();
        }
        assertThat(throttle.tryAcquire("198.51.100.1")).isFalse();
        assertThat(throttle.tryAcquire("198.51.100.2")).isTrue();

        now.set(now.get().plus(Duration.ofMinutes(11)));
        assertThat(throttle.tryAcquire("198.51.100.1")).isTrue();
    }

    @Test
    void lookupsThatFindSomethingDoNotCount() {
        VerifyThrottle throttle = new VerifyThrottle(3, Duration.ofMinutes(10), clock);
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.tryAcquire("198.51.100.3")).isTrue();
            throttle.found("198.51.100.3");
        }
        assertThat(throttle.tryAcquire("198.51.100.3")).isTrue();
    }

    /** Issue 17: checking before and counting after let parallel lookups all pass. */
    @Test
    void parallelLookupsFromOneAddressPassExactlyTheLimit() throws Exception {
        VerifyThrottle throttle = new VerifyThrottle(20, Duration.ofMinutes(10), clock);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return throttle.tryAcquire("198.51.100.4");
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Boolean> result : results) {
                allowed += result.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }
}
