package nl.omzien.onboarding.internal;

import nl.omzien.security.Throttle;
import nl.omzien.security.Throttle.Limit;
import nl.omzien.security.Throttle.Rule;
import nl.omzien.security.Throttle.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Limits link requests per address and per IP address in a sliding window, so nobody can flood a
 * mailbox or probe many addresses. A refused request still counts. The rule for {@link Throttle}.
 */
@Component
public class SignInLinkThrottle {

    private final Throttle throttle;
    private final Rule rule;

    SignInLinkThrottle(Throttle throttle,
                       @Value("${omzien.sign-in-link.throttle-window:PT15M}") Duration window,
                       @Value("${omzien.sign-in-link.max-per-address:3}") int maxPerAddress,
                       @Value("${omzien.sign-in-link.max-per-ip:20}") int maxPerIp) {
        this.throttle = throttle;
        this.rule = new Rule(Throttle.Kind.SIGN_IN_LINK, window, true, List.of(
                Limit.of(Scope.SUBJECT, maxPerAddress), Limit.of(Scope.IP, maxPerIp)));
    }

    /** Counts this request and says whether it is within the limits. */
    public boolean tryAcquire(String email, String ipAddress) {
        return throttle.tryAcquire(rule, email, ipAddress).isPresent();
    }
}
