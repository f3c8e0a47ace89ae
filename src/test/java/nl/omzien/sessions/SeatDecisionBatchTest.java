package nl.omzien.sessions;

import nl.omzien.base.DeferredWrites;
import nl.omzien.base.InvalidInputException;
import nl.omzien.sessions.internal.JooqRegistrationRepository;
import nl.omzien.sessions.internal.JooqRegistrationRepository.Row;
import nl.omzien.sessions.internal.SeatAllocation;
import nl.omzien.sessions.internal.SeatAllocation.Decision;
import nl.omzien.sessions.internal.SeatRequest;
import nl.omzien.test.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seat changes that queued together are decided together ({@link SeatAllocation#decide}), as the seat
 * change queue does under load. The concurrency tests reach such batches only by chance; here each mix
 * is put together on purpose and run the way the queue runs it: one transaction, writes sent at the end.
 */
class SeatDecisionBatchTest extends IntegrationTest {

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

    private List<Decision> decideTogether(long session, SeatRequest... requests) {
        return new TransactionTemplate(transactionManager).execute(status ->
                DeferredWrites.collect(() -> seats.decide(session, List.of(requests))));
    }

    private Row place(long session, String email) {
        return registrations.findLive(session, fixtures.userId(email)).orElseThrow();
    }

    private SeatRequest.SignUp signUp(String email) {
        long id = fixtures.userId(email);
        return new SeatRequest.SignUp(id, id, OffsetDateTime.now(), null);
    }

    private SeatRequest.Cancel cancel(Row row) {
        return new SeatRequest.Cancel(row, row.userId(), OffsetDateTime.now(), null);
    }

    private SeatRequest.Accept accept(Row row) {
        return new SeatRequest.Accept(row, row.userId(), OffsetDateTime.now(), null);
    }

    @Test
    void aFreedSeatGoesToTheFirstInLineBeforeNewcomersWhoQueueBehindEveryoneWaiting() {
        long session = fixtures.as(TRAINER, () -> sessionService.create(SessionFixtures.draft("Samen", 2, 10)));
        List<String> people = fixtures.participants(6, "Kapsalon Knip & Zo");
        for (String person : people.subList(0, 4)) {
            fixtures.as(person, () -> registrationService.signUp(session));
        }
        Row firstSeat = place(session, people.get(0));

        // Newcomer E, the first seat holder cancelling, E again (a double click), newcomer F: all at once.
        List<Decision> decisions = decideTogether(session, signUp(people.get(4)), cancel(firstSeat),
                signUp(people.get(4)), signUp(people.get(5)));

        SignUpOutcome e = decisions.get(0).get();
        SignUpOutcome eAgain = decisions.get(2).get();
        SignUpOutcome f = decisions.get(3).get();
        assertThat(e.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(e.alreadyRegistered()).isFalse();
        assertThat(eAgain.registrationId()).isEqualTo(e.registrationId());
        assertThat(eAgain.alreadyRegistered()).isTrue();
        assertThat(f.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(registrations.find(firstSeat.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
        // The seat is offered to the first who was already waiting, not to a newcomer of this batch.
        assertThat(place(session, people.get(2)).status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(place(session, people.get(3)).status()).isEqualTo(RegistrationStatus.WAITLISTED);
        // Newcomers line up behind everyone waiting, in the order they queued.
        assertThat(place(session, people.get(3)).arrival()).isLessThan(place(session, people.get(4)).arrival());
        assertThat(place(session, people.get(4)).arrival()).isLessThan(place(session, people.get(5)).arrival());
        assertThat(registrations.liveForSession(session)).hasSize(5);
        FifoReplay.check(registrations.auditTrail(session), 2);
        fixtures.assertCountersMatchTheRows(session, 2, 3);
    }

    @Test
    void anOfferAcceptedAndGivenBackInOneBatchPassesToTheNextAndADeclinedOfferCannotBeAccepted() {
        long session = fixtures.as(TRAINER, () -> sessionService.create(SessionFixtures.draft("Samen", 1, 10)));
        List<String> people = fixtures.participants(4, "Kapsalon Knip & Zo");
        for (String person : people) {
            fixtures.as(person, () -> registrationService.signUp(session));
        }
        decideTogether(session, cancel(place(session, people.get(0))));
        Row offerToB = place(session, people.get(1));
        assertThat(offerToB.status()).isEqualTo(RegistrationStatus.OFFERED);

        // B accepts and, in the same moment (a second tab), gives the seat back: C gets the offer.
        List<Decision> decisions = decideTogether(session, accept(offerToB), cancel(offerToB));
        assertThat(decisions).allSatisfy(d -> assertThat(d.refusal()).isNull());
        assertThat(registrations.find(offerToB.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
        Row offerToC = place(session, people.get(2));
        assertThat(offerToC.status()).isEqualTo(RegistrationStatus.OFFERED);

        // C declines; C's acceptance from the mail a moment later is refused, beside D's own double click.
        decideTogether(session, cancel(offerToC));
        List<Decision> late = decideTogether(session, accept(offerToC), signUp(people.get(3)));
        assertThatThrownBy(() -> late.get(0).get()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("offer.expired");
        assertThat(late.get(1).<SignUpOutcome>get().alreadyRegistered()).isTrue();
        assertThat(registrations.find(offerToC.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(place(session, people.get(3)).status()).isEqualTo(RegistrationStatus.OFFERED);
        FifoReplay.check(registrations.auditTrail(session), 1);
        fixtures.assertCountersMatchTheRows(session, 1, 0);
    }

    @Test
    void aRefusedRequestIsOnlyItsOwnAnswerAndACancelledSessionRefusesEveryone() {
        long session = fixtures.as(TRAINER, () -> sessionService.create(SessionFixtures.draft("Samen", 1, 10)));
        List<String> people = fixtures.participants(4, "Kapsalon Knip & Zo");
        fixtures.as(people.get(0), () -> registrationService.signUp(session));
        fixtures.as(people.get(1), () -> registrationService.signUp(session));
        Row waiting = place(session, people.get(1));
        long late = fixtures.userId(people.get(2));
        OffsetDateTime afterDeadline = OffsetDateTime.now().plusDays(30);

        // Accepting a seat that was never offered, and signing up after the deadline, beside a good sign-up.
        List<Decision> decisions = decideTogether(session, accept(waiting),
                new SeatRequest.SignUp(late, late, afterDeadline, null), signUp(people.get(3)));
        assertThatThrownBy(() -> decisions.get(0).get()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("offer.expired");
        assertThatThrownBy(() -> decisions.get(1).get()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("session.sign-up-closed");
        assertThat(decisions.get(2).<SignUpOutcome>get().status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(registrations.findLive(session, late)).isEmpty();
        assertThat(place(session, people.get(1)).status()).isEqualTo(RegistrationStatus.WAITLISTED);
        fixtures.assertCountersMatchTheRows(session, 1, 2);

        fixtures.as(TRAINER, () -> sessionService.cancel(session));
        List<Decision> afterCancel = decideTogether(session, signUp(people.get(2)));
        assertThatThrownBy(() -> afterCancel.getFirst().get()).hasMessageContaining("session.is-cancelled");
    }
}
