package nl.omzien.people;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;

public record Organisation(OrganisationId id, MunicipalityId municipalityId, String municipalityName, String name, Sector sector,
                           String contactEmail, String village) {
}
