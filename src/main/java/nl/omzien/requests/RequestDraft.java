package nl.omzien.requests;

import nl.omzien.people.Audience;

/**
 * What someone typed on the request form. {@code organisationName}, {@code contactName} and {@code contactEmail}
 * are taken from the account for a signed-in organisation contact.
 *
 * @param preferredPeriods free text, e.g. "weekdays in March, mornings"
 */
public record RequestDraft(String organisationName, Audience audience, Integer peopleCount, String preferredPeriods,
                           String place, String remarks, String contactName, String contactEmail) {
}
