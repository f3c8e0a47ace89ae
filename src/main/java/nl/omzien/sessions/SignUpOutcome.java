package nl.omzien.sessions;

import nl.omzien.base.PersonId;
/**
 * What a sign-up led to. {@code alreadyRegistered} is true when the person had a live place already
 * (double click, second tab): nothing changed.
 */
public record SignUpOutcome(RegistrationId registrationId, PersonId userId, RegistrationStatus status, boolean alreadyRegistered) {
}
