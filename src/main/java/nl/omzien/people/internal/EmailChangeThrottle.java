package nl.omzien.people.internal;

import nl.omzien.security.Throttle;
import nl.omzien.security.Throttle.Limit;
import nl.omzien.security.Throttle.Rule;
import nl.omzien.security.Throttle.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * How many confirmation mails one address gets for e-mail changes in a window. Anyone with an account (and getting
 * one is free) types the address, so without it a profile page could bury a stranger's mailbox. A refused request
 * still counts. The rule for {@link Throttle}.
 */
@Component
public class EmailChangeThrottle {

    private final Throttle throttle;
    private final Rule rule;

    EmailChangeThrottle(Throttle throttle,
                        @Value("${omzien.email-change.throttle-window:PT1H}") Duration window,
                        @Value("${omzien.email-change.max-per-address:3}") int maxPerAddress) {
        this.throttle = throttle;
        this.rule = new Rule(Throttle.Kind.EMAIL_CHANGE, window, true, List.of(Limit.of(Scope.SUBJECT, maxPerAddress)));
    }

    /** Counts a mail to {@code address} and says whether it may go. */
    public boolean tryAcquire(String address) {
        return throttle.tryAcquire(rule, address, null).isPresent();
    }
}
