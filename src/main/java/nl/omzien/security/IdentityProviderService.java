package nl.omzien.security;

import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.PersonId;
import nl.omzien.base.PersonalDataAccessed;
import nl.omzien.security.internal.IdentityProviderSettings;
import nl.omzien.security.internal.ProviderIdentities;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Staff sign-in through the organisation's identity provider (OpenID Connect, decision 029): the providers the
 * sign-in page offers, and for admins which provider accounts a person has and whether their password and
 * authenticator app are switched off.
 */
@Service
public class IdentityProviderService {

    /** A provider to sign in with: its id (in the address) and the name on the button. */
    public record Provider(String id, String name) {
    }

    /** A provider account linked to a person at their first sign-in there. */
    public record LinkedProvider(String id, String name, OffsetDateTime linkedAt, OffsetDateTime lastSignInAt) {
    }

    /** How a person signs in, for the admin's user form. */
    public record PersonSignIn(List<LinkedProvider> linked, boolean passwordSwitchedOff) {

        /** Only someone who has signed in through a provider may lose their password: nobody is locked out. */
        public boolean passwordMayBeSwitchedOff() {
            return !linked.isEmpty();
        }
    }

    private final IdentityProviderSettings settings;
    private final ProviderIdentities identities;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Accounts accounts;

    IdentityProviderService(IdentityProviderSettings settings, ProviderIdentities identities, CurrentUser currentUser,
                            ApplicationEventPublisher events, Accounts accounts) {
        this.accounts = accounts;
        this.settings = settings;
        this.identities = identities;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** The configured providers, for the sign-in page (anyone); empty when none is configured. */
    public List<Provider> providers() {
        return settings.oidc().keySet().stream().map(id -> new Provider(id, nameOf(id))).toList();
    }

    /** Whether the signed-in person may see and change how others sign in (admins). */
    public boolean mayManage() {
        return currentUser.find().map(SignedInUser::isAdmin).orElse(false);
    }

    @RolesAllowed(Role.ADMIN_ROLE)
    @Transactional(readOnly = true)
    public PersonSignIn of(PersonId person) {
        return new PersonSignIn(identities.links(person).stream()
                .map(link -> new LinkedProvider(link.provider(), nameOf(link.provider()), link.linkedAt(), link.lastSignInAt()))
                .toList(), identities.passwordSwitchedOff(person));
    }

    /**
     * Switches the person's password and authenticator app off: they sign in through their provider only.
     * Their remembered devices are forgotten too (they were remembered after a password).
     */
    @RolesAllowed(Role.ADMIN_ROLE)
    @Transactional
    public void switchPasswordOff(PersonId person) {
        // A municipality's provider refuses admins: for them only a link to the installation's own one counts,
        // or switching the password off would lock them out.
        boolean admin = accounts.email(person).flatMap(accounts::byEmail).map(SignedInUser::isAdmin).orElse(false);
        if (identities.links(person).stream().noneMatch(link -> !admin || !boundToMunicipality(link.provider()))) {
            throw new InvalidInputException(Map.of("passwordSwitchedOff", "provider-sign-in.error.not-linked"));
        }
        identities.switchPasswordOff(person, currentUser.require().accountId());
        events.publishEvent(PersonalDataAccessed.of(PersonalDataAccessed.Action.CHANGED, person, "password-switched-off"));
    }

    /** Lets the person sign in with a password again (an admin sets a new one; an admin must set up an app again). */
    @RolesAllowed(Role.ADMIN_ROLE)
    @Transactional
    public void switchPasswordOn(PersonId person) {
        identities.switchPasswordOn(person);
        events.publishEvent(PersonalDataAccessed.of(PersonalDataAccessed.Action.CHANGED, person, "password-switched-on"));
    }

    private boolean boundToMunicipality(String id) {
        var provider = settings.oidc().get(id);
        return provider != null && provider.boundToMunicipality();
    }

    private String nameOf(String id) {
        var provider = settings.oidc().get(id);
        return provider == null || provider.name() == null || provider.name().isBlank() ? id : provider.name();
    }
}
