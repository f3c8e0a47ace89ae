package nl.omzien.sessions;

import nl.omzien.base.PersonId;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.people.Audience;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One planned group session with its current numbers. {@code organisationId} set means closed: only
 * people of that organisation see and book it. Times are instants; show them with {@link SessionTimes}.
 */
public record TrainingSession(SessionId id, Long seriesId, String title, List<String> moduleIds, Audience audience,
                              OffsetDateTime startsAt, OffsetDateTime endsAt, String location, String onlineUrl,
                              int capacity, Integer minParticipants, int goNoGoDays,
                              OffsetDateTime registrationDeadline, MunicipalityId municipalityId, String municipalityName,
                              OrganisationId organisationId, String organisationName, String notes, Status status,
                              int icsSequence, int confirmed, int offered, int waitlisted, List<PersonId> trainerIds,
                              List<String> trainerNames) {

    public enum Status { PLANNED, CANCELLED }

    public TrainingSession {
        moduleIds = List.copyOf(moduleIds);
        trainerIds = List.copyOf(trainerIds);
        trainerNames = List.copyOf(trainerNames);
    }

    public int seatsTaken() {
        return confirmed + offered;
    }

    public int freeSeats() {
        return Math.max(0, capacity - seatsTaken());
    }

    /**
     * First come, first served: a newcomer gets a seat only when one is free and nobody waits; otherwise
     * the last place in line. The one spelling of "full", for the seat decision and for every page.
     */
    public static boolean seatForNewcomer(int capacity, int seatsHeld, int waiting) {
        return seatsHeld < capacity && waiting == 0;
    }

    /** Whether someone signing up now gets a seat (rather than a place on the waitlist). */
    public boolean seatForNewcomer() {
        return seatForNewcomer(capacity, seatsTaken(), waitlisted);
    }

    /** Sign-up is open for a planned session until its registration deadline; the one spelling of "open". */
    public static boolean openForSignUp(Status status, OffsetDateTime registrationDeadline, OffsetDateTime now) {
        return status == Status.PLANNED && now.isBefore(registrationDeadline);
    }

    public boolean openForSignUp(OffsetDateTime now) {
        return openForSignUp(status, registrationDeadline, now);
    }

    public boolean isClosed() {
        return organisationId != null;
    }

    public boolean isCancelled() {
        return status == Status.CANCELLED;
    }

    /** Cancelling is a decision before the start; a session under way or held keeps its attendance. */
    public static boolean cancellable(Status status, OffsetDateTime startsAt, OffsetDateTime now) {
        return status != Status.CANCELLED && now.isBefore(startsAt);
    }

    public boolean cancellable(OffsetDateTime now) {
        return cancellable(status, startsAt, now);
    }

    /** Where to go: the address, or the online link. */
    public String place() {
        return location != null ? location : onlineUrl;
    }
}
