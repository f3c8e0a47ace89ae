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
 * Limits verify lookups per IP address (every lookup counts, found or not), so walking through
 * codes is impractical even before the 60 random bits are considered. In memory: a restart forgets,
 * which costs an attacker nothing they could use.
 */
@Component
public class VerifyThrottle {

    private static final int MAX_ADDRESSES = 50_000;

    private final Map<String, Deque<Instant>> lookups = new ConcurrentHashMap<>();
    private final int maxPerWindow;
    private final Duration window;
    private final Clock clock;

    VerifyThrottle(@Value("${omzien.verify.max-lookups-per-ip:30}") int maxPerWindow,
                   @Value("${omzien.verify.window:PT10M}") Duration window, Clock clock) {
        this.maxPerWindow = maxPerWindow;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one lookup; false when this address has used up its lookups for now. */
    public boolean allow(String address) {
        Instant now = clock.instant();
        if (lookups.size() > MAX_ADDRESSES) {
            lookups.values().removeIf(times -> times.isEmpty() || times.peekLast().isBefore(now.minus(window)));
        }
        Deque<Instant> times = lookups.computeIfAbsent(address == null ? "unknown" : address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= maxPerWindow) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
