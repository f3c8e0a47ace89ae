package nl.omzien.people;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import java.util.Locale;

/**
 * What a document about a person needs (e.g. a certificate): name, where they work and for which
 * municipality. The municipality is the organisation's, or the staff member's own when they have none.
 */
public record PersonProfile(PersonId userId, String email, String fullName, Locale locale, String organisationName,
                            MunicipalityId municipalityId, String municipalityName) {
}
