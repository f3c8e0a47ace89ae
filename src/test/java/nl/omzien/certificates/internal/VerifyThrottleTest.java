package nl.omzien.certificates.internal;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
            assertThat(throttle.allow("198.51.100.1")).isTrue();
            throttle.failed("198.51.100.1");
        }
        assertThat(throttle.allow("198.51.100.1")).isFalse();
        assertThat(throttle.allow("198.51.100.2")).isTrue();

        now.set(now.get().plus(Duration.ofMinutes(11)));
        assertThat(throttle.allow("198.51.100.1")).isTrue();
    }
}
