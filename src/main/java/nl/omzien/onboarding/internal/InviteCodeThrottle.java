package nl.omzien.onboarding.internal;

import nl.omzien.security.FailedLookups;
import nl.omzien.security.Throttle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Limits wrong flyer codes per network, so walking through the 40 bits of the 8-character codes is impractical. A
 * code that is found does not count: a trainer's room typing the same flyer is never blocked.
 */
@Component
public class InviteCodeThrottle extends FailedLookups {

    InviteCodeThrottle(Throttle throttle, @Value("${omzien.invite-code.max-wrong-per-ip:20}") int maxPerWindow,
                       @Value("${omzien.invite-code.window:PT10M}") Duration window) {
        super(throttle, Throttle.Kind.INVITE_CODE, maxPerWindow, window);
    }
}
