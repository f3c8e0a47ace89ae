package nl.omzien.sessions.internal;

import nl.omzien.base.SecretTokens;
import nl.omzien.base.InvalidInputException;
import nl.omzien.sessions.RegistrationStatus;
import nl.omzien.sessions.SignUpOutcome;
import nl.omzien.sessions.TrainingSession.Status;
import nl.omzien.sessions.internal.JooqRegistrationRepository.Row;
import nl.omzien.sessions.internal.JooqRegistrationRepository.SeatState;
import nl.omzien.sessions.internal.JooqSessionRepository.LockedForArrival;
import nl.omzien.sessions.internal.SessionMails.CancellationMails;
import nl.omzien.sessions.internal.SessionMails.SignUpMails;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every change of who holds a seat goes through here, in the caller's transaction, after locking the
 * session row ({@code SELECT ... FOR UPDATE}): sign-ups for one session queue on that lock, take the
 * next arrival number, and see each other's result. The waitlist is served strictly by arrival number:
 * a freed seat is offered to the first in line, and a newcomer only gets a seat when nobody waits.
 * The database trigger {@code registration_capacity} is the last line against overbooking.
 */
@Component
public class SeatAllocation {

    private final JooqSessionRepository sessions;
    private final JooqRegistrationRepository registrations;
    private final SessionMails mails;
    private final Duration offerWindow;
    // Whether the last sign-up left a seat free, per session: only a hint for which mail to compose
    // before the lock. One small entry per session changed since startup.
    private final Map<Long, Boolean> seatFreeAfterLastSignUp = new ConcurrentHashMap<>();

    SeatAllocation(JooqSessionRepository sessions, JooqRegistrationRepository registrations, SessionMails mails,
                   @Value("${omzien.sessions.offer-window:PT24H}") Duration offerWindow) {
        this.sessions = sessions;
        this.registrations = registrations;
        this.mails = mails;
        this.offerWindow = offerWindow;
    }

