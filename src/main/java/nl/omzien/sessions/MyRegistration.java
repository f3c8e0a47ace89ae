package nl.omzien.sessions;

import java.time.OffsetDateTime;

/** The signed-in person's own place at a session; {@code checkedIn}: they scanned the check-in code. */
public record MyRegistration(RegistrationId registrationId, TrainingSession session, RegistrationStatus status,
                             OffsetDateTime offerExpiresAt, Attendance attendance, boolean evaluated,
                             int waitlistPosition, boolean checkedIn) {
}
