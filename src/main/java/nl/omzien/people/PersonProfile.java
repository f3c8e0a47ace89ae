package nl.omzien.people;

import java.util.Locale;

/**
 * What a document about a person needs (e.g. a certificate): name, where they work and for which
 * municipality. The municipality is the organisation's, or the staff member's own when they have none.
 */
public record PersonProfile(long userId, String email, String fullName, Locale locale, String organisationName,
                            Long municipalityId, String municipalityName) {
}
