package nl.omzien.security.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import nl.omzien.security.Accounts;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Which Omzien account a provider's person is. Roles stay in Omzien: the provider only says who someone is.
 * The first sign-in links by the provider's verified e-mail address to an existing staff account (nobody
 * gets an account, let alone a role, by signing in); later sign-ins go by the provider's subject.
 */
@Component
class ProviderAccounts {

    /** Why a sign-in through a provider is refused; the login page says it in plain words. */
    enum Refusal {
        /** No Omzien account with the provider's e-mail address. */
        UNKNOWN,
        /** The provider did not say the e-mail address is verified. */
        UNVERIFIED,
        /** A participant (or organisation contact): they sign in with the e-mail link. */
        NOT_STAFF,
        /** A provider for one municipality, and the account is of another (or of none). */
        OTHER_MUNICIPALITY,
        /** A provider for one municipality, and an admin's account: only the installation's own provider vouches for them. */
        ADMIN,
        DISABLED;

        String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    static final String ERROR_PREFIX = "omzien_";

    private final JooqProviderIdentities identities;
    private final Accounts accounts;
    private final Clock clock;

    ProviderAccounts(JooqProviderIdentities identities, Accounts accounts, Clock clock) {
        this.identities = identities;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The account to sign in, linked now if this is the person's first sign-in through this provider.
     *
     * @throws OAuth2AuthenticationException with error code {@code omzien_<refusal>} when refused
     */
    @Transactional
    public SignedInUser signIn(String providerId, IdentityProviderSettings.Provider provider, OidcUser person) {
        String subject = person.getSubject();
        Optional<SignedInUser> linked = identities.personFor(providerId, subject)
                .flatMap(accounts::email).flatMap(accounts::byEmail);
        SignedInUser user;
        if (linked.isPresent()) {
            user = linked.get();
        } else {
            String email = person.getEmail();
            if (email == null || email.isBlank() || !verified(person.getClaims().get(provider.emailVerifiedClaim()))) {
                throw refused(Refusal.UNVERIFIED);
            }
            user = accounts.byEmail(email).orElseThrow(() -> refused(Refusal.UNKNOWN));
        }
        if (!user.isEnabled()) {
            throw refused(Refusal.DISABLED);
        }
        if (user.roles().stream().noneMatch(Role::isStaff)) {
            throw refused(Refusal.NOT_STAFF);
        }
        if (provider.boundToMunicipality()) {
            // An admin acts for every municipality: one municipality's provider must not sign them in.
            if (user.isAdmin()) {
                throw refused(Refusal.ADMIN);
            }
            Optional<MunicipalityId> municipality = accounts.municipalityNamed(provider.municipality());
            if (municipality.isEmpty() || !municipality.get().equals(user.municipalityId())) {
                throw refused(Refusal.OTHER_MUNICIPALITY);
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (linked.isPresent()) {
            identities.signedIn(providerId, subject, now);
        } else {
            identities.link(providerId, subject, user.accountId(), now);
        }
        return user.withoutPassword();
    }

    /** Providers send a JSON boolean; some send the string "true". */
    private static boolean verified(Object claim) {
        return Boolean.TRUE.equals(claim) || "true".equalsIgnoreCase(String.valueOf(claim));
    }

    private static OAuth2AuthenticationException refused(Refusal refusal) {
        return new OAuth2AuthenticationException(new OAuth2Error(ERROR_PREFIX + refusal.code()), "Sign-in refused: " + refusal);
    }

    @Transactional(readOnly = true)
    public boolean passwordSwitchedOff(PersonId person) {
        return identities.passwordSwitchedOff(person);
    }
}
