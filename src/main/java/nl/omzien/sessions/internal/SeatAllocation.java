package nl.omzien.sessions.internal;

import nl.omzien.base.PersonId;
import nl.omzien.sessions.RegistrationId;
import nl.omzien.sessions.SessionId;
import nl.omzien.base.SecretTokens;
import nl.omzien.base.InvalidInputException;
import nl.omzien.sessions.RegistrationStatus;
import nl.omzien.sessions.SignUpOutcome;
import nl.omzien.sessions.TrainingSession.Status;
import nl.omzien.sessions.internal.PersonLookup.Person;
import nl.omzien.sessions.internal.JooqRegistrationRepository.Row;
import nl.omzien.sessions.internal.JooqSessionRepository.LockedForArrivals;
import nl.omzien.sessions.TrainingSession;
import nl.omzien.sessions.internal.JooqSessionRepository.LockedSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * Every change of who holds a seat goes through here, in the caller's transaction, after locking the
 * session's seat row: changes for one session queue on that lock, take the next arrival numbers, and
 * see each other's result. The waitlist is served strictly by arrival number:
 * a freed seat is offered to the first in line, and a newcomer only gets a seat when nobody waits.
 * The database trigger {@code registration_capacity} is the last line against overbooking.
 */
@Component
public class SeatAllocation {

    private final JooqSessionRepository sessions;
    private final JooqRegistrationRepository registrations;
    private final PersonLookup people;
    private final SessionMails mails;
    private final Duration offerWindow;
    private final io.micrometer.core.instrument.Counter seatsTaken;
    private final io.micrometer.core.instrument.Counter waitlisted;

    SeatAllocation(JooqSessionRepository sessions, JooqRegistrationRepository registrations, PersonLookup people,
                   SessionMails mails, @Value("${omzien.sessions.offer-window:PT24H}") Duration offerWindow,
                   io.micrometer.core.instrument.MeterRegistry meters) {
        this.seatsTaken = signUps(meters, "confirmed");
        this.waitlisted = signUps(meters, "waitlisted");
        this.sessions = sessions;
        this.people = people;
        this.registrations = registrations;
        this.mails = mails;
        this.offerWindow = offerWindow;
    }

    private static io.micrometer.core.instrument.Counter signUps(io.micrometer.core.instrument.MeterRegistry meters, String outcome) {
        return io.micrometer.core.instrument.Counter.builder("omzien.sessions.signups").tag("outcome", outcome)
                .description("Sign-ups for a group session that committed: a seat, or a place on the waitlist").register(meters);
    }

