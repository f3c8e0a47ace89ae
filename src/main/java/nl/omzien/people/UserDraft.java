package nl.omzien.people;

import nl.omzien.base.PersonId;

import nl.omzien.security.Role;

import java.util.EnumSet;
import java.util.Set;

/** A user being created or edited in a form. An empty password keeps the current one. */
public class UserDraft {
    private PersonId id;
    private String fullName = "";
    private String email = "";
    private Organisation organisation;
    private Municipality municipality;
    private Set<Role> roles = EnumSet.of(Role.PARTICIPANT);
    private String newPassword = "";
    private boolean enabled = true;

    public static UserDraft of(UserAccount account, Organisation organisation, Municipality municipality) {
        UserDraft draft = new UserDraft();
        draft.id = account.id();
        draft.fullName = account.fullName();
        draft.email = account.email();
        draft.organisation = organisation;
        draft.municipality = municipality;
        draft.roles = account.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.roles());
        draft.enabled = account.enabled();
        return draft;
    }

    public PersonId getId() { return id; }
    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public Organisation getOrganisation() { return organisation; }
    public void setOrganisation(Organisation organisation) { this.organisation = organisation; }
    public Municipality getMunicipality() { return municipality; }
    public void setMunicipality(Municipality municipality) { this.municipality = municipality; }
    public Set<Role> getRoles() { return roles; }
    public void setRoles(Set<Role> roles) { this.roles = roles; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
