package nl.omzien.people;

import nl.omzien.security.Role;

import java.util.Set;

/** A person as staff see them in user management (never with a password hash). */
public record UserAccount(long id, String email, String fullName, Long organisationId, String organisationName,
                          Long municipalityId, String municipalityName, Set<Role> roles, boolean enabled) {
}
