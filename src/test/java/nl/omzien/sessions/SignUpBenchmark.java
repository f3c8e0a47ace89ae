package nl.omzien.sessions;

import nl.omzien.Application;
import nl.omzien.base.InvalidInputException;
import nl.omzien.sessions.internal.JooqRegistrationRepository;
import nl.omzien.sessions.internal.SeatChangeQueue;
import nl.omzien.sessions.internal.JooqRegistrationRepository.Row;
import org.jooq.DSLContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Not a CI test: drives the real sign-up service (with its mails) with many threads at one session on
 * the embedded PostgreSQL, with cancellations and offer acceptances mixed in, then replays the whole
 * audit trail to prove no overbooking and strict first-come-first-served. See bench/README.md.
 *
 * <pre>bench/signups.sh 64 100000 50 400</pre>
 * Arguments: threads, attempts, seats, people, durable commits (default true).
 */
public final class SignUpBenchmark {

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int attempts = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int seats = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int peopleCount = args.length > 3 ? Integer.parseInt(args[3]) : 400;
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
            SessionFixtures fixtures = new SessionFixtures(app.getBean(DSLContext.class), app.getBean(UserDetailsService.class));
            SessionService sessions = app.getBean(SessionService.class);
            RegistrationService service = app.getBean(RegistrationService.class);
            JooqRegistrationRepository registrations = app.getBean(JooqRegistrationRepository.class);
            long session = fixtures.as("trainer@omzien.example",
                    () -> sessions.create(SessionFixtures.draft("Benchmark", seats, 10)));
            List<String> people = fixtures.participants(peopleCount, "Thuiszorg Zuidoost-Drenthe");
            List<Long> ids = people.stream().map(fixtures::userId).toList();
            // Signed in once, as in the app, where the authentication lives in the HTTP session.
            UserDetailsService accounts = app.getBean(UserDetailsService.class);
            List<Authentication> signedIn = people.stream().map(accounts::loadUserByUsername)
                    .map(user -> (Authentication) UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()))
                    .toList();

            LongAdder signUps = new LongAdder();
            LongAdder placed = new LongAdder(); // sign-ups that got a seat or a waitlist place (not a repeat)
            LongAdder cancels = new LongAdder();
            LongAdder accepts = new LongAdder();
            LongAdder refused = new LongAdder();
            LongAdder errors = new LongAdder();
            AtomicInteger remaining = new AtomicInteger(attempts);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            SeatChangeQueue queue = app.getBean(SeatChangeQueue.class);
            SeatChangeQueue.Stats queueBefore = queue.stats();
            CpuTime cpu = new CpuTime(app.getBean(DSLContext.class).fetchSingle("select pg_backend_pid()").get(0, Integer.class));
            long started = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (remaining.getAndDecrement() > 0) {
                        int who = random.nextInt(people.size());
                        SecurityContextHolder.getContext().setAuthentication(signedIn.get(who));
                        try {
                            Optional<Row> live = registrations.findLive(session, ids.get(who));
                            if (live.isEmpty()) {
                                if (!service.signUp(session).alreadyRegistered()) {
                                    placed.increment();
                                }
                                signUps.increment();
                            } else if (live.get().status() == RegistrationStatus.OFFERED && random.nextInt(10) < 8) {
                                service.acceptOffer(live.get().id());
                                accepts.increment();
                            } else if (random.nextInt(3) == 0) {
                                service.cancel(live.get().id());
                                cancels.increment();
                            } else {
                                service.signUp(session); // a double click: must change nothing
                                signUps.increment();
                            }
                        } catch (InvalidInputException expected) {
                            refused.increment(); // e.g. accepting an offer that another thread's cancel ended
                        } catch (RuntimeException unexpected) {
                            errors.increment(); // e.g. no free connection in time; reported, never hidden
                            if (errors.sum() < 5) {
                                unexpected.printStackTrace();
                            }
                        }
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(2, TimeUnit.HOURS)) {
                throw new IllegalStateException("Benchmark did not finish");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            CpuTime.Used used = cpu.used();
            SeatChangeQueue.Stats queueAfter = queue.stats();
            var trail = registrations.auditTrail(session);
            FifoReplay.Result replay = FifoReplay.check(trail, seats);
            int held = registrations.seatsTaken(session);
            // The session row's counters (kept by the database trigger) must equal the rows they count.
            var counters = app.getBean(DSLContext.class).fetchSingle(
                    "select seats_held, waiting, (select count(*) from registration where session_id = ? and status = 'WAITLISTED') "
                            + "from session_seat_state where session_id = ?", session, session);
            if (counters.get(0, Integer.class) != held || !counters.get(1, Integer.class).equals(counters.get(2, Integer.class))) {
                throw new AssertionError("seat counters " + counters + " differ from the registrations (held " + held + ")");
            }
            long total = signUps.sum() + cancels.sum() + accepts.sum() + refused.sum();
            System.out.printf("threads=%d seats=%d people=%d attempts=%d in %.1f s (durable commits: %s)%n", threads, seats,
                    peopleCount, total, seconds, durable);
            System.out.printf("attempts/s=%.0f sign-ups/s=%.0f (sign-ups=%d cancels=%d accepts=%d refused=%d)%n",
                    total / seconds, signUps.sum() / seconds, signUps.sum(), cancels.sum(), accepts.sum(), refused.sum());
            System.out.printf("of the sign-ups: %d placed someone (%.0f/s), %d were repeats of a place already held%n",
                    placed.sum(), placed.sum() / seconds, signUps.sum() - placed.sum());
            System.out.printf("audit entries=%d offers=%d direct seats=%d max seats held=%d (capacity %d), held at end=%d%n",
                    replay.steps(), replay.offers(), replay.directSeats(), replay.maxSeatsHeld(), seats, held);
            long transactions = queueAfter.transactions() - queueBefore.transactions();
            long changes = queueAfter.changes() - queueBefore.changes();
            System.out.printf("seat changes=%d in %d transactions (%.1f per commit)%n", changes, transactions,
                    changes / (double) Math.max(1, transactions));
            System.out.printf("cpu per attempt: java %.2f ms, postgres %.2f ms; load average at end %.1f%n",
                    used.javaMillis() / total, used.postgresMillis() / total,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("errors=%d%n", errors.sum());
            System.out.println("overbookings=0 fifo-violations=0 (replay passed)");
        } catch (AssertionError violation) {
            System.out.println("VIOLATION: " + violation.getMessage());
            exit = 1;
        } finally {
            app.close();
        }
        System.exit(exit);
    }
}
