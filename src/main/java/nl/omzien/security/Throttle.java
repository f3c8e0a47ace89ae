package nl.omzien.security;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static nl.omzien.security.internal.db.Tables.THROTTLE_EVENT;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.val;

/**
 * The one throttle for everything a stranger can repeat: password and code sign-ins, sign-in link
 * requests, certificate lookups, the public training request form and calls to the figures API (per key). Attempts are rows in PostgreSQL, so limits hold across restarts
 * and app instances. Counting and recording are one step, serialised by transaction-scoped advisory
 * locks on the subject and the IP address (always in that order, so two attempts never wait for each
 * other): parallel attempts cannot all pass a count none of them has added to yet.
 * <p>
 * Attempts from one address queue on that address's lock. Without a bound, a burst of sign-ins from one
 * network (a municipality's proxy, an attack) would each hold a pooled connection while queueing, and
 * starve every other page (issue 23: "Connection is not available ... active=16, waiting=133"). So at most
 * {@code omzien.throttle.max-connections} attempts hold a connection at a time; the others wait here,
 * without one (decision 021).
 */
@Component
public class Throttle {

    /** What is being throttled; each kind has its own counts. */
    public enum Kind { LOGIN, SIGN_IN_LINK, VERIFY, TRAINING_REQUEST, API, EMAIL_CHANGE, INVITE_CODE }

    /** Which earlier attempts a limit counts: same subject, same IP address, or both the same. */
    public enum Scope { SUBJECT, IP, SUBJECT_AND_IP }

    /**
     * At most {@code max} counting attempts in the rule's window. With {@code sinceLastForgiven}, only those
     * after the latest forgiven attempt in the same scope count (a successful sign-in resets the count).
     */
    public record Limit(Scope scope, int max, boolean sinceLastForgiven) {
        public static Limit of(Scope scope, int max) {
            return new Limit(scope, max, false);
        }
    }

    /**
     * @param refusedCounts whether a refused attempt is recorded too (a flood of link requests keeps
     *                      counting) or not (a blocked sign-in does not extend its own block)
     */
    public record Rule(Kind kind, Duration window, boolean refusedCounts, List<Limit> limits) {
    }

    private static final int SUBJECT_LOCK = 0x54485253;
    private static final int IP_LOCK = 0x54485249;

    private final DSLContext db;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final Semaphore connections;
    private final long waitMillis;

    @Autowired
    Throttle(DSLContext db, Clock clock, PlatformTransactionManager transactions,
             @Value("${omzien.throttle.max-connections:4}") int maxConnections,
             @Value("${omzien.throttle.max-wait-ms:60000}") long waitMillis) {
        this.db = db;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.connections = new Semaphore(maxConnections, true);
        this.waitMillis = waitMillis;
    }

    /** Without a transaction manager (a unit test on a plain connection): every statement commits at once. */
    Throttle(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.ownTransaction = null;
        this.connections = new Semaphore(Integer.MAX_VALUE);
        this.waitMillis = 0;
    }

    /**
     * Counts this attempt and says whether it may go ahead. In its own transaction: the count holds
     * whatever the caller's transaction does.
     *
     * @param subject the e-mail address tried (case does not matter), or null for a per-address rule
     * @return the attempt's id (to {@link #forgive} it later), or empty when a limit is reached
     */
    public OptionalLong tryAcquire(Rule rule, String subject, String ipAddress) {
        return bounded(() -> countAndRecord(rule, subject, ipAddress));
    }

