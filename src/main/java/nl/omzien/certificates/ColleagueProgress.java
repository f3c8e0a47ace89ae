package nl.omzien.certificates;

import nl.omzien.base.PersonId;
/**
 * How far a colleague is, for their organisation's contact: modules passed and whether they hold a valid
 * certificate. No scores, answers or dates.
 */
public record ColleagueProgress(PersonId personId, String fullName, String email, int modulesPassed, boolean certified) {
}
