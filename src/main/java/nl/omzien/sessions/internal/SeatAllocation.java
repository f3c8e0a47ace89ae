package nl.omzien.sessions.internal;

import nl.omzien.base.SecretTokens;
import nl.omzien.base.InvalidInputException;
import nl.omzien.sessions.RegistrationStatus;
import nl.omzien.sessions.SignUpOutcome;
import nl.omzien.sessions.TrainingSession.Status;
import nl.omzien.sessions.internal.JooqRegistrationRepository.Newcomer;
import nl.omzien.sessions.internal.JooqRegistrationRepository.Row;
import nl.omzien.sessions.internal.JooqSessionRepository.LockedForArrivals;
import nl.omzien.sessions.internal.SessionMails.SignUpMails;
import nl.omzien.sessions.TrainingSession;
import nl.omzien.sessions.internal.JooqSessionRepository.LockedSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

    /** What became of one {@link SeatRequest}: its result, or why it was refused. */
    public record Decision(Object value, RuntimeException refusal) {
        static Decision of(Object value) {
            return new Decision(value, null);
        }

        static Decision refused(RuntimeException refusal) {
            return new Decision(null, refusal);
        }

        /** The result ({@link SignUpOutcome} for a sign-up, {@code null} otherwise), or the refusal thrown. */
        @SuppressWarnings("unchecked")
        public <T> T get() {
            if (refusal != null) {
                throw refusal;
            }
            return (T) value;
        }
    }

    /**
     * Decides seat changes for one session that arrived at the same moment, under one lock and with a
     * handful of statements whatever their number: one lock taking all arrival numbers, one read of the
     * registrations concerned, then one statement per kind of change. All of them were waiting at once, so
     * any order is one they could have arrived in; this one frees seats before handing them out: accepted
     * offers, then cancellations, then the freed seats offered to the first in line, then the sign-ups in
     * the order they queued, each one's arrival number after everyone already waiting. A refused request
     * (offer lapsed, sign-up closed) is that request's answer and does not stop the others.
     */
    public List<Decision> decide(long sessionId, List<SeatRequest> requests) {
        requireTransaction();
        List<Long> registrationIds = new ArrayList<>();
        List<Long> newcomerIds = new ArrayList<>();
        for (SeatRequest request : requests) {
            switch (request) {
                case SeatRequest.SignUp signUp -> newcomerIds.add(signUp.userId());
                case SeatRequest.Cancel cancel -> registrationIds.add(cancel.registration().id());
                case SeatRequest.Accept accept -> registrationIds.add(accept.offer().id());
            }
        }
        LockedForArrivals locked = sessions.lockForArrivals(sessionId, newcomerIds.size())
                .orElseThrow(() -> problem("session.unknown"));
        Decision[] decisions = new Decision[requests.size()];
        if (locked.session().status() == Status.CANCELLED) {
            Arrays.setAll(decisions, i -> Decision.refused(problem("session.is-cancelled")));
            return List.of(decisions);
        }
        Batch batch = new Batch(locked, locked.lastArrival() - newcomerIds.size() + 1, requests, decisions);
        for (Row row : registrations.current(sessionId, registrationIds, newcomerIds)) {
            batch.byId.put(row.id(), row);
            if (row.sessionId() == sessionId && row.status().isLive()) {
                batch.placeOf.put(row.userId(), row);
            }
        }
        batch.acceptOffers();
        batch.cancel();
        batch.signUp();
        seatFreeAfterLastSignUp.put(sessionId, batch.held < batch.session.capacity() && batch.waiting == 0);
        return List.of(decisions);
    }

    /** One {@link #decide} call: the seat counts as the decisions change them, and what they read. */
    private final class Batch {
        final LockedSession session;
        final long firstArrival;
        final List<SeatRequest> requests;
        final Decision[] decisions;
        final Map<Long, Row> byId = new HashMap<>();
        final Map<Long, Row> placeOf = new HashMap<>();
        int held;
        int waiting;

        Batch(LockedForArrivals locked, long firstArrival, List<SeatRequest> requests, Decision[] decisions) {
            this.session = locked.session();
            this.firstArrival = firstArrival;
            this.requests = requests;
            this.decisions = decisions;
            this.held = locked.seatsHeld();
            this.waiting = locked.waiting();
        }

        private boolean freshMails(TrainingSession composedFor) {
            // A session moved between composing and locking: the mail must carry the new time.
            return composedFor.icsSequence() == session.icsSequence();
        }

        private void changed(Row row, RegistrationStatus status) {
            Row after = row.withStatus(status);
            byId.put(row.id(), after);
            if (status.isLive()) {
                placeOf.put(row.userId(), after);
            } else {
                placeOf.remove(row.userId(), row);
            }
        }

        void acceptOffers() {
            List<Long> accepted = new ArrayList<>();
            OffsetDateTime latest = null;
            for (int i = 0; i < requests.size(); i++) {
                if (!(requests.get(i) instanceof SeatRequest.Accept accept)) {
                    continue;
                }
                Row current = byId.get(accept.offer().id());
                OffsetDateTime now = accept.now();
                if (current != null && current.status() == RegistrationStatus.CONFIRMED) {
                    decisions[i] = Decision.of(null);
                    continue;
                }
                if (current == null || current.status() != RegistrationStatus.OFFERED
                        || !now.isBefore(current.offerExpiresAt()) || !now.isBefore(session.startsAt())) {
                    decisions[i] = Decision.refused(problem("offer.expired"));
                    continue;
                }
                accepted.add(current.id());
                latest = later(latest, now);
                registrations.audit(session.id(), current.id(), current.userId(), accept.actorId(), "OFFER_ACCEPTED",
                        current.arrival(), null, now);
                if (accept.mails() != null && freshMails(accept.mails().session())) {
                    mails.queue(accept.mails().confirmed().get());
                } else {
                    mails.confirmed(current.id());
                }
                changed(current, RegistrationStatus.CONFIRMED);
                decisions[i] = Decision.of(null);
            }
            if (!accepted.isEmpty()) {
                registrations.confirmOffers(accepted, latest);
            }
        }

        void cancel() {
            List<Long> cancelled = new ArrayList<>();
            OffsetDateTime latest = null;
            OffsetDateTime seatFreedAt = null;
            TrainingSession details = null;
            for (int i = 0; i < requests.size(); i++) {
                if (!(requests.get(i) instanceof SeatRequest.Cancel cancel)) {
                    continue;
                }
                decisions[i] = Decision.of(null);
                Row current = byId.get(cancel.registration().id());
                if (current == null || !current.status().isLive()) {
                    continue; // cancelled already: nothing to do, and saying so is not an error
                }
                OffsetDateTime now = cancel.now();
                boolean hadSeat = current.status().holdsSeat();
                cancelled.add(current.id());
                latest = later(latest, now);
                registrations.audit(session.id(), current.id(), current.userId(), cancel.actorId(), "CANCELLED",
                        current.arrival(), "was " + current.status(), now);
                if (cancel.mails() != null && freshMails(cancel.mails().session())) {
                    mails.queue(cancel.mails().mail(hadSeat));
                    details = cancel.mails().session();
                } else {
                    mails.cancelledByParticipant(current.id(), hadSeat);
                }
                if (hadSeat) {
                    held--;
                    seatFreedAt = later(seatFreedAt, now);
                } else {
                    waiting--;
                }
                changed(current, RegistrationStatus.CANCELLED);
            }
            if (cancelled.isEmpty()) {
                return;
            }
            registrations.cancelAll(cancelled, latest);
            if (seatFreedAt != null) {
                int offers = promote(session, seatFreedAt, details);
                held += offers;
                waiting -= offers;
            }
        }

        /** A newcomer placed by request {@code request}; {@code placeInLine} only counts when waitlisted. */
        private record Placement(int request, SeatRequest.SignUp signUp, Newcomer newcomer, int placeInLine) {
        }

        void signUp() {
            // In arrival order (the order they queued), by person: the same person twice is placed once.
            Map<Long, Placement> placed = new LinkedHashMap<>();
            List<Integer> repeats = new ArrayList<>();
            long arrival = firstArrival;
            OffsetDateTime latest = null;
            for (int i = 0; i < requests.size(); i++) {
                if (!(requests.get(i) instanceof SeatRequest.SignUp signUp)) {
                    continue;
                }
                long userId = signUp.userId();
                Row place = placeOf.get(userId);
                if (!signUp.now().isBefore(session.registrationDeadline())) {
                    decisions[i] = Decision.refused(problem("session.sign-up-closed"));
                } else if (place != null) {
                    decisions[i] = Decision.of(new SignUpOutcome(place.id(), userId, place.status(), true));
                } else if (placed.containsKey(userId)) {
                    repeats.add(i); // the same person twice in one batch: answered once the first is inserted
                } else {
                    // Everyone waiting arrived earlier (arrival numbers rise under the lock): a newcomer gets a
                    // seat only when one is free and nobody waits, otherwise the last place in line.
                    boolean seatFree = held < session.capacity() && waiting == 0;
                    if (seatFree) {
                        held++;
                    } else {
                        waiting++;
                    }
                    placed.put(userId, new Placement(i, signUp, new Newcomer(userId,
                            seatFree ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED, arrival++, signUp.actorId()),
                            waiting));
                    latest = later(latest, signUp.now());
                }
            }
            if (placed.isEmpty()) {
                return;
            }
            Map<Long, Long> ids = registrations.insertAll(session.id(),
                    placed.values().stream().map(Placement::newcomer).toList(), latest);
            for (Placement placement : placed.values()) {
                Newcomer newcomer = placement.newcomer();
                SeatRequest.SignUp signUp = placement.signUp();
                long id = ids.get(newcomer.userId());
                registrations.audit(session.id(), id, newcomer.userId(), signUp.actorId(), "SIGNED_UP_" + newcomer.status().name(),
                        newcomer.arrival(), null, signUp.now());
                SignUpMails signUpMails = signUp.mails() != null && freshMails(signUp.mails().session())
                        ? signUp.mails() : mails.forSignUp(session.id(), newcomer.userId());
                mails.queue(newcomer.status() == RegistrationStatus.CONFIRMED ? signUpMails.confirmed().get()
                        : signUpMails.waitlisted().apply(placement.placeInLine()));
                decisions[placement.request()] = Decision.of(new SignUpOutcome(id, newcomer.userId(), newcomer.status(), false));
            }
            for (int i : repeats) {
                long userId = ((SeatRequest.SignUp) requests.get(i)).userId();
                decisions[i] = Decision.of(new SignUpOutcome(ids.get(userId), userId, placed.get(userId).newcomer().status(), true));
            }
        }
    }

    private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    /** A participant gives back their place, outside the seat change queue (their account is being erased). */
    public void cancel(Row registration, Long actorId, OffsetDateTime now) {
        decide(registration.sessionId(), List.of(new SeatRequest.Cancel(registration, actorId, now, null))).getFirst().get();
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
        LockedForArrivals arriving = sessions.lockForArrivals(toSessionId, 1).orElseThrow();
        if (arriving.seatsHeld() >= target.capacity() || arriving.waiting() > 0) {
            throw problem("session.full");
        }
        registrations.setStatus(current.id(), RegistrationStatus.MOVED, now);
        registrations.audit(source.id(), current.id(), current.userId(), actorId, "MOVED_AWAY", current.arrival(),
                "to session " + toSessionId, now);
        mails.cancelledByParticipant(current.id(), false);
        long id = registrations.insert(toSessionId, current.userId(), RegistrationStatus.CONFIRMED, arriving.lastArrival(),
                actorId, now);
        registrations.audit(toSessionId, id, current.userId(), actorId, "MOVED_IN_CONFIRMED", arriving.lastArrival(), null, now);
        mails.queue(mails.forSignUp(toSessionId, current.userId()).confirmed().get());
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

    /**
     * The same; {@code details} (title, place, time) saves reading the session again for each offer mail.
     * Returns how many offers were made.
     */
    private int promote(LockedSession session, OffsetDateTime now, TrainingSession details) {
        if (session.status() != Status.PLANNED || !now.isBefore(session.startsAt())) {
            return 0;
        }
        int offers = 0;
        // Each offer holds one more seat: counted here instead of read again (the trigger still checks).
        for (int held = sessions.seatsHeld(session.id()); held < session.capacity(); held++) {
            Optional<Row> next = registrations.firstWaiting(session.id());
            if (next.isEmpty()) {
                return offers;
            }
            offers++;
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
        return offers;
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
