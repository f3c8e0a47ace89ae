package nl.omzien.sessions;

import nl.omzien.base.PersonId;

import nl.omzien.base.InvalidInputException;
import nl.omzien.sessions.internal.JooqRegistrationRepository;
import nl.omzien.sessions.internal.JooqRegistrationRepository.AuditEntry;
import nl.omzien.sessions.internal.JooqRegistrationRepository.Row;
import nl.omzien.sessions.internal.SeatAllocation;
import nl.omzien.sessions.internal.SeatRequest;
import nl.omzien.test.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static nl.omzien.sessions.internal.db.Tables.SESSION_AUDIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each seat change is an ordinary transaction on its caller's thread that decides its own change under the
 * session's lock ({@link SeatAllocation#decide}). Here: the rules one change at a time, and many callers on
 * one session at once with the whole audit trail replayed.
 */
class SeatDecisionTest extends IntegrationTest {

    @Autowired
    private SessionService sessionService;
    @Autowired
    private RegistrationService registrationService;
    @Autowired
    private JooqRegistrationRepository registrations;
    @Autowired
    private SeatAllocation seats;
    @Autowired
    private PlatformTransactionManager transactionManager;
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
        return fixtures.as(TRAINER, () -> sessionService.create(SessionFixtures.draft("Samen", capacity, 10)));
    }

    private Row place(SessionId session, String email) {
        return registrations.findLive(session, fixtures.userId(email)).orElseThrow();
    }

    @Test
    void aFreedSeatGoesToTheFirstInLineAndNewcomersQueueBehindEveryoneWaiting() {
        SessionId session = newSession(2);
        List<String> people = fixtures.participants(6, "Kapsalon Knip & Zo");
        for (String person : people.subList(0, 4)) {
            fixtures.as(person, () -> registrationService.signUp(session));
        }
        Row firstSeat = place(session, people.get(0));

        SignUpOutcome e = fixtures.as(people.get(4), () -> registrationService.signUp(session));
        fixtures.as(people.get(0), () -> registrationService.cancel(firstSeat.id()));
        SignUpOutcome eAgain = fixtures.as(people.get(4), () -> registrationService.signUp(session));
        SignUpOutcome f = fixtures.as(people.get(5), () -> registrationService.signUp(session));

        assertThat(e.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(e.alreadyRegistered()).isFalse();
        assertThat(eAgain.registrationId()).isEqualTo(e.registrationId());
        assertThat(eAgain.alreadyRegistered()).isTrue();
        // The freed seat is offered to the first who was waiting, never taken by a newcomer.
        assertThat(f.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(registrations.find(firstSeat.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(place(session, people.get(2)).status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(place(session, people.get(3)).status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(place(session, people.get(3)).arrival()).isLessThan(place(session, people.get(4)).arrival());
        assertThat(place(session, people.get(4)).arrival()).isLessThan(place(session, people.get(5)).arrival());
        assertThat(registrations.liveForSession(session)).hasSize(5);
        FifoReplay.check(registrations.auditTrail(session), 2);
        fixtures.assertCountersMatchTheRows(session, 2, 3);
    }

    @Test
    void anOfferAcceptedThenGivenBackPassesToTheNextAndADeclinedOfferCannotBeAccepted() {
        SessionId session = newSession(1);
        List<String> people = fixtures.participants(4, "Kapsalon Knip & Zo");
        for (String person : people) {
            fixtures.as(person, () -> registrationService.signUp(session));
        }
        fixtures.as(people.get(0), () -> registrationService.cancel(place(session, people.get(0)).id()));
        Row offerToB = place(session, people.get(1));
        assertThat(offerToB.status()).isEqualTo(RegistrationStatus.OFFERED);

        // B accepts, then gives the seat back: C gets the offer.
        fixtures.as(people.get(1), () -> registrationService.acceptOffer(offerToB.id()));
        assertThat(registrations.find(offerToB.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        fixtures.as(people.get(1), () -> registrationService.cancel(offerToB.id()));
        Row offerToC = place(session, people.get(2));
        assertThat(offerToC.status()).isEqualTo(RegistrationStatus.OFFERED);

        // C declines; C's acceptance a moment later is refused, and D's double click changes nothing.
        fixtures.as(people.get(2), () -> registrationService.cancel(offerToC.id()));
        assertThatThrownBy(() -> fixtures.as(people.get(2), () -> registrationService.acceptOffer(offerToC.id())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("offer.expired");
        assertThat(fixtures.as(people.get(3), () -> registrationService.signUp(session)).alreadyRegistered()).isTrue();
        assertThat(registrations.find(offerToC.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(place(session, people.get(3)).status()).isEqualTo(RegistrationStatus.OFFERED);
        FifoReplay.check(registrations.auditTrail(session), 1);
        fixtures.assertCountersMatchTheRows(session, 1, 0);

        // Each change wrote its audit entry beside it: whose place, who acted (nobody for an offer) and what it was.
        PersonId a = fixtures.userId(people.get(0));
        PersonId b = fixtures.userId(people.get(1));
        PersonId c = fixtures.userId(people.get(2));
        PersonId d = fixtures.userId(people.get(3));
        assertThat(db.select(SESSION_AUDIT.ACTION, SESSION_AUDIT.USER_ID, SESSION_AUDIT.ACTOR_ID, SESSION_AUDIT.DETAIL)
                .from(SESSION_AUDIT).where(SESSION_AUDIT.SESSION_ID.eq(session)).and(SESSION_AUDIT.ACTION.notLike("SIGNED_UP_%"))
                .orderBy(SESSION_AUDIT.ID).fetch(r -> r.value1() + " " + r.value2() + " " + r.value3() + " "
                        + (r.value4() == null ? null : r.value4().replaceFirst("^until \\d{4}-.*", "until <time>"))))
                .containsExactly("CANCELLED " + a + " " + a + " was CONFIRMED", "OFFERED " + b + " null until <time>",
                        "OFFER_ACCEPTED " + b + " " + b + " null", "CANCELLED " + b + " " + b + " was CONFIRMED",
                        "OFFERED " + c + " null until <time>", "CANCELLED " + c + " " + c + " was OFFERED",
                        "OFFERED " + d + " null until <time>");
    }

    @Test
    void aRefusedChangeChangesNothingAndACancelledSessionRefusesEveryone() {
        SessionId session = newSession(1);
        List<String> people = fixtures.participants(4, "Kapsalon Knip & Zo");
        fixtures.as(people.get(0), () -> registrationService.signUp(session));
        fixtures.as(people.get(1), () -> registrationService.signUp(session));
        Row waiting = place(session, people.get(1));
        PersonId late = fixtures.userId(people.get(2));
        int trail = registrations.auditTrail(session).size();

        // Accepting a seat that was never offered, and signing up after the deadline.
        assertThatThrownBy(() -> fixtures.as(people.get(1), () -> registrationService.acceptOffer(waiting.id())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("offer.expired");
        OffsetDateTime afterDeadline = OffsetDateTime.now().plusDays(30);
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).execute(status ->
                seats.decide(session, new SeatRequest.SignUp(late, late, afterDeadline))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("session.sign-up-closed");
        assertThat(registrations.findLive(session, late)).isEmpty();
        assertThat(place(session, people.get(1)).status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(registrations.auditTrail(session)).hasSize(trail);
        fixtures.assertCountersMatchTheRows(session, 1, 1);

        // Outside a transaction there is no lock to hold until the commit: refused before anything happens.
        assertThatThrownBy(() -> seats.decide(session, new SeatRequest.SignUp(late, late, OffsetDateTime.now())))
                .isInstanceOf(IllegalTransactionStateException.class);

        fixtures.as(TRAINER, () -> sessionService.cancel(session));
        assertThatThrownBy(() -> fixtures.as(people.get(3), () -> registrationService.signUp(session)))
                .hasMessageContaining("session.is-cancelled");
    }

    /**
     * Twenty callers at once on one session of five seats, each as a different person signed in on their
     * own thread: sign-ups, cancellations, offers accepted and double clicks, as in the benchmark.
     */
    @Test
    void twentyConcurrentCallersOnOneSessionNeverOverbookAndServeTheWaitlistInArrivalOrder() throws Exception {
        int capacity = 5;
        SessionId session = newSession(capacity);
        List<String> people = fixtures.participants(30, "Thuiszorg Zuidoost-Drenthe");
        Map<PersonId, String> emailOf = new ConcurrentHashMap<>();
        people.forEach(email -> emailOf.put(fixtures.userId(email), email));
        List<PersonId> ids = new ArrayList<>(emailOf.keySet());
        AtomicInteger remaining = new AtomicInteger(600);
        AtomicInteger unexpected = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int t = 0; t < 20; t++) {
                callers.add(pool.submit(() -> {
                    start.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (remaining.getAndDecrement() > 0) {
                        PersonId who = ids.get(random.nextInt(ids.size()));
                        fixtures.as(emailOf.get(who), () -> {
                            try {
                                Optional<Row> live = registrations.findLive(session, who);
                                if (live.isEmpty() || random.nextInt(4) == 0) {
                                    registrationService.signUp(session);
                                } else if (live.get().status() == RegistrationStatus.OFFERED && random.nextBoolean()) {
                                    registrationService.acceptOffer(live.get().id());
                                } else {
                                    registrationService.cancel(live.get().id());
                                }
                            } catch (InvalidInputException refused) {
                                // An offer another caller's change ended meanwhile: a refusal, not an error.
                            } catch (RuntimeException e) {
                                unexpected.incrementAndGet();
                                throw e;
                            }
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> caller : callers) {
                caller.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(unexpected).hasValue(0);
        List<AuditEntry> trail = registrations.auditTrail(session);
        FifoReplay.Result replay = FifoReplay.check(trail, capacity);
        assertThat(replay.maxSeatsHeld()).isEqualTo(capacity);
        assertThat(replay.offers()).as("freed seats were offered to the waitlist").isPositive();
        List<Row> live = registrations.liveForSession(session);
        assertThat(live.stream().map(Row::userId).distinct()).as("one live place per person").hasSize(live.size());
        int held = (int) live.stream().filter(r -> r.status().holdsSeat()).count();
        int waiting = (int) live.stream().filter(r -> r.status() == RegistrationStatus.WAITLISTED).count();
        fixtures.assertCountersMatchTheRows(session, held, waiting);
        // Each caller's change ran on its own thread as that person: every sign-up names its caller.
        assertThat(db.select(SESSION_AUDIT.USER_ID, SESSION_AUDIT.ACTOR_ID).from(SESSION_AUDIT)
                .where(SESSION_AUDIT.SESSION_ID.eq(session)).and(SESSION_AUDIT.ACTION.startsWith("SIGNED_UP_")).fetch())
                .isNotEmpty().allSatisfy(r -> assertThat(r.value2()).isEqualTo(r.value1()));
    }
}