    /** Every seat change runs in its caller's transaction: the one that holds the session's lock until it commits. */
    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("A seat change needs the caller's transaction");
        }
    }

    private static InvalidInputException problem(String key) {
        return new InvalidInputException(Map.of("session", key));
    }

    public LockedSession lockOpenForChanges(SessionId sessionId) {
        LockedSession session = sessions.lock(sessionId).orElseThrow(() -> problem("session.unknown"));
        if (session.status() == Status.CANCELLED) {
            throw problem("session.is-cancelled");
        }
        return session;
    }

    /**
     * Decides one seat change in the caller's transaction, under the session's lock, and queues its
     * mails: returns its result ({@link SignUpOutcome} for a sign-up, {@code null} otherwise), or throws
     * why it is refused. Concurrent changes for one session wait for the lock and see each other's result.
     */
    @SuppressWarnings("unchecked")
    public <T> T decide(SessionId sessionId, SeatRequest request) {
        requireTransaction();
        return (T) switch (request) {
            case SeatRequest.SignUp signUp -> signUp(sessionId, signUp);
            case SeatRequest.Cancel cancel -> {
                cancel(sessionId, cancel);
                yield null;
            }
            case SeatRequest.Accept accept -> {
                accept(sessionId, accept);
                yield null;
            }
        };
    }

    /**
     * What the mails name (title, place, times; the person's name, address, language), read before the
     * lock so that other callers' changes do not wait for these reads; read again under the lock when the
     * trainer changed the session in between (every change raises its calendar sequence).
     */
    private TrainingSession details(SessionId sessionId) {
        return sessions.find(sessionId).orElseThrow(() -> problem("session.unknown"));
    }

    private TrainingSession current(TrainingSession details, LockedSession locked) {
        return details.icsSequence() == locked.icsSequence() ? details : details(locked.id());
    }

    private SignUpOutcome signUp(SessionId sessionId, SeatRequest.SignUp request) {
        // A repeat (double click, second tab) is answered from committed data, without the lock: a committed
        // place is a fact, and a repeat then costs other callers no wait and no commit to disk.
        Optional<Row> committed = registrations.findLive(sessionId, request.userId());
        if (committed.isPresent()) {
            return new SignUpOutcome(committed.get().id(), request.userId(), committed.get().status(), true);
        }
        TrainingSession details = details(sessionId);
        Person person = people.find(request.userId()).orElseThrow();
        // The lock also takes the newcomer's arrival number (a repeat leaves a gap: numbers only order people).
        LockedForArrivals locked = sessions.lockForArrivals(sessionId, 1).orElseThrow(() -> problem("session.unknown"));
        LockedSession session = locked.session();
        if (session.status() == Status.CANCELLED) {
            throw problem("session.is-cancelled");
        }
        PersonId userId = request.userId();
        if (!TrainingSession.openForSignUp(session.status(), session.registrationDeadline(), request.now())) {
            // A place taken by a repeat that arrived at the same moment is still a fact after the deadline.
            Optional<Row> place = registrations.findLive(sessionId, userId);
            if (place.isPresent()) {
                return new SignUpOutcome(place.get().id(), userId, place.get().status(), true);
            }
            throw problem("session.sign-up-closed");
        }
        // Everyone waiting arrived earlier (arrival numbers rise under the lock): a newcomer gets a seat only
        // when one is free and nobody waits, otherwise the last place in line.
        boolean seat = TrainingSession.seatForNewcomer(session.capacity(), locked.seatsHeld(), locked.waiting());
        RegistrationStatus status = seat ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
        long arrival = locked.lastArrival();
        Optional<RegistrationId> inserted = registrations.insertUnlessLive(sessionId, userId, status, arrival, request.actorId(),
                "SIGNED_UP_" + status.name(), request.now());
        if (inserted.isEmpty()) {
            // Taken while this caller waited for the lock (a double click that arrived at the same moment).
            Row place = registrations.findLive(sessionId, userId).orElseThrow();
            return new SignUpOutcome(place.id(), userId, place.status(), true);
        }
        RegistrationId id = inserted.get();
        nl.omzien.base.AfterCommit.run((seat ? seatsTaken : waitlisted)::increment);
        if (seat) {
            mails.confirmed(current(details, session), person);
        } else {
            mails.waitlisted(current(details, session), person, locked.waiting() + 1);
        }
        return new SignUpOutcome(id, userId, status, false);
    }

    private void cancel(SessionId sessionId, SeatRequest.Cancel request) {
        TrainingSession details = details(sessionId);
        Person person = people.find(request.registration().userId()).orElseThrow();
        LockedSession session = lockOpenForChanges(sessionId);
        OffsetDateTime now = request.now();
        // Read again under the lock, in the statement that cancels: an offer may have been accepted or have lapsed meanwhile.
        Optional<Row> was = registrations.cancelLive(request.registration().id(), request.actorId(), now);
        if (was.isEmpty()) {
            return; // cancelled already: nothing to do, and saying so is not an error
        }
        boolean hadSeat = was.get().status().holdsSeat();
        details = current(details, session);
        mails.cancelledByParticipant(details, person, hadSeat);
        if (hadSeat) {
            promote(session, now, details);
        }
    }

    private void accept(SessionId sessionId, SeatRequest.Accept request) {
        TrainingSession details = details(sessionId);
        Person person = people.find(request.offer().userId()).orElseThrow();
        LockedSession session = lockOpenForChanges(sessionId);
        OffsetDateTime now = request.now();
        // Never after the start; the statement itself checks that the offer still stands.
        if (now.isBefore(session.startsAt())
                && registrations.acceptOffer(request.offer().id(), request.actorId(), now).isPresent()) {
            mails.confirmed(current(details, session), person);
            return;
        }
        if (registrations.find(request.offer().id()).orElseThrow().status() == RegistrationStatus.CONFIRMED) {
            return; // accepted already (a second click on the link)
        }
        throw problem("offer.expired");
    }

    /**
     * Gives back the person's live places (seat, waitlist, offer) in the sessions {@code which} picks that have not
     * started yet, as if they cancelled: seats go to the waitlist, the person gets the usual mail.
     */
    public void giveBackPlaces(PersonId person, java.util.function.Predicate<TrainingSession> which, OffsetDateTime now) {
        for (Row row : registrations.forUser(person)) {
            if (row.status().isLive()) {
                sessions.find(row.sessionId()).filter(s -> now.isBefore(s.startsAt()) && which.test(s))
                        .ifPresent(s -> decide(s.id(), new SeatRequest.Cancel(row, null, now)));
            }
        }
    }

    /**
     * Moves a person from one occurrence to another in one step. With a free seat in the target they
     * get it and their old place is released; without one nothing changes (they keep the place they have).
     */
    public SignUpOutcome move(Row from, SessionId toSessionId, PersonId actorId, OffsetDateTime now) {
        requireTransaction();
        // Both rows are locked in id order, so two people swapping between the same sessions cannot deadlock.
        SessionId first = from.sessionId().value() < toSessionId.value() ? from.sessionId() : toSessionId;
        SessionId second = first.equals(toSessionId) ? from.sessionId() : toSessionId;
        LockedSession a = lockOpenForChanges(first);
        LockedSession b = lockOpenForChanges(second);
        LockedSession source = a.id().equals(from.sessionId()) ? a : b;
        LockedSession target = a.id().equals(toSessionId) ? a : b;
        if (!TrainingSession.openForSignUp(target.status(), target.registrationDeadline(), now)) {
            throw problem("session.sign-up-closed");
        }
        Row current = registrations.find(from.id()).orElseThrow();
        if (!current.status().isLive()) {
            throw problem("registration.not-live");
        }
        if (registrations.findLive(toSessionId, current.userId()).isPresent()) {
            throw problem("registration.already-there");
        }
        // The target is locked already; this takes the newcomer's arrival number and reads its counters.
        LockedForArrivals arriving = sessions.lockForArrivals(toSessionId, 1).orElseThrow();
        if (!TrainingSession.seatForNewcomer(target.capacity(), arriving.seatsHeld(), arriving.waiting())) {
            throw problem("session.full");
        }
        registrations.setStatus(current.id(), RegistrationStatus.MOVED, now);
        registrations.audit(source.id(), current.id(), current.userId(), actorId, "MOVED_AWAY", current.arrival(),
                "to session " + toSessionId, now);
        mails.cancelledByParticipant(current.id(), false);
        RegistrationId id = registrations.insert(toSessionId, current.userId(), RegistrationStatus.CONFIRMED, arriving.lastArrival(),
                actorId, now);
        registrations.audit(toSessionId, id, current.userId(), actorId, "MOVED_IN_CONFIRMED", arriving.lastArrival(), null, now);
        mails.confirmed(details(toSessionId), people.find(current.userId()).orElseThrow());
        if (current.status().holdsSeat()) {
            promote(source, now);
        }
        return new SignUpOutcome(id, current.userId(), RegistrationStatus.CONFIRMED, false);
    }

    /**
     * Offers free seats to the waitlist in arrival order. Never after the start: a seat freed during
     * the session stays free.
     */
    public void promote(LockedSession session, OffsetDateTime now) {
        requireTransaction();
        promote(session, now, null);
    }

    /** The same; {@code details} (title, place, time) saves reading the session again for each offer mail. */
    private void promote(LockedSession session, OffsetDateTime now, TrainingSession details) {
        if (session.status() != Status.PLANNED || !now.isBefore(session.startsAt())) {
            return;
        }
        // Each offer holds one more seat: counted here instead of read again (the trigger still checks).
        for (int held = sessions.seatsHeld(session.id()); held < session.capacity(); held++) {
            String token = SecretTokens.newToken();
            OffsetDateTime expiresAt = offerExpiry(now, session.startsAt());
            Optional<Row> next = registrations.offerToFirstWaiting(session.id(), expiresAt, SecretTokens.hash(token), now);
            if (next.isEmpty()) {
                return; // nobody waits
            }
            Row waiting = next.get();
            if (details != null) {
                mails.offered(details, waiting.userId(), token, expiresAt);
            } else {
                mails.offered(waiting.id(), token, expiresAt);
            }
        }
    }

    /**
     * How long an offer stands: the configured window (24 h), but at most half the time left before the
     * start, so the next in line still has a chance; never beyond the start.
     */
    OffsetDateTime offerExpiry(OffsetDateTime now, OffsetDateTime startsAt) {
        Duration left = Duration.between(now, startsAt);
        Duration window = offerWindow;
        if (left.compareTo(window.multipliedBy(2)) < 0) {
            window = left.dividedBy(2);
        }
        if (window.compareTo(Duration.ofMinutes(15)) < 0) {
            window = left.compareTo(Duration.ofMinutes(15)) < 0 ? left : Duration.ofMinutes(15);
        }
        return now.plus(window);
    }

    /** Lets an offer lapse (its time is up) and offers the seat to the next in line. */
    public boolean expire(Row offer, OffsetDateTime now) {
        requireTransaction();
        LockedSession session = sessions.lock(offer.sessionId()).orElseThrow();
        // Read again under the lock, in the statement that ends it: the offer may have been accepted meanwhile.
        if (registrations.expireOffer(offer.id(), now).isEmpty()) {
            return false;
        }
        mails.offerExpired(offer.id());
        promote(session, now);
        return true;
    }
}
