package nl.omzien.security;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.base.PersonId;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The person behind a session: the principal Spring Security keeps. Municipality and organisation
 * are here because most ownership checks need them.
 */
public record SignedInUser(PersonId accountId, String email, String fullName, String passwordHash,
                           OrganisationId organisationId, MunicipalityId municipalityId, Set<Role> roles, boolean enabled)
        implements UserDetails {

    public SignedInUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Never let the hash reach logs or a serialised session. */
    public SignedInUser withoutPassword() {
        return new SignedInUser(accountId, email, fullName, null, organisationId, municipalityId, roles, enabled);
    }

    @Override
    public String toString() {
        return "SignedInUser[" + accountId + "]";
    }
}
