package nl.omzien.security;

import nl.omzien.certificates.VerificationService;
import nl.omzien.security.Throttle.Kind;
import nl.omzien.security.Throttle.Limit;
import nl.omzien.security.Throttle.Rule;
import nl.omzien.security.Throttle.Scope;
import nl.omzien.test.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The one throttle behind sign-in, sign-in links and certificate lookups (issue 19). */
class ThrottleTest extends IntegrationTest {

    @Autowired
    Throttle throttle;
    @Autowired
    DSLContext db;
    @Autowired
    VerificationService verification;

    private static String freshIp() {
        return "198.51.100." + (int) (Math.random() * 250) + "-" + UUID.randomUUID();
    }

    private static final Rule THREE_PER_ADDRESS = new Rule(Kind.VERIFY, Duration.ofMinutes(10), false,
            List.of(Limit.of(Scope.IP, 3)));

    @Test
    void anAddressWithTooManyFailuresWaitsForTheWindowWhileOthersCarryOn() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        Throttle timed = new Throttle(db, new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("Europe/Amsterdam");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        String ip = freshIp();
        for (int i = 0; i < 3; i++) {
            assertThat(timed.tryAcquire(THREE_PER_ADDRESS, null, ip)).isPresent();
        }
        assertThat(timed.tryAcquire(THREE_PER_ADDRESS, null, ip)).isEmpty();
        assertThat(timed.tryAcquire(THREE_PER_ADDRESS, null, freshIp())).isPresent();

        now.set(now.get().plus(Duration.ofMinutes(11)));
        assertThat(timed.tryAcquire(THREE_PER_ADDRESS, null, ip)).as("the window has passed").isPresent();
    }

    @Autowired
    nl.omzien.security.internal.ThrottleRetention retention;

    /** What was typed (a stranger's address among it) does not stay: attempts go after 30 days, nightly. */
    @Test
    void attemptsOlderThanThirtyDaysAreDeleted() {
        String ip = freshIp();
        var table = nl.omzien.security.internal.db.Tables.THROTTLE_EVENT;
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
        for (int days : List.of(31, 29)) {
            db.insertInto(table).set(table.KIND, "SIGN_IN_LINK").set(table.SUBJECT, "vreemde-" + days + "@test.example")
                    .set(table.IP_ADDRESS, ip).set(table.AT, now.minusDays(days)).set(table.COUNTS, true).execute();
        }
        assertThat(retention.deleteOldAttempts()).isPositive();
        assertThat(db.select(table.SUBJECT).from(table).where(table.IP_ADDRESS.eq(ip)).fetch(table.SUBJECT))
                .containsExactly("vreemde-29@test.example");
        assertThat(retention.deleteOldAttempts()).as("twice deletes nothing more").isZero();
    }

    /** An IPv6 connection hands out a /64 per household: the next address in it must not start afresh. */
    @Test
    void addressesInOneIpv6NetworkShareALimit() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        String network = "2001:db8:%x:%x".formatted(random.nextInt(0x10000), random.nextInt(0x10000));
        for (int i = 1; i <= 3; i++) {
            assertThat(throttle.tryAcquire(THREE_PER_ADDRESS, null, network + "::" + i)).isPresent();
        }
        assertThat(throttle.tryAcquire(THREE_PER_ADDRESS, null, network + ":abcd:ef01:2345:6789")).as("same /64").isEmpty();
        assertThat(throttle.tryAcquire(THREE_PER_ADDRESS, null, network.replace("2001:db8:", "2001:db9:") + "::1"))
                .as("another network").isPresent();

        assertThat(Throttle.network("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(Throttle.network("::ffff:192.0.2.7")).as("IPv4 in IPv6 form").isEqualTo("192.0.2.7");
        assertThat(Throttle.network("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(Throttle.network(null)).isEqualTo("unknown");
    }

    @Test
    void forgivenAttemptsDoNotCountAndRefusedOnesOnlyWhenTheRuleSaysSo() {
        String ip = freshIp();
        for (int i = 0; i < 10; i++) {
            OptionalLong attempt = throttle.tryAcquire(THREE_PER_ADDRESS, null, ip);
            assertThat(attempt).isPresent();
            throttle.forgive(attempt.getAsLong());
        }
        assertThat(throttle.tryAcquire(THREE_PER_ADDRESS, null, ip)).isPresent();

        Rule floodCounts = new Rule(Kind.SIGN_IN_LINK, Duration.ofMinutes(15), true, List.of(Limit.of(Scope.SUBJECT, 2)));
        String address = "flood-" + UUID.randomUUID() + "@example.org";
        assertThat(throttle.tryAcquire(floodCounts, address, freshIp())).isPresent();
        assertThat(throttle.tryAcquire(floodCounts, address.toUpperCase(), freshIp())).as("any case, any address").isPresent();
        assertThat(throttle.tryAcquire(floodCounts, address, freshIp())).isEmpty();
        assertThat(db.fetchCount(nl.omzien.security.internal.db.Tables.THROTTLE_EVENT, nl.omzien.security.internal.db.Tables.THROTTLE_EVENT.SUBJECT.eq(address)))
                .as("the refused request is recorded too").isEqualTo(3);
    }

    /** Issue 17: checking before and counting after let parallel lookups all pass. */
    @Test
    void parallelCertificateLookupsFromOneAddressPassExactlyTheLimit() throws Exception {
        String ip = freshIp();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return !(verification.verify("OMZ-2222-3333-4444", ip) instanceof nl.omzien.certificates.VerificationResult.TooManyRequests);
                }));
            }
            start.countDown();
            int answered = 0;
            for (Future<Boolean> result : results) {
                answered += result.get() ? 1 : 0;
            }
            assertThat(answered).as("the default limit of 20 failed lookups per address").isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }
}
