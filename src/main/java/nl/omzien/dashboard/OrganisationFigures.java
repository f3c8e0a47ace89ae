package nl.omzien.dashboard;

import nl.omzien.base.OrganisationId;
import nl.omzien.people.Sector;

import java.time.LocalDate;
import java.util.OptionalDouble;

/**
 * One organisation in the dashboard's table.
 *
 * @param trainedInPeriod people of the organisation trained in the period
 * @param trainedTotal    people of the organisation with a live certificate, ever
 * @param registeredStaff accounts linked to the organisation
 * @param lastTrainedOn   the newest certificate date, or null
 * @param partner         meets the coalition's Omzien-partner rule
 */
public record OrganisationFigures(OrganisationId organisationId, String name, Sector sector, String village, long trainedInPeriod,
                                  long trainedTotal, long registeredStaff, LocalDate lastTrainedOn, boolean partner) {

    public OptionalDouble shareTrained() {
        return registeredStaff == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.min(1.0, (double) trainedTotal / registeredStaff));
    }
}
