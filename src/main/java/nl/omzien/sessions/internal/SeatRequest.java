package nl.omzien.sessions.internal;

import nl.omzien.base.PersonId;
import nl.omzien.sessions.internal.JooqRegistrationRepository.Row;

import java.time.OffsetDateTime;

/** A participant's seat change for one session, decided under the session's lock by {@link SeatAllocation#decide}. */
public sealed interface SeatRequest {

    OffsetDateTime now();

    /** Sign up {@code userId}, on behalf of {@code actorId} (themselves, or their organisation's contact). */
    record SignUp(PersonId userId, PersonId actorId, OffsetDateTime now) implements SeatRequest {
    }

    /** Give back a place (seat, offer or waitlist place); a freed seat goes to the first in line. */
    record Cancel(Row registration, PersonId actorId, OffsetDateTime now) implements SeatRequest {
    }

    /** Take an offered seat while the offer stands. */
    record Accept(Row offer, PersonId actorId, OffsetDateTime now) implements SeatRequest {
    }
}
