package nl.omzien.sessions;

import nl.omzien.base.PersonId;

import nl.omzien.Application;
import nl.omzien.base.InvalidInputException;
import nl.omzien.sessions.internal.JooqRegistrationRepository;
import nl.omzien.sessions.internal.JooqRegistrationRepository.Row;
import org.jooq.DSLContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Not a CI test: drives the real sign-up service (with its mails and calendar files) with concurrent
 * callers at one session on the embedded PostgreSQL with durable commits, mixing sign-ups, cancellations
 * and offer acceptances, then replays the whole audit trail to prove no overbooking and strict
 * first-come-first-served. Reports seat changes per second and the latency of sign-ups. See bench/README.md.
 *
 * <pre>bench/signups.sh 20 20000 30 200</pre>
 * Arguments: concurrent callers, attempts, seats, people, durable commits (default true).
 */
public final class SignUpBenchmark {

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int attempts = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int seats = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int peopleCount = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        // Durable commits as on a real server (fsync, synchronous commit); "false" as 5th argument: the
        // test-only setting with neither.
        boolean durable = args.length <= 4 || Boolean.parseBoolean(args[4]);
        var dataDir = Files.createTempDirectory("omzien-bench");
        // Command-line arguments, not default properties: application.properties would win over those and
        // the benchmark would run on (and clean) the developer's own ./data database.
        ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).run(
                "--server.port=0", "--omzien.embedded-db.data-dir=" + dataDir.resolve("postgres"),
                "--omzien.embedded-db.clean=true", "--omzien.demo-data=true", "--logging.level.root=warn",
                "--vaadin.devmode.devTools.enabled=false", "--omzien.embedded-db.durable=" + durable);
        int exit = 0;
        try {
            DSLContext db = app.getBean(DSLContext.class);
            SessionFixtures fixtures = new SessionFixtures(db, app.getBean(UserDetailsService.class));
            SessionService sessions = app.getBean(SessionService.class);
            RegistrationService service = app.getBean(RegistrationService.class);
            JooqRegistrationRepository registrations = app.getBean(JooqRegistrationRepository.class);
            SessionId session = fixtures.as("trainer@omzien.example",
                    () -> sessions.create(SessionFixtures.draft("Benchmark", seats, 10)));
            List<String> people = fixtures.participants(peopleCount, "Thuiszorg Zuidoost-Drenthe");
            List<PersonId> ids = people.stream().map(fixtures::userId).toList();
            // Signed in once, as in the app, where the authentication lives in the HTTP session.
            UserDetailsService accounts = app.getBean(UserDetailsService.class);
            List<Authentication> signedIn = people.stream().map(accounts::loadUserByUsername)
                    .map(user -> (Authentication) UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()))
                    .toList();

            // Warm-up (JIT, connection pool, caches) on the same session; not measured.
            run(threads, Math.max(500, attempts / 10), service, registrations, session, ids, signedIn, new Counters());
            long auditBefore = registrations.auditTrail(session).size();
            CpuTime cpu = new CpuTime(db.fetchSingle("select pg_backend_pid()").get(0, Integer.class));
            Counters counters = new Counters();
            long started = System.nanoTime();
            run(threads, attempts, service, registrations, session, ids, signedIn, counters);
            double seconds = (System.nanoTime() - started) / 1e9;
            CpuTime.Used used = cpu.used();

            var trail = registrations.auditTrail(session);
            FifoReplay.Result replay = FifoReplay.check(trail, seats);
            int held = registrations.seatsTaken(session);
            // The seat row's counters (kept by the database trigger) must equal the rows they count.
            var seatRow = db.fetchSingle(
                    "select seats_held, waiting, (select count(*) from sessions.registration where session_id = ? and status = 'WAITLISTED') "
                            + "from sessions.session_seat_state where session_id = ?", session.value(), session.value());
            if (seatRow.get(0, Integer.class) != held || !seatRow.get(1, Integer.class).equals(seatRow.get(2, Integer.class))) {
                throw new AssertionError("seat counters " + seatRow + " differ from the registrations (held " + held + ")");
            }
            // Every audit entry is one seat change: a sign-up (seat or waitlist), a cancellation, an offer
            // made to the first in line, an offer accepted.
            long changes = trail.size() - auditBefore;
            long total = counters.signUps.sum() + counters.cancels.sum() + counters.accepts.sum() + counters.refused.sum();
            long[] latencies = counters.signUpNanos.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(latencies);
            System.out.printf("callers=%d seats=%d people=%d attempts=%d in %.1f s (durable commits: %s)%n", threads, seats,
                    peopleCount, total, seconds, durable);
            System.out.printf("seat changes=%d: %.0f changes/s (sign-ups placed=%d cancels=%d accepts=%d refused=%d, "
                            + "repeats=%d)%n", changes, changes / seconds, counters.placed.sum(), counters.cancels.sum(),
                    counters.accepts.sum(), counters.refused.sum(), counters.signUps.sum() - counters.placed.sum());
            System.out.printf("sign-up latency (%d sign-ups of someone without a place): p50 %.1f ms, p95 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms%n", latencies.length, percentile(latencies, 50),
                    percentile(latencies, 95), percentile(latencies, 99), percentile(latencies, 100));
            System.out.printf("audit entries=%d offers=%d direct seats=%d max seats held=%d (capacity %d), held at end=%d%n",
                    replay.steps(), replay.offers(), replay.directSeats(), replay.maxSeatsHeld(), seats, held);
            System.out.printf("cpu per attempt: java %.2f ms, postgres %.2f ms; load average at end %.1f%n",
                    used.javaMillis() / total, used.postgresMillis() / total,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("errors=%d%n", counters.errors.sum());
            System.out.println("overbookings=0 fifo-violations=0 (replay passed)");
            if (counters.errors.sum() > 0) {
                exit = 1;
            }
        } catch (AssertionError violation) {
            System.out.println("VIOLATION: " + violation.getMessage());
            exit = 1;
        } finally {
            app.close();
        }
        System.exit(exit);
    }

    private static final class Counters {
        final LongAdder signUps = new LongAdder();
        final LongAdder placed = new LongAdder(); // sign-ups that got a seat or a waitlist place (not a repeat)
        final LongAdder cancels = new LongAdder();
        final LongAdder accepts = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder errors = new LongAdder();
        final ConcurrentLinkedQueue<Long> signUpNanos = new ConcurrentLinkedQueue<>();
    }

    /**
     * {@code threads} callers each pick one of the people at random and sign them up, cancel (one in three
     * when they have a place), accept an offered seat (eight in ten when offered), or repeat a sign-up (a
     * double click, which must change nothing).
     */
    private static void run(int threads, int attempts, RegistrationService service, JooqRegistrationRepository registrations,
                            SessionId session, List<PersonId> ids, List<Authentication> signedIn, Counters counters)
            throws InterruptedException {
        AtomicInteger remaining = new AtomicInteger(attempts);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (remaining.getAndDecrement() > 0) {
                    int who = random.nextInt(ids.size());
                    SecurityContextHolder.getContext().setAuthentication(signedIn.get(who));
                    try {
                        Optional<Row> live = registrations.findLive(session, ids.get(who));
                        if (live.isEmpty()) {
                            long start = System.nanoTime();
                            boolean repeat = service.signUp(session).alreadyRegistered();
                            counters.signUpNanos.add(System.nanoTime() - start);
                            if (!repeat) {
                                counters.placed.increment();
                            }
                            counters.signUps.increment();
                        } else if (live.get().status() == RegistrationStatus.OFFERED && random.nextInt(10) < 8) {
                            service.acceptOffer(live.get().id());
                            counters.accepts.increment();
                        } else if (random.nextInt(3) == 0) {
                            service.cancel(live.get().id());
                            counters.cancels.increment();
                        } else {
                            service.signUp(session); // a double click: must change nothing
                            counters.signUps.increment();
                        }
                    } catch (InvalidInputException expected) {
                        counters.refused.increment(); // e.g. accepting an offer that another caller's cancel ended
                    } catch (RuntimeException unexpected) {
                        counters.errors.increment(); // e.g. no free connection in time; reported, never hidden
                        if (counters.errors.sum() < 5) {
                            unexpected.printStackTrace();
                        }
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.HOURS)) {
            throw new IllegalStateException("Benchmark did not finish");
        }
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
