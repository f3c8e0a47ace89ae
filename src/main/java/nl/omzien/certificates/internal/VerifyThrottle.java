package nl.omzien.certificates.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed verify lookups per IP address (unknown codes, names that do not match, PDFs that
 * differ), so walking through codes or guessing a holder's name is impractical even before the 60
 * random bits are considered. Lookups that find something do not count: a coalition checking fifty
 * real certificates is never blocked, and an attacker almost never finds one. In memory: a restart
 * forgets, which gains an attacker one more window at most.
 */
@Component
public class VerifyThrottle {

    private static final int MAX_ADDRESSES = 50_000;

    private final Map<String, Deque<Instant>> lookups = new ConcurrentHashMap<>();
    private final int maxPerWindow;
    private final Duration window;
    private final Clock clock;

    VerifyThrottle(@Value("${omzien.verify.max-failures-per-ip:20}") int maxPerWindow,
                   @Value("${omzien.verify.window:PT10M}") Duration window, Clock clock) {
        this.maxPerWindow = maxPerWindow;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Takes a lookup slot for this address before anything is looked up, counted as a failure until
     * {@link #found} gives it back: reading and adding are one step, so parallel lookups cannot all pass
     * a count none of them has added to yet.
     *
     * @return false when this address has had too many failed lookups lately (nothing is counted then)
     */
    public boolean tryAcquire(String address) {
        Instant now = clock.instant();
        if (lookups.size() > MAX_ADDRESSES) {
            lookups.values().removeIf(times -> times.isEmpty() || times.peekLast().isBefore(now.minus(window)));
        }
        Deque<Instant> times = lookups.computeIfAbsent(key(address), a -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            if (times.size() >= maxPerWindow) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    /** The lookup that {@link #tryAcquire} allowed found something: it does not count. */
    public void found(String address) {
        Deque<Instant> times = lookups.get(key(address));
        if (times != null) {
            synchronized (times) {
                times.pollLast();
            }
        }
    }

    /** Forgets an address's failed lookups, e.g. when support lifts a block on a shared office connection. */
    public void forget(String address) {
        lookups.remove(key(address));
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
            times.pollFirst();
        }
    }

    private static String key(String address) {
        return address == null ? "unknown" : address;
    }
}