    /**
     * Runs one throttle transaction once a connection slot is free; a slot that stays taken for
     * {@code max-wait-ms} means the app is overrun: the caller gets a database-unavailable error.
     */
    private <T> T bounded(Supplier<T> work) {
        try {
            if (!connections.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new CannotAcquireLockException("Too many throttle checks waiting; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotAcquireLockException("Interrupted while waiting for a throttle check", e);
        }
        try {
            return ownTransaction == null ? work.get() : ownTransaction.execute(status -> work.get());
        } finally {
            connections.release();
        }
    }

    /**
     * The network an address counts for. An IPv6 connection gets a whole /64 (one household or office), so the
     * next address in it is no fresh start; an IPv4 address is itself.
     */
    public static String network(String ipAddress) {
        if (ipAddress == null) {
            return "unknown";
        }
        if (ipAddress.indexOf(':') < 0) {
            return ipAddress;
        }
        try {
            // With a colon it is parsed as an IPv6 literal, never looked up. "::ffff:a.b.c.d" comes back as IPv4.
            InetAddress address = InetAddress.getByName(ipAddress);
            if (!(address instanceof Inet6Address)) {
                return address.getHostAddress();
            }
            byte[] prefix = address.getAddress();
            Arrays.fill(prefix, 8, 16, (byte) 0);
            return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
        } catch (java.net.UnknownHostException notAnAddress) {
            return ipAddress;
        }
    }

    private OptionalLong countAndRecord(Rule rule, String subject, String ipAddress) {
        String who = subject == null ? null : subject.toLowerCase();
        String ip = network(ipAddress);
        if (who != null) {
            db.fetch("select pg_advisory_xact_lock({0}, hashtext({1}))", val(SUBJECT_LOCK), val(rule.kind() + who));
        }
        db.fetch("select pg_advisory_xact_lock({0}, hashtext({1}))", val(IP_LOCK), val(rule.kind() + ip));
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean allowed = rule.limits().stream().allMatch(limit -> count(rule, limit, who, ip, now) < limit.max());
        if (!allowed && !rule.refusedCounts()) {
            return OptionalLong.empty();
        }
        long id = db.insertInto(THROTTLE_EVENT)
                .set(THROTTLE_EVENT.KIND, rule.kind().name())
                .set(THROTTLE_EVENT.SUBJECT, who)
                .set(THROTTLE_EVENT.IP_ADDRESS, ip)
                .set(THROTTLE_EVENT.AT, now)
                .set(THROTTLE_EVENT.COUNTS, true)
                .returning(THROTTLE_EVENT.ID).fetchSingle(THROTTLE_EVENT.ID);
        return allowed ? OptionalLong.of(id) : OptionalLong.empty();
    }

    /** Deletes attempts made before {@code moment} (retention); returns how many. */
    @Transactional
    public int forgetBefore(OffsetDateTime moment) {
        return db.deleteFrom(THROTTLE_EVENT).where(THROTTLE_EVENT.AT.lt(moment)).execute();
    }

    /** The attempt went right (a correct password, a certificate found): it no longer counts. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void forgive(long attemptId) {
        db.update(THROTTLE_EVENT).set(THROTTLE_EVENT.COUNTS, false).where(THROTTLE_EVENT.ID.eq(attemptId)).execute();
    }

    /** Forgets an address's counting attempts of one kind, e.g. when support lifts a block on a shared office connection. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void forgiveAddress(Kind kind, String ipAddress) {
        db.update(THROTTLE_EVENT).set(THROTTLE_EVENT.COUNTS, false)
                .where(THROTTLE_EVENT.KIND.eq(kind.name()), THROTTLE_EVENT.IP_ADDRESS.eq(network(ipAddress))).execute();
    }

    private int count(Rule rule, Limit limit, String who, String ip, OffsetDateTime now) {
        Condition scope = switch (limit.scope()) {
            case SUBJECT -> lower(THROTTLE_EVENT.SUBJECT).eq(who);
            case IP -> THROTTLE_EVENT.IP_ADDRESS.eq(ip);
            case SUBJECT_AND_IP -> lower(THROTTLE_EVENT.SUBJECT).eq(who).and(THROTTLE_EVENT.IP_ADDRESS.eq(ip));
        };
        Condition inScope = THROTTLE_EVENT.KIND.eq(rule.kind().name()).and(scope);
        OffsetDateTime since = now.minus(rule.window());
        if (limit.sinceLastForgiven()) {
            OffsetDateTime lastForgiven = db.select(max(THROTTLE_EVENT.AT)).from(THROTTLE_EVENT)
                    .where(inScope, THROTTLE_EVENT.COUNTS.isFalse()).fetchOne(0, OffsetDateTime.class);
            if (lastForgiven != null && lastForgiven.isAfter(since)) {
                since = lastForgiven;
            }
        }
        return db.fetchCount(THROTTLE_EVENT, inScope, THROTTLE_EVENT.COUNTS.isTrue(), THROTTLE_EVENT.AT.gt(since));
    }
}