    /**
     * Every seat change runs in its caller's transaction (the one holding the session's lock). Checked
     * here rather than with {@code @Transactional(MANDATORY)}: the proxy that annotation needs cost a
     * measurable share of the serial part of a busy session's sign-ups (bench/README.md).
     */
    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("A seat change needs the caller's transaction");
        }
    }

    /** A guess for composing mails before the lock; the decision itself is made under the lock. */
    public boolean seatLikelyFree(long sessionId) {
        return seatFreeAfterLastSignUp.getOrDefault(sessionId, true);
    }

    private static InvalidInputException problem(String key) {
        return new InvalidInputException(Map.of("session", key));
    }

    public LockedSession lockOpenForChanges(long sessionId) {
        LockedSession session = sessions.lock(sessionId).orElseThrow(() -> problem("session.unknown"));
        if (session.status() == Status.CANCELLED) {
            throw problem("session.is-cancelled");
        }
        return session;
    }

    /**
     * Signs a person up: a seat when one is free and nobody waits, otherwise a place on the waitlist.
     * Repeating it (double click) changes nothing and says so.
     */
    public SignUpOutcome signUp(long sessionId, long userId, Long actorId, OffsetDateTime now) {
        requireTransaction();
        return signUp(sessionId, userId, actorId, now, null);
    }

    /**
     * The same, with the mails already composed by the caller before the lock ({@code null}: composed
     * here). Under the lock a sign-up runs four statements: lock with arrival number and seat state,
     * registration, audit entry, mail.
     */
    public SignUpOutcome signUp(long sessionId, long userId, Long actorId, OffsetDateTime now, SignUpMails prepared) {
        requireTransaction();
        LockedForArrival locked = sessions.lockForArrival(sessionId, userId).orElseThrow(() -> problem("session.unknown"));
        LockedSession session = locked.session();
        if (session.status() == Status.CANCELLED) {
            throw problem("session.is-cancelled");
        }
        if (!now.isBefore(session.registrationDeadline())) {
            throw problem("session.sign-up-closed");
        }
        SeatState state = locked.state();
        if (state.personHasPlace()) {
            Row existing = registrations.findLive(sessionId, userId).orElseThrow();
            return new SignUpOutcome(existing.id(), userId, existing.status(), true);
        }
        // A session moved between composing and locking: the invitation must carry the new time.
        SignUpMails mailsToSend = prepared != null && prepared.session().icsSequence() == session.icsSequence()
                ? prepared : mails.forSignUp(sessionId, userId);
        return place(session, userId, actorId, now, "SIGNED_UP", locked.arrival(), state, mailsToSend);
    }

    private SignUpOutcome place(LockedSession session, long userId, Long actorId, OffsetDateTime now, String how,
                                long arrival, SeatState state, SignUpMails signUpMails) {
        long sessionId = session.id();
        boolean seatFree = state.seatsTaken() < session.capacity() && state.waiting() == 0;
        RegistrationStatus status = seatFree ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
        long id = registrations.insert(sessionId, userId, status, arrival, actorId, now);
        registrations.audit(sessionId, id, userId, actorId, how + "_" + status.name(), arrival, null, now);
        // Everyone waiting arrived earlier (arrival numbers rise under the lock), so the newcomer is last in line.
        mails.queue(seatFree ? signUpMails.confirmed().get() : signUpMails.waitlisted().apply(state.waiting() + 1));
        seatFreeAfterLastSignUp.put(sessionId, seatFree && state.seatsTaken() + 1 < session.capacity());
        return new SignUpOutcome(id, userId, status, false);
    }

    /** Cancels a live registration; a freed seat goes to the first in line. */
    public void cancel(Row registration, Long actorId, OffsetDateTime now) {
        requireTransaction();
        cancel(registration, actorId, now, null);
    }

    /** The same, with the mail composed by the caller before the lock ({@code null}: composed here). */
    public void cancel(Row registration, Long actorId, OffsetDateTime now, CancellationMails prepared) {
        requireTransaction();
        LockedSession session = lockOpenForChanges(registration.sessionId());
        Row current = registrations.find(registration.id()).orElseThrow();
        if (!current.status().isLive()) {
            return;
        }
        registrations.setStatus(current.id(), RegistrationStatus.CANCELLED, now);
        registrations.audit(session.id(), current.id(), current.userId(), actorId, "CANCELLED", current.arrival(),
                "was " + current.status(), now);
        if (prepared != null && prepared.session().icsSequence() == session.icsSequence()) {
            mails.queue(prepared.mail(current.status().holdsSeat()));
            if (current.status().holdsSeat()) {
                promote(session, now, prepared.session());
            }
            return;
        }
        mails.cancelledByParticipant(current.id(), current.status().holdsSeat());
        if (current.status().holdsSeat()) {
            promote(session, now);
        }
    }

    /**
     * Moves a person from one occurrence to another in one step. With a free seat in the target they
     * get it and their old place is released; without one nothing changes (they keep the place they have).
     */
    public SignUpOutcome move(Row from, long toSessionId, Long actorId, OffsetDateTime now) {
        requireTransaction();
        // Both rows are locked in id order, so two people swapping between the same sessions cannot deadlock.
        long first = Math.min(from.sessionId(), toSessionId);
        long second = Math.max(from.sessionId(), toSessionId);
        LockedSession a = lockOpenForChanges(first);
        LockedSession b = lockOpenForChanges(second);
        LockedSession source = a.id() == from.sessionId() ? a : b;
        LockedSession target = a.id() == toSessionId ? a : b;
        if (!now.isBefore(target.registrationDeadline())) {
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
        LockedForArrival arriving = sessions.lockForArrival(toSessionId, current.userId()).orElseThrow();
        SeatState targetState = arriving.state();
        if (targetState.seatsTaken() >= target.capacity() || targetState.waiting() > 0) {
            throw problem("session.full");
        }
        registrations.setStatus(current.id(), RegistrationStatus.MOVED, now);
        registrations.audit(source.id(), current.id(), current.userId(), actorId, "MOVED_AWAY", current.arrival(),
                "to session " + toSessionId, now);
        mails.cancelledByParticipant(current.id(), false);
        SignUpOutcome outcome = place(target, current.userId(), actorId, now, "MOVED_IN", arriving.arrival(), targetState,
                mails.forSignUp(toSessionId, current.userId()));
        if (current.status().holdsSeat()) {
            promote(source, now);
        }
        return outcome;
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
    public void promote(LockedSession session, OffsetDateTime now, TrainingSession details) {
        requireTransaction();
        if (session.status() != Status.PLANNED || !now.isBefore(session.startsAt())) {
            return;
        }
        // Each offer holds one more seat: counted here instead of read again (the trigger still checks).
        for (int held = sessions.seatsHeld(session.id()); held < session.capacity(); held++) {
            Optional<Row> next = registrations.firstWaiting(session.id());
            if (next.isEmpty()) {
                return;
            }
            Row waiting = next.get();
            String token = SecretTokens.newToken();
            OffsetDateTime expiresAt = offerExpiry(now, session.startsAt());
            registrations.offer(waiting.id(), expiresAt, SecretTokens.hash(token), now);
            registrations.audit(session.id(), waiting.id(), waiting.userId(), null, "OFFERED", waiting.arrival(),
                    "until " + expiresAt, now);
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

    /** Accepts an offer that is still open: the held seat becomes the person's. */
    public void accept(Row offer, Long actorId, OffsetDateTime now) {
        requireTransaction();
        accept(offer, actorId, now, null);
    }

    /** The same, with the confirmation composed by the caller before the lock ({@code null}: composed here). */
    public void accept(Row offer, Long actorId, OffsetDateTime now, SignUpMails prepared) {
        requireTransaction();
        LockedSession session = lockOpenForChanges(offer.sessionId());
        Row current = registrations.find(offer.id()).orElseThrow();
        if (current.status() == RegistrationStatus.CONFIRMED) {
            return;
        }
        if (current.status() != RegistrationStatus.OFFERED || !now.isBefore(current.offerExpiresAt())
                || !now.isBefore(session.startsAt())) {
            throw problem("offer.expired");
        }
        registrations.confirmOffer(current.id(), now);
        registrations.audit(session.id(), current.id(), current.userId(), actorId, "OFFER_ACCEPTED", current.arrival(),
                null, now);
        if (prepared != null && prepared.session().icsSequence() == session.icsSequence()) {
            mails.queue(prepared.confirmed().get());
        } else {
            mails.confirmed(current.id());
        }
    }

    /** Lets an offer lapse (its time is up) and offers the seat to the next in line. */
    public boolean expire(Row offer, OffsetDateTime now) {
        requireTransaction();
        LockedSession session = sessions.lock(offer.sessionId()).orElseThrow();
        Row current = registrations.find(offer.id()).orElseThrow();
        if (current.status() != RegistrationStatus.OFFERED || now.isBefore(current.offerExpiresAt())) {
            return false;
        }
        registrations.setStatus(current.id(), RegistrationStatus.OFFER_EXPIRED, now);
        registrations.audit(session.id(), current.id(), current.userId(), null, "OFFER_EXPIRED", current.arrival(),
                null, now);
        mails.offerExpired(current.id());
        promote(session, now);
        return true;
    }
}
