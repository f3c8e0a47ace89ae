package nl.omzien.sessions.internal;

import nl.omzien.people.PersonPlacementChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * A closed session is for its organisation's own people. Someone who leaves that organisation (its contact says they
 * are not one of theirs, or a lead moves them) gives back their places in its sessions still to come, in the people
 * feature's transaction: the seat goes to the waitlist, and they get the usual "you are signed off" mail.
 */
@Component
class ClosedSessionPlacesListener {

    private final SeatAllocation seats;
    private final Clock clock;

    ClosedSessionPlacesListener(SeatAllocation seats, Clock clock) {
        this.seats = seats;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(PersonPlacementChanged placed) {
        seats.giveBackPlaces(placed.personId(),
                session -> session.isClosed() && !session.organisationId().equals(placed.organisationId()), OffsetDateTime.now(clock));
    }
}
