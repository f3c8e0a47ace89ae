package nl.omzien.security;

import nl.omzien.security.Throttle.Kind;
import nl.omzien.security.Throttle.Limit;
import nl.omzien.security.Throttle.Rule;
import nl.omzien.security.Throttle.Scope;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Limits failed lookups of a secret someone types (a certificate code, a flyer code) per network, so walking
 * through codes is impractical. A slot is taken before the lookup and given back when it found something: people
 * typing real codes are never blocked, and a guesser almost never finds one. The rule for {@link Throttle}; a
 * feature configures one per kind.
 */
public class FailedLookups {

    private final Throttle throttle;
    private final Rule rule;

    public FailedLookups(Throttle throttle, Kind kind, int maxPerWindow, Duration window) {
        this.throttle = throttle;
        this.rule = new Rule(kind, window, false, List.of(Limit.of(Scope.IP, maxPerWindow)));
    }

    /**
     * Takes a lookup slot for this address before anything is looked up, counted as a failure until
     * {@link #found} gives it back.
     *
     * @return the lookup, or empty when this network has had too many failed lookups lately (nothing is counted then)
     */
    public OptionalLong tryAcquire(String address) {
        return throttle.tryAcquire(rule, null, address);
    }

    /** The lookup that {@link #tryAcquire} allowed found something: it does not count. */
    public void found(long lookup) {
        throttle.forgive(lookup);
    }

    /** Forgets a network's failed lookups, e.g. when support lifts a block on a shared office connection. */
    public void forget(String address) {
        throttle.forgiveAddress(rule.kind(), address);
    }
}
