package nl.omzien.onboarding.internal;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import static nl.omzien.db.Tables.SIGN_IN_REQUEST;

/**
 * Limits link requests per address and per IP address in a sliding window, so nobody can flood a
 * mailbox or probe many addresses. Kept in PostgreSQL so it holds across restarts and app instances.
 */
@Component
public class SignInLinkThrottle {

    private final DSLContext db;
    private final Clock clock;
    private final Duration window;
    private final int maxPerAddress;
    private final int maxPerIp;

    SignInLinkThrottle(DSLContext db, Clock clock,
                       @Value("${omzien.sign-in-link.throttle-window:PT15M}") Duration window,
                       @Value("${omzien.sign-in-link.max-per-address:3}") int maxPerAddress,
                       @Value("${omzien.sign-in-link.max-per-ip:20}") int maxPerIp) {
        this.db = db;
        this.clock = clock;
        this.window = window;
        this.maxPerAddress = maxPerAddress;
        this.maxPerIp = maxPerIp;
    }

    /** Counts this request and says whether it is within the limits. Its own transaction: a refused request still counts. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean tryAcquire(String email, String ipAddress) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime since = now.minus(window);
        int forAddress = db.fetchCount(SIGN_IN_REQUEST, SIGN_IN_REQUEST.EMAIL.eq(email), SIGN_IN_REQUEST.REQUESTED_AT.gt(since));
        int forIp = db.fetchCount(SIGN_IN_REQUEST, SIGN_IN_REQUEST.IP_ADDRESS.eq(ipAddress), SIGN_IN_REQUEST.REQUESTED_AT.gt(since));
        db.insertInto(SIGN_IN_REQUEST).set(SIGN_IN_REQUEST.EMAIL, email).set(SIGN_IN_REQUEST.IP_ADDRESS, ipAddress)
                .set(SIGN_IN_REQUEST.REQUESTED_AT, now).execute();
        return forAddress < maxPerAddress && forIp < maxPerIp;
    }
}
