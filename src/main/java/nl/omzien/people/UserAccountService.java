package nl.omzien.people;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.base.PersonId;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.PlainText;
import nl.omzien.base.PersonalDataAccessed;
import org.springframework.context.ApplicationEventPublisher;

import jakarta.annotation.security.RolesAllowed;
import nl.omzien.people.internal.JooqOrganisationRepository;
import nl.omzien.people.internal.JooqUserAccountRepository;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * People and their roles. An admin manages everyone; a coalition lead manages the people of their
 * own municipality and cannot hand out the admin role; an organisation contact sees their colleagues.
 */
@Service
public class UserAccountService {

    public static final int MIN_PASSWORD_LENGTH = 10;

    private final JooqUserAccountRepository accounts;
    private final JooqOrganisationRepository organisations;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    UserAccountService(JooqUserAccountRepository accounts, JooqOrganisationRepository organisations,
                       PasswordEncoder passwordEncoder, CurrentUser currentUser, ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.organisations = organisations;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public List<UserAccount> visible() {
        SignedInUser user = currentUser.require();
        if (user.isAdmin()) {
            return accounts.findInMunicipality(null);
        }
        return user.municipalityId() == null ? List.of() : accounts.findInMunicipality(user.municipalityId());
    }

    /** The signed-in organisation contact's colleagues: names and e-mail only, nothing else. */
    @Transactional(readOnly = true)
    @RolesAllowed(Role.ORG_CONTACT_ROLE)
    public List<UserAccount> colleagues() {
        SignedInUser user = currentUser.require();
        return user.organisationId() == null ? List.of() : accounts.findInOrganisation(user.organisationId());
    }

    /**
     * The contact says a colleague is not (or no longer) one of theirs: someone who left, or a stranger who picked
     * the organisation when signing up through a public session link. The person keeps their account, training,
     * certificates and other places, and stays in the municipality, but no longer counts as the organisation's staff
     * (its trained share, its partner page); sessions gives back their places in its closed sessions
     * ({@link PersonPlacementChanged}), and from their next sign-in they no longer see those. Twice is harmless.
     */
    @Transactional
    @RolesAllowed(Role.ORG_CONTACT_ROLE)
    public void removeFromMyOrganisation(PersonId personId) {
        SignedInUser user = currentUser.require();
        Optional<UserAccount> person = accounts.findById(personId);
        if (person.isPresent() && person.get().organisationId() == null) {
            return;
        }
        UserAccount colleague = person.filter(p -> user.organisationId() != null && user.organisationId().equals(p.organisationId()))
                .orElseThrow(() -> new AccessDeniedException("Not a colleague"));
        if (!colleague.leavesByContact()) {
            throw new AccessDeniedException("Contacts and staff are the lead's to change");
        }
        if (accounts.leaveOrganisation(personId, user.organisationId(), colleague.municipalityId())) {
            events.publishEvent(new PersonPlacementChanged(personId, null, colleague.municipalityId()));
            events.publishEvent(PersonalDataAccessed.of(PersonalDataAccessed.Action.CHANGED, personId, "left-organisation"));
        }
    }

    /**
     * The account an admin or lead opens to edit: same scope as {@link #visible()}; the look is written to
     * the audit log of staff actions on personal data.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public UserAccount open(PersonId userId) {
        UserAccount account = visible().stream().filter(a -> a.id().equals(userId)).findFirst()
                .orElseThrow(() -> new AccessDeniedException("User outside what this person manages"));
        events.publishEvent(PersonalDataAccessed.of(PersonalDataAccessed.Action.VIEWED, userId, "user-administration"));
        return account;
    }

    /** Roles the signed-in person may hand out. */
    public Set<Role> assignableRoles() {
        SignedInUser user = currentUser.require();
        return user.isAdmin() ? EnumSet.allOf(Role.class) : EnumSet.complementOf(EnumSet.of(Role.ADMIN));
    }

    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public PersonId save(UserDraft draft) {
        SignedInUser user = currentUser.require();
        boolean isNew = draft.getId() == null;
        Set<Role> roles = draft.getRoles() == null ? Set.of() : draft.getRoles();
        boolean needsOrganisation = roles.contains(Role.PARTICIPANT) || roles.contains(Role.ORG_CONTACT);
        boolean needsMunicipality = roles.contains(Role.TRAINER) || roles.contains(Role.COALITION_LEAD);
        String password = draft.getNewPassword() == null ? "" : draft.getNewPassword();
        new InvalidInputException.Checks()
                .require("fullName", draft.getFullName())
                .length("fullName", draft.getFullName(), 2, 150)
                .singleLine("fullName", draft.getFullName())
                .require("email", draft.getEmail())
                .email("email", draft.getEmail())
                // Looked up only for text PostgreSQL accepts: a NUL would fail the query instead of the field.
                .fail("email", "user.email-taken", draft.getEmail() != null && !draft.getEmail().isBlank()
                        && PlainText.isSingleLine(draft.getEmail()) && accounts.emailTaken(draft.getEmail(), draft.getId()))
                .fail("roles", "user.roles-required", roles.isEmpty())
                .fail("organisation", "user.organisation-required", needsOrganisation && draft.getOrganisation() == null)
                .fail("municipality", "user.municipality-required",
                        needsMunicipality && draft.getMunicipality() == null && draft.getOrganisation() == null)
                .fail("newPassword", "user.password-required", isNew && password.isBlank())
                .fail("newPassword", "user.password-too-short",
                        !password.isBlank() && password.length() < MIN_PASSWORD_LENGTH)
                .fail("roles", "user.cannot-remove-own-admin", !isNew && user.accountId().equals(draft.getId())
                        && user.isAdmin() && (!roles.contains(Role.ADMIN) || !draft.isEnabled()))
                .throwIfAny();
        if (needsMunicipality && draft.getMunicipality() == null) {
            // Staff without an explicit municipality work where their organisation is.
            draft.setMunicipality(new Municipality(draft.getOrganisation().municipalityId(), draft.getOrganisation().municipalityName()));
        }
        authoriseChange(user, draft, roles);
        String hash = password.isBlank() ? null : passwordEncoder.encode(password);
        OrganisationId organisationId = draft.getOrganisation() == null ? null : draft.getOrganisation().id();
        MunicipalityId municipalityId = draft.getMunicipality() == null ? null : draft.getMunicipality().id();
        if (isNew) {
            PersonId id = accounts.insert(draft, hash);
            events.publishEvent(new PersonPlacementChanged(id, organisationId, municipalityId));
            return id;
        }
        accounts.update(draft, hash);
        events.publishEvent(new PersonPlacementChanged(draft.getId(), organisationId, municipalityId));
        events.publishEvent(PersonalDataAccessed.of(PersonalDataAccessed.Action.CHANGED, draft.getId(), "user-administration"));
        return draft.getId();
    }

    private void authoriseChange(SignedInUser user, UserDraft draft, Set<Role> roles) {
        if (user.isAdmin()) {
            return;
        }
        MunicipalityId own = user.municipalityId();
        if (roles.contains(Role.ADMIN)) {
            throw new AccessDeniedException("A coalition lead cannot grant the admin role");
        }
        if (draft.getOrganisation() != null) {
            Organisation organisation = organisations.findById(draft.getOrganisation().id())
                    .orElseThrow(() -> new AccessDeniedException("No such organisation"));
            if (!Objects.equals(organisation.municipalityId(), own)) {
                throw new AccessDeniedException("Organisation outside the lead's municipality");
            }
        }
        if (draft.getMunicipality() != null && !Objects.equals(draft.getMunicipality().id(), own)) {
            throw new AccessDeniedException("Municipality is not the lead's own");
        }
        if (draft.getId() != null) {
            UserAccount existing = accounts.findById(draft.getId())
                    .orElseThrow(() -> new AccessDeniedException("No such user"));
            if (!Objects.equals(existing.municipalityId(), own) || existing.roles().contains(Role.ADMIN)) {
                throw new AccessDeniedException("User outside the lead's municipality");
            }
        }
    }
}
