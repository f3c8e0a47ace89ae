package nl.omzien.security.internal;

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
 * Slows down password guessing without locking the real owner out: failures count per account
 * <em>and</em> IP address (so an attacker elsewhere cannot lock a user out), and per IP address
 * over all accounts (so one machine cannot try many accounts). A successful sign-in clears the
 * account-and-IP count. The rule for {@link Throttle}.
 */
@Component
public class LoginThrottle {

    private final Throttle throttle;
    private final Rule rule;

    LoginThrottle(Throttle throttle,
                  @Value("${omzien.login.throttle-window:PT15M}") Duration window,
                  @Value("${omzien.login.max-failures-per-account-and-ip:5}") int maxFailuresPerAccountAndIp,
                  @Value("${omzien.login.max-failures-per-ip:30}") int maxFailuresPerIp) {
        this.throttle = throttle;
        this.rule = new Rule(Throttle.Kind.LOGIN, window, false, List.of(
                new Limit(Scope.SUBJECT_AND_IP, maxFailuresPerAccountAndIp, true),
                Limit.of(Scope.IP, maxFailuresPerIp)));
    }

    /**
     * Counts a sign-in attempt <em>before</em> its password or code is checked, and says whether it may be
     * checked at all. The attempt counts as failed until {@link #succeeded} says otherwise.
     *
     * @return the attempt's id, or empty when the limits are reached (nothing is counted then)
     */
    public OptionalLong begin(String email, String ipAddress) {
        return throttle.tryAcquire(rule, email, ipAddress);
    }

    /** The attempt begun with this id turned out right: it no longer counts, and clears the account's count. */
    public void succeeded(long attemptId) {
        throttle.forgive(attemptId);
    }
}
