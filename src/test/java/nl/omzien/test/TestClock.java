package nl.omzien.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in tests: it ticks with the system clock (mail retries, sign-in codes and
 * waits in browser tests keep working) but a test can move it, so lapsing offers, reminders and expiry
 * are tested by moving time instead of writing past dates. {@link IntegrationTest} puts it back to the
 * real time before every test.
 */
public final class TestClock extends Clock {

    private final ZoneId zone;
    /** Shared with the clocks {@link #withZone} makes, so they move together. */
    private final AtomicReference<Duration> offset;

    public TestClock() {
        this(ZoneId.of("Europe/Amsterdam"), new AtomicReference<>(Duration.ZERO));
    }

    private TestClock(ZoneId zone, AtomicReference<Duration> offset) {
        this.zone = zone;
        this.offset = offset;
    }

    /** Moves time forward (or back, with a negative duration) for the whole application. */
    public void advance(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
    }

    /** Sets the application's "now" to this instant; it ticks on from there. */
    public void setTo(Instant instant) {
        offset.set(Duration.between(Instant.now(), instant));
    }

    /** Back to the real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(other, offset);
    }
}
