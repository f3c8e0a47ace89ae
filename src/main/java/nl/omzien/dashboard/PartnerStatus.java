package nl.omzien.dashboard;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;

import java.time.LocalDate;

/**
 * An organisation's Omzien-partner status for staff and its own contact: counts included. The public
 * page gets {@link PublicPartner}, without counts.
 *
 * @param trained    staff with a live certificate (as on the dashboard)
 * @param staff      accounts linked to the organisation
 * @param since      the day it first met the rule, or null
 * @param validUntil last valid day of the recognition, or null
 * @param publicId   the random id of its public page, or null before it ever met the rule
 */
public record PartnerStatus(OrganisationId organisationId, String organisation, MunicipalityId municipalityId, String municipality,
                            long trained, long staff, PartnerRule rule, LocalDate since, LocalDate validUntil, String publicId,
                            PartnerState state) {

    /** How many more trained staff the rule asks for (0 when met). */
    public long moreNeeded() {
        return rule.moreNeeded(trained, staff);
    }

    public boolean ruleMet() {
        return rule.isPartner(trained, staff);
    }
}
