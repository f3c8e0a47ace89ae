package nl.omzien.certificates.internal;

import nl.omzien.security.FailedLookups;
import nl.omzien.security.Throttle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Limits failed verify lookups per IP address (unknown codes, names that do not match, PDFs that
 * differ), so walking through codes or guessing a holder's name is impractical even before the 60
 * random bits are considered. Lookups that find something do not count: a coalition checking fifty
 * real certificates is never blocked, and an attacker almost never finds one.
 */
@Component
public class VerifyThrottle extends FailedLookups {

    VerifyThrottle(Throttle throttle, @Value("${omzien.verify.max-failures-per-ip:20}") int maxPerWindow,
                   @Value("${omzien.verify.window:PT10M}") Duration window) {
        super(throttle, Throttle.Kind.VERIFY, maxPerWindow, window);
    }
}
