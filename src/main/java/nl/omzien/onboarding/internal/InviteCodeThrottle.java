package nl.omzien.onboarding.internal;

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
 * Limits wrong flyer codes per network, so walking through the 40 bits of the 8-character codes is impractical. A
 * code that is found does not count: a trainer's room typing the same flyer is never blocked. The rule for
 * {@link Throttle}.
 */
@Component
public class InviteCodeThrottle {

    private final Throttle throttle;
    private final Rule rule;

    InviteCodeThrottle(Throttle throttle, @Value("${omzien.invite-code.max-wrong-per-ip:20}") int maxPerWindow,
                       @Value("${omzien.invite-code.window:PT10M}") Duration window) {
        this.throttle = throttle;
        this.rule = new Rule(Throttle.Kind.INVITE_CODE, window, false, List.of(Limit.of(Scope.IP, maxPerWindow)));
    }

    /** A lookup slot, counted as wrong until {@link #found}; empty when this network typed too many wrong codes lately. */
    public OptionalLong tryAcquire(String ipAddress) {
        return throttle.tryAcquire(rule, null, ipAddress);
    }

    /** The code was right: it does not count. */
    public void found(long lookup) {
        throttle.forgive(lookup);
    }
}
