package nl.omzien.people;

import java.util.Locale;

/**
 * The few facts about a person other features work with (a sign-up, its mails): who, how to mail them,
 * where they belong. The municipality is the person's own, or else their organisation's.
 */
public record PersonFacts(long id, String fullName, String email, Locale locale, Long organisationId,
                          Long municipalityId, boolean enabled) {
}
