package nl.omzien.people;

/**
 * Published in the transaction that creates an organisation or saves it, with its new municipality,
 * sector and village (kern, may be null). Carries the new state, not the difference.
 */
public record OrganisationChanged(long organisationId, long municipalityId, String sector, String village) {
}
