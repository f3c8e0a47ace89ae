package nl.omzien.people;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.base.PersonId;
/**
 * Published in the transaction that creates an account or changes where a person is: joining an
 * organisation, leaving it (organisation null), moving to another, or staff getting another municipality.
 * Carries the new state, not the difference, so a listener may receive it for an unchanged person.
 * Erasing an account keeps its organisation (the training it had still counts), so nothing is published then.
 *
 * @param organisationId the person's organisation, or null
 * @param municipalityId the person's own municipality (staff without an organisation), or null
 */
public record PersonPlacementChanged(PersonId personId, OrganisationId organisationId, MunicipalityId municipalityId) {
}
