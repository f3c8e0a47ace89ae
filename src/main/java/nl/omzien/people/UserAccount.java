package nl.omzien.people;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import nl.omzien.base.OrganisationId;
import nl.omzien.security.Role;

import java.util.Set;

/** A person as staff see them in user management (never with a password hash). */
public record UserAccount(PersonId id, String email, String fullName, OrganisationId organisationId, String organisationName,
                          MunicipalityId municipalityId, String municipalityName, Set<Role> roles, boolean enabled) {
}
