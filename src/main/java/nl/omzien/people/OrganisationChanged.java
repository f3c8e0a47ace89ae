package nl.omzien.people;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
/**
 * Published in the transaction that creates an organisation or saves it, with its new municipality,
 * sector and village (kern, may be null). Carries the new state, not the difference.
 */
public record OrganisationChanged(OrganisationId organisationId, MunicipalityId municipalityId, String sector, String village) {
}
