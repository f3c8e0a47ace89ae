package nl.omzien.onboarding.internal;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import static nl.omzien.onboarding.internal.db.Tables.SIGN_IN_REQUEST;
import static org.jooq.impl.DSL.val;

/**
 * Limits link requests per address and per IP address in a sliding window, so nobody can flood a
 * mailbox or probe many addresses. Kept in PostgreSQL so it holds across restarts and app instances.
 */
@Component
public class SignInLinkThrottle {

    private static final int ADDRESS_LOCK = 0x4c4e4b41;
    private static final int IP_LOCK = 0x4c4e4b49;

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

    /**
     * Counts this request and says whether it is within the limits. Its own transaction: a refused request
     * still counts. Advisory locks on the address and then the IP address (always in that order, so two
     * requests cannot wait for each other) make count and insert one step: parallel requests cannot all
     * read the same count.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean tryAcquire(String email, String ipAddress) {
        db.fetch("select pg_advisory_xact_lock({0}, hashtext({1})), pg_advisory_xact_lock({2}, hashtext({3}))",
                val(ADDRESS_LOCK), val(email), val(IP_LOCK), val(ipAddress));
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime since = now.minus(window);
        int forAddress = db.fetchCount(SIGN_IN_REQUEST, SIGN_IN_REQUEST.EMAIL.eq(email), SIGN_IN_REQUEST.REQUESTED_AT.gt(since));
        int forIp = db.fetchCount(SIGN_IN_REQUEST, SIGN_IN_REQUEST.IP_ADDRESS.eq(ipAddress), SIGN_IN_REQUEST.REQUESTED_AT.gt(since));
        db.insertInto(SIGN_IN_REQUEST).set(SIGN_IN_REQUEST.EMAIL, email).set(SIGN_IN_REQUEST.IP_ADDRESS, ipAddress)
                .set(SIGN_IN_REQUEST.REQUESTED_AT, now).execute();
        return forAddress < maxPerAddress && forIp < maxPerIp;
    }
}
