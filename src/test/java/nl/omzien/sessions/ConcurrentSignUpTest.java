package nl.omzien.sessions;

import nl.omzien.base.PersonId;

import nl.omzien.sessions.internal.JooqRegistrationRepository;
import nl.omzien.test.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static nl.omzien.sessions.internal.db.Tables.REGISTRATION;
import static nl.omzien.sessions.internal.db.Tables.SESSION_SEAT_STATE;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.val;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Many people at once on the real PostgreSQL: the seat count holds, and the waitlist is first come, first served. */
class ConcurrentSignUpTest extends IntegrationTest {

    @Autowired
    private SessionService sessionService;
    @Autowired
    private RegistrationService registrationService;
    @Autowired
    private JooqRegistrationRepository registrations;
    @Autowired
    private DSLContext db;
    @Autowired
    private UserDetailsService accounts;
    private SessionFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SessionFixtures(db, accounts);
    }

    private SessionId newSession(int capacity) {
        return fixtures.as(TRAINER, () -> sessionService.create(SessionFixtures.draft("Signalen herkennen", capacity, 10)));
    }

    /** Runs all tasks at once (released together by a latch) and returns their results in task order. */
    private static <T> List<T> simultaneously(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyConcurrentSignUpsForTenSeatsGiveTenSeatsAndFortyWaitingInArrivalOrder() throws Exception {
        SessionId session = newSession(10);
        List<String> people = fixtures.participants(50, "Thuiszorg Zuidoost-Drenthe");
        List<Callable<SignUpOutcome>> tasks = new ArrayList<>();
        for (String person : people) {
            tasks.add(() -> fixtures.as(person, () -> registrationService.signUp(session)));
        }
        List<SignUpOutcome> outcomes = simultaneously(tasks);

        assertThat(outcomes).filteredOn(o -> o.status() == RegistrationStatus.CONFIRMED).hasSize(10);
        assertThat(outcomes).filteredOn(o -> o.status() == RegistrationStatus.WAITLISTED).hasSize(40);
        assertThat(outcomes).noneMatch(SignUpOutcome::alreadyRegistered);
        var rows = registrations.liveForSession(session);
        assertThat(rows).hasSize(50);
        assertThat(rows.stream().map(JooqRegistrationRepository.Row::userId).distinct()).hasSize(50);
        // Arrival numbers are handed out under the lock: seats for 1..10, waitlist 11..50 in that order.
        List<Long> confirmedArrivals = rows.stream().filter(r -> r.status() == RegistrationStatus.CONFIRMED)
                .map(JooqRegistrationRepository.Row::arrival).sorted().toList();
        List<Long> waitingArrivals = rows.stream().filter(r -> r.status() == RegistrationStatus.WAITLISTED)
                .map(JooqRegistrationRepository.Row::arrival).sorted().toList();
        assertThat(confirmedArrivals).containsExactlyElementsOf(range(1, 10));
        assertThat(waitingArrivals).containsExactlyElementsOf(range(11, 50));
        FifoReplay.check(registrations.auditTrail(session), 10);
        assertThat(registrations.auditTrail(session).stream().map(e -> e.arrival()).toList())
                .as("the audit trail is in arrival order").isSorted();
        assertThat(fixtures.as(TRAINER, () -> sessionService.get(session)).freeSeats()).isZero();
        fixtures.assertCountersMatchTheRows(session, 10, 40);
    }


    @Test
    void aDoubleClickNeverGivesSomeoneTwoPlaces() throws Exception {
        SessionId session = newSession(3);
        String person = fixtures.participants(1, "Kapsalon Knip & Zo").getFirst();
        List<Callable<SignUpOutcome>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> fixtures.as(person, () -> registrationService.signUp(session)));
        }
        List<SignUpOutcome> outcomes = simultaneously(tasks);
        assertThat(outcomes.stream().map(SignUpOutcome::registrationId).distinct()).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.alreadyRegistered()).hasSize(1);
        assertThat(registrations.liveForSession(session)).hasSize(1);
    }

    @Test
    void concurrentCancellationsOfferTheFreedSeatsToTheFirstInLineOnly() throws Exception {
        SessionId session = newSession(10);
        List<String> people = fixtures.participants(30, "Thuiszorg Zuidoost-Drenthe");
        for (String person : people) {
            fixtures.as(person, () -> registrationService.signUp(session));
        }
        List<JooqRegistrationRepository.Row> before = registrations.liveForSession(session);
        // All ten seat holders cancel while three people from the middle of the waitlist leave too.
        List<JooqRegistrationRepository.Row> leaving = new ArrayList<>(before.subList(0, 10));
        leaving.addAll(List.of(before.get(14), before.get(17), before.get(22)));
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (var row : leaving) {
            String email = people.get(before.indexOf(row));
            tasks.add(() -> fixtures.as(email, () -> {
                registrationService.cancel(row.id());
                return true;
            }));
        }
        simultaneously(tasks);

        List<JooqRegistrationRepository.Row> after = registrations.liveForSession(session);
        List<Long> offered = after.stream().filter(r -> r.status() == RegistrationStatus.OFFERED)
                .map(JooqRegistrationRepository.Row::arrival).sorted().toList();
        List<Long> expected = before.stream().skip(10).filter(r -> !leaving.contains(r))
                .map(JooqRegistrationRepository.Row::arrival).limit(10).toList();
        assertThat(offered).containsExactlyElementsOf(expected);
        assertThat(after).filteredOn(r -> r.status().holdsSeat()).hasSize(10);
        FifoReplay.check(registrations.auditTrail(session), 10);

        // Now everyone offered accepts while the rest of the waitlist cancels and new people sign up.
        List<Callable<Boolean>> second = new ArrayList<>();
        for (var row : after) {
            String email = people.get(before.stream().map(JooqRegistrationRepository.Row::id).toList().indexOf(row.id()));
            if (row.status() == RegistrationStatus.OFFERED) {
                second.add(() -> fixtures.as(email, () -> {
                    registrationService.acceptOffer(row.id());
                    return true;
                }));
            } else {
                second.add(() -> fixtures.as(email, () -> {
                    registrationService.cancel(row.id());
                    return true;
                }));
            }
        }
        for (String newcomer : fixtures.participants(10, "Thuiszorg Zuidoost-Drenthe")) {
            second.add(() -> fixtures.as(newcomer, () -> registrationService.signUp(session).status() != null));
        }
        simultaneously(second);
        List<JooqRegistrationRepository.Row> end = registrations.liveForSession(session);
        assertThat(end).filteredOn(r -> r.status() == RegistrationStatus.CONFIRMED).hasSize(10);
        assertThat(end).filteredOn(r -> r.status() == RegistrationStatus.WAITLISTED).hasSize(10);
        assertThat(end.stream().filter(r -> r.status() == RegistrationStatus.CONFIRMED)
                .map(JooqRegistrationRepository.Row::arrival).sorted().toList())
                .containsExactlyElementsOf(expected);
        FifoReplay.check(registrations.auditTrail(session), 10);
        fixtures.assertCountersMatchTheRows(session, 10, 10);
    }

    @Test
    void theDatabaseItselfRefusesASeatBeyondCapacity() {
        SessionId session = newSession(1);
        List<String> people = fixtures.participants(2, "Kapsalon Knip & Zo");
        fixtures.as(people.get(0), () -> registrationService.signUp(session));
        PersonId second = fixtures.userId(people.get(1));
        // Bypassing the service, as a bug or a hand-written query would.
        assertThatThrownBy(() -> db.insertInto(REGISTRATION)
                .set(REGISTRATION.SESSION_ID, session).set(REGISTRATION.USER_ID, second)
                .set(REGISTRATION.STATUS, RegistrationStatus.CONFIRMED).set(REGISTRATION.ARRIVAL, 99L)
                .set(REGISTRATION.CREATED_AT, java.time.OffsetDateTime.now())
                .set(REGISTRATION.UPDATED_AT, java.time.OffsetDateTime.now()).execute())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("is full");
    }

    @Test
    void theSeatRowFollowsTheTrainersChangesAndTheGuardUsesTheNewCapacity() {
        SessionId session = newSession(1);
        List<String> people = fixtures.participants(2, "Kapsalon Knip & Zo");
        fixtures.as(people.get(0), () -> registrationService.signUp(session));
        // A trainer raises the capacity (any write to the session row is copied to its seat row).
        db.update(TRAINING_SESSION).set(TRAINING_SESSION.CAPACITY, 2).where(TRAINING_SESSION.ID.eq(session)).execute();
        assertThat(db.select(SESSION_SEAT_STATE.CAPACITY).from(SESSION_SEAT_STATE)
                .where(SESSION_SEAT_STATE.SESSION_ID.eq(session)).fetchSingle().value1()).isEqualTo(2);
        assertThat(fixtures.as(people.get(1), () -> registrationService.signUp(session)).status())
                .isEqualTo(RegistrationStatus.CONFIRMED);
        fixtures.assertCountersMatchTheRows(session, 2, 0);
        // Cancelled by the trainer: the seat row says so, and nobody can sign up any more.
        fixtures.as(TRAINER, () -> {
            sessionService.cancel(session);
            return null;
        });
        assertThat(db.select(SESSION_SEAT_STATE.STATUS).from(SESSION_SEAT_STATE)
                .where(SESSION_SEAT_STATE.SESSION_ID.eq(session)).fetchSingle().value1()).isEqualTo(TrainingSession.Status.CANCELLED);
        fixtures.assertCountersMatchTheRows(session, 0, 0);
    }

    @Test
    void theDatabaseAndJavaAgreeWhichStatusesHoldASeat() {
        for (RegistrationStatus status : RegistrationStatus.values()) {
            assertThat(db.fetchValue(function(name("sessions", "holds_seat"), Boolean.class, val(status.name()))))
                    .as(status.name()).isEqualTo(status.holdsSeat());
        }
    }

    private static List<Long> range(long from, long to) {
        List<Long> values = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            values.add(i);
        }
        values.sort(Comparator.naturalOrder());
        return values;
    }
}
