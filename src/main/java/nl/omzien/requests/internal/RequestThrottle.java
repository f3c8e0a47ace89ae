package nl.omzien.requests.internal;

import nl.omzien.security.Throttle;
import nl.omzien.security.Throttle.Limit;
import nl.omzien.security.Throttle.Rule;
import nl.omzien.security.Throttle.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Per IP address (an IPv6 /64) and per contact address, how many public requests in a window are handled as usual;
 * the ones over it are kept but held (no mail goes out), so a flood cannot use Omzien to mail strangers and a real
 * request from a busy office network is not lost (decision 024). A refused attempt still counts. The rule for {@link Throttle}.
 */
@Component
public class RequestThrottle {

    private final Throttle throttle;
    private final Rule rule;
    private final int maxHeldPerDay;

    RequestThrottle(Throttle throttle,
                    @Value("${omzien.requests.throttle-window:PT1H}") Duration window,
                    @Value("${omzien.requests.max-per-ip:5}") int maxPerIp,
                    @Value("${omzien.requests.max-per-address:3}") int maxPerAddress,
                    @Value("${omzien.requests.max-held-per-ip-per-day:50}") int maxHeldPerDay) {
        this.throttle = throttle;
        // Per contact address too: requests from many networks must not bury one stranger's mailbox.
        this.rule = new Rule(Throttle.Kind.TRAINING_REQUEST, window, true,
                List.of(Limit.of(Scope.IP, maxPerIp), Limit.of(Scope.SUBJECT, maxPerAddress)));
        this.maxHeldPerDay = maxHeldPerDay;
    }

    /** Counts this request and says whether it is within the limits of its network and of its contact address. */
    public boolean tryAcquire(String ipAddress, String contactEmail) {
        return throttle.tryAcquire(rule, contactEmail, ipAddress).isPresent();
    }

    /** Held requests kept per address and day; beyond it a flood is dropped (and logged). */
    public int maxHeldPerDay() {
        return maxHeldPerDay;
    }
}
