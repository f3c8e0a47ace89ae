package nl.omzien.certificates.internal;

import nl.omzien.security.Throttle;
import nl.omzien.security.Throttle.Limit;
import nl.omzien.security.Throttle.Rule;
import nl.omzien.security.Throttle.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Limits failed verify lookups per IP address (unknown codes, names that do not match, PDFs that
 * differ), so walking through codes or guessing a holder's name is impractical even before the 60
 * random bits are considered. Lookups that find something do not count: a coalition checking fifty
 * real certificates is never blocked, and an attacker almost never finds one. The rule for {@link Throttle}.
 */
@Component
public class VerifyThrottle {

    private final Throttle throttle;
    private final Rule rule;

    VerifyThrottle(Throttle throttle, @Value("${omzien.verify.max-failures-per-ip:20}") int maxPerWindow,
                   @Value("${omzien.verify.window:PT10M}") Duration window) {
        this.throttle = throttle;
        this.rule = new Rule(Throttle.Kind.VERIFY, window, false, List.of(Limit.of(Scope.IP, maxPerWindow)));
    }

    /**
     * Takes a lookup slot for this address before anything is looked up, counted as a failure until
     * {@link #found} gives it back.
     *
     * @return the lookup, or empty when this address has had too many failed lookups lately (nothing is counted then)
     */
    public OptionalLong tryAcquire(String address) {
        return throttle.tryAcquire(rule, null, address);
    }

    /** The lookup that {@link #tryAcquire} allowed found something: it does not count. */
    public void found(long lookup) {
        throttle.forgive(lookup);
    }

    /** Forgets an address's failed lookups, e.g. when support lifts a block on a shared office connection. */
    public void forget(String address) {
        throttle.forgiveAddress(Throttle.Kind.VERIFY, address);
    }
}
