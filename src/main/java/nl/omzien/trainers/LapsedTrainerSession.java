package nl.omzien.trainers;

import nl.omzien.sessions.SessionId;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A planned session whose trainer will not be qualified on the day: the lead finds another trainer or has the
 * qualification renewed. Nothing is cancelled by itself.
 *
 * @param validUntil the trainer's last qualified day, null when never qualified here
 */
public record LapsedTrainerSession(SessionId sessionId, String title, OffsetDateTime startsAt, nl.omzien.base.PersonId trainerId,
                                   String trainerName, LocalDate validUntil) {
}
