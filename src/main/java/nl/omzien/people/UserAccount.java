package nl.omzien.people;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import nl.omzien.base.OrganisationId;
import nl.omzien.security.Role;

import java.util.Set;

/** A person as staff see them in user management (never with a password hash). */
public record UserAccount(PersonId id, String email, String fullName, OrganisationId organisationId, String organisationName,
                          MunicipalityId municipalityId, String municipalityName, Set<Role> roles, boolean enabled) {

    /**
     * Whether their organisation's contact may say this person is not (or no longer) one of theirs: participants
     * only; contacts and staff are the lead's to change.
     */
    public boolean leavesByContact() {
        return roles.stream().allMatch(role -> role == Role.PARTICIPANT);
    }
}
