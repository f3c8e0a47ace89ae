package nl.omzien.sessions;

import nl.omzien.base.PersonId;
import java.time.OffsetDateTime;

/** A registration as the session's trainer sees it. */
public record SessionParticipant(RegistrationId registrationId, PersonId userId, String fullName, String email,
                                 String organisationName, RegistrationStatus status, long arrival,
                                 OffsetDateTime offerExpiresAt, Attendance attendance) {
}
