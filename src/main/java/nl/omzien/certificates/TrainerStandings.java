package nl.omzien.certificates;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the verify page says about a trainer certificate's holder. The trainers feature owns qualifications and
 * implements this; certificates depends on this interface only, since trainers listens to certificates' events.
 * Runs without a signed-in person (the verify page is public), so it tells no more than the page shows.
 */
public interface TrainerStandings {

    /** For a certificate of the trainer path: the holder's standing now; empty for any other path. */
    Optional<TrainerStanding> of(nl.omzien.base.PersonId holderId, String pathId);

    /**
     * @param qualified   a qualified trainer today (for the municipality the certificate was issued in)
     * @param validUntil  the qualification's last day, null when not qualified
     * @param sessionsLed sessions given so far (count only)
     */
    record TrainerStanding(boolean qualified, LocalDate validUntil, int sessionsLed) {
    }
}
