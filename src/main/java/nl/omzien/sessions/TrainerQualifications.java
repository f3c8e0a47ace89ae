package nl.omzien.sessions;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Who may lead a session, as sessions needs it. The trainers feature owns the qualifications and implements
 * this, in the caller's transaction; sessions depends on this interface only (trainers reads sessions' published
 * views, so a dependency the other way would be a cycle). No authorisation here: {@link SessionService} checks it.
 */
public interface TrainerQualifications {

    /**
     * Where each of {@code people} stands as a trainer in the municipality on {@code day}; people without any
     * standing are left out of the map.
     */
    Map<PersonId, Standing> standing(MunicipalityId municipality, Collection<PersonId> people, LocalDate day);

    /**
     * @param qualified  qualified on the day asked about
     * @param candidate  done with the trainer path except the first session, which they may give beside a
     *                   qualified trainer
     * @param validUntil the last day of the qualification (null for a candidate); may be before the day asked
     *                   about, for a qualification that lapsed
     */
    record Standing(boolean qualified, boolean candidate, LocalDate validUntil) {
    }
}
