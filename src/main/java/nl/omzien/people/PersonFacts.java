package nl.omzien.people;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import nl.omzien.base.OrganisationId;
import java.util.Locale;

/**
 * The few facts about a person other features work with (a sign-up, its mails): who, how to mail them,
 * where they belong. The municipality is the person's own, or else their organisation's.
 */
public record PersonFacts(PersonId id, String fullName, String email, Locale locale, OrganisationId organisationId,
                          MunicipalityId municipalityId, boolean enabled) {
}
