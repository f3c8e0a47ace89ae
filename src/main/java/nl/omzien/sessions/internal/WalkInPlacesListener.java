package nl.omzien.sessions.internal;

import nl.omzien.people.PersonsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A walk-in joined the account that had their address: their places (and attendance) move with them, in the
 * people feature's transaction, before certificates look at that account's attendance.
 */
@Component
class WalkInPlacesListener {

    private final JooqRegistrationRepository registrations;

    WalkInPlacesListener(JooqRegistrationRepository registrations) {
        this.registrations = registrations;
    }

    @EventListener
    @Order(1)
    void on(PersonsMerged merged) {
        registrations.moveRegistrations(merged.from(), merged.into());
    }
}
