package nl.omzien.trainers;

import nl.omzien.base.PersonId;
import java.time.LocalDate;

/**
 * One trainer as the lead sees them.
 *
 * @param expiresOn       last day of the latest qualification; null for a candidate
 * @param sessionsLastYear sessions given in the last twelve months
 * @param state           see {@link State}
 */
public record TrainerStatus(PersonId personId, String name, Qualification.Source source, LocalDate qualifiedOn,
                            LocalDate expiresOn, int sessionsLastYear, int sessionsLed, State state) {

    /**
     * {@code ACTIVE}: qualified and gave enough sessions (or qualified for less than a year);
     * {@code NOT_ACTIVE}: qualified, but fewer sessions in the last twelve months than the rule asks;
     * {@code EXPIRING}: qualified, ends within 60 days; {@code EXPIRED}: no longer qualified;
     * {@code CANDIDATE}: done with the path except the first session beside a qualified trainer.
     */
    public enum State { ACTIVE, NOT_ACTIVE, EXPIRING, EXPIRED, CANDIDATE }
}
