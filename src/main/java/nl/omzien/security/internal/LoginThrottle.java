package nl.omzien.security.internal;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import static nl.omzien.db.Tables.LOGIN_ATTEMPT;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

/**
 * Slows down password guessing without locking the real owner out: failures count per account
 * <em>and</em> IP address (so an attacker elsewhere cannot lock a user out), and per IP address
 * over all accounts (so one machine cannot try many accounts). A successful sign-in clears the
 * account-and-IP count.
 */
@Component
public class LoginThrottle {

    private final DSLContext db;
    private final Clock clock;
    private final Duration window;
    private final int maxFailuresPerAccountAndIp;
    private final int maxFailuresPerIp;

    LoginThrottle(DSLContext db, Clock clock,
                  @Value("${omzien.login.throttle-window:PT15M}") Duration window,
                  @Value("${omzien.login.max-failures-per-account-and-ip:5}") int maxFailuresPerAccountAndIp,
                  @Value("${omzien.login.max-failures-per-ip:30}") int maxFailuresPerIp) {
        this.db = db;
        this.clock = clock;
        this.window = window;
        this.maxFailuresPerAccountAndIp = maxFailuresPerAccountAndIp;
        this.maxFailuresPerIp = maxFailuresPerIp;
    }

    @Transactional(readOnly = true)
    public boolean isThrottled(String email, String ipAddress) {
        OffsetDateTime since = OffsetDateTime.now(clock).minus(window);
        var lastSuccess = select(max(LOGIN_ATTEMPT.ATTEMPTED_AT)).from(LOGIN_ATTEMPT)
                .where(lower(LOGIN_ATTEMPT.EMAIL).eq(email.toLowerCase()))
                .and(LOGIN_ATTEMPT.IP_ADDRESS.eq(ipAddress))
                .and(LOGIN_ATTEMPT.SUCCEEDED);
        int accountFailures = db.fetchCount(LOGIN_ATTEMPT,
                lower(LOGIN_ATTEMPT.EMAIL).eq(email.toLowerCase())
                        .and(LOGIN_ATTEMPT.IP_ADDRESS.eq(ipAddress))
                        .and(LOGIN_ATTEMPT.SUCCEEDED.isFalse())
                        .and(LOGIN_ATTEMPT.ATTEMPTED_AT.gt(greatest(val(since), coalesce(lastSuccess.asField(), val(since))))));
        if (accountFailures >= maxFailuresPerAccountAndIp) {
            return true;
        }
        int ipFailures = db.fetchCount(LOGIN_ATTEMPT,
                LOGIN_ATTEMPT.IP_ADDRESS.eq(ipAddress)
                        .and(LOGIN_ATTEMPT.SUCCEEDED.isFalse())
                        .and(LOGIN_ATTEMPT.ATTEMPTED_AT.gt(since)));
        return ipFailures >= maxFailuresPerIp;
    }

    /** Recorded in its own transaction: a failed sign-in must still count. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String email, String ipAddress, boolean succeeded) {
        db.insertInto(LOGIN_ATTEMPT)
                .set(LOGIN_ATTEMPT.EMAIL, email.toLowerCase())
                .set(LOGIN_ATTEMPT.IP_ADDRESS, ipAddress)
                .set(LOGIN_ATTEMPT.SUCCEEDED, succeeded)
                .set(LOGIN_ATTEMPT.ATTEMPTED_AT, OffsetDateTime.now(clock))
                .execute();
    }
}
