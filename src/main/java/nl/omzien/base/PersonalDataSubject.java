package nl.omzien.base;

import java.util.Set;

/**
 * The person whose data is exported or erased: their account id, current name, and every e-mail address
 * they are known by (current and pending), because some tables (throttling, mail) hold addresses, not ids.
 */
public record PersonalDataSubject(PersonId userId, String fullName, Set<String> emails) {

    public PersonalDataSubject {
        emails = emails.stream().map(e -> e.trim().toLowerCase()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
