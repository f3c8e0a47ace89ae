package nl.omzien.security.internal;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.OptionalLong;

import static nl.omzien.security.internal.db.Tables.LOGIN_ATTEMPT;
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

    /** First key of this throttle's advisory locks (the second is the IP address's hash). */
    private static final int LOCK_CLASS = 0x4c4f4749;

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

    /**
     * Counts a sign-in attempt <em>before</em> its password or code is checked, and says whether it may be
     * checked at all. Counting and checking are one step, serialised per IP address (both limits include
     * the address) by a transaction-scoped advisory lock: parallel attempts cannot all pass a count that
     * none of them has added to yet. The attempt is stored as failed; {@link #succeeded} corrects that.
     *
     * @return the attempt's id, or empty when the limits are reached (nothing is counted then)
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public OptionalLong begin(String email, String ipAddress) {
        String account = email.toLowerCase();
        db.fetch("select pg_advisory_xact_lock({0}, hashtext({1}))", val(LOCK_CLASS), val(ipAddress));
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime since = now.minus(window);
        var lastSuccess = select(max(LOGIN_ATTEMPT.ATTEMPTED_AT)).from(LOGIN_ATTEMPT)
                .where(lower(LOGIN_ATTEMPT.EMAIL).eq(account))
                .and(LOGIN_ATTEMPT.IP_ADDRESS.eq(ipAddress))
                .and(LOGIN_ATTEMPT.SUCCEEDED);
        int accountFailures = db.fetchCount(LOGIN_ATTEMPT,
                lower(LOGIN_ATTEMPT.EMAIL).eq(account)
                        .and(LOGIN_ATTEMPT.IP_ADDRESS.eq(ipAddress))
                        .and(LOGIN_ATTEMPT.SUCCEEDED.isFalse())
                        .and(LOGIN_ATTEMPT.ATTEMPTED_AT.gt(greatest(val(since), coalesce(lastSuccess.asField(), val(since))))));
        if (accountFailures >= maxFailuresPerAccountAndIp) {
            return OptionalLong.empty();
        }
        int ipFailures = db.fetchCount(LOGIN_ATTEMPT,
                LOGIN_ATTEMPT.IP_ADDRESS.eq(ipAddress)
                        .and(LOGIN_ATTEMPT.SUCCEEDED.isFalse())
                        .and(LOGIN_ATTEMPT.ATTEMPTED_AT.gt(since)));
        if (ipFailures >= maxFailuresPerIp) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(db.insertInto(LOGIN_ATTEMPT)
                .set(LOGIN_ATTEMPT.EMAIL, account)
                .set(LOGIN_ATTEMPT.IP_ADDRESS, ipAddress)
                .set(LOGIN_ATTEMPT.SUCCEEDED, false)
                .set(LOGIN_ATTEMPT.ATTEMPTED_AT, now)
                .returning(LOGIN_ATTEMPT.ID)
                .fetchSingle(LOGIN_ATTEMPT.ID));
    }

    /** The attempt begun with this id turned out right: it no longer counts, and clears the account's count. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(long attemptId) {
        db.update(LOGIN_ATTEMPT).set(LOGIN_ATTEMPT.SUCCEEDED, true).where(LOGIN_ATTEMPT.ID.eq(attemptId)).execute();
    }
}
