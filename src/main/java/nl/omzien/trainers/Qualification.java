package nl.omzien.trainers;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import java.time.LocalDate;

/**
 * A person's qualification as a trainer for a municipality, from {@code qualifiedOn} up to and including
 * {@code expiresOn}.
 *
 * @param evidence what the lead saw, for an external qualification; null for the trainer path
 */
public record Qualification(QualificationId id, PersonId personId, MunicipalityId municipalityId, Source source, LocalDate qualifiedOn,
                            LocalDate expiresOn, String evidence) {

    /** Through the trainer path in Omzien, or recorded by a lead from outside evidence. */
    public enum Source { PATH, EXTERNAL }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(qualifiedOn) && !day.isAfter(expiresOn);
    }
}
