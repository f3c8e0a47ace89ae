package nl.omzien.sessions;

import java.time.OffsetDateTime;

/** A registration as the session's trainer sees it. */
public record SessionParticipant(RegistrationId registrationId, long userId, String fullName, String email,
                                 String organisationName, RegistrationStatus status, long arrival,
                                 OffsetDateTime offerExpiresAt, Attendance attendance) {
}
