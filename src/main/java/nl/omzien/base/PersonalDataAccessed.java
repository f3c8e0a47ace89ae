package nl.omzien.base;

import java.util.Collection;
import java.util.List;

/**
 * Published by a feature's service when staff read, export, change or delete personal data of the
 * people in {@code subjectIds}. The privacy feature writes it to the audit log with the signed-in
 * staff member and their address; the publisher only says what happened.
 *
 * @param detail where, as a key with arguments after colons ({@code "session-participants:12"}); the audit page
 *               shows translation {@code audit.detail.<key>} with the arguments. Never a name or e-mail address.
 */
public record PersonalDataAccessed(Action action, Collection<PersonId> subjectIds, String detail) {

    public enum Action { VIEWED, EXPORTED, CHANGED, DELETED }

    public PersonalDataAccessed {
        subjectIds = List.copyOf(subjectIds);
    }

    public static PersonalDataAccessed of(Action action, PersonId subjectId, String detail) {
        return new PersonalDataAccessed(action, List.of(subjectId), detail);
    }
}
