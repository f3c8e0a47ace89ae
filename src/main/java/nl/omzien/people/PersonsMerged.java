package nl.omzien.people;

import nl.omzien.base.PersonId;

/**
 * Published in the transaction that joins a walk-in to the account that already had their e-mail address
 * (issue 20: "no duplicate person"). Each feature moves what it keeps under {@code from} to {@code into};
 * afterwards {@code from} stays as a disabled account that points at {@code into} and counts nowhere.
 */
public record PersonsMerged(PersonId from, PersonId into) {
}
