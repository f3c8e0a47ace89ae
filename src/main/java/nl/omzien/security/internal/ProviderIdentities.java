package nl.omzien.security.internal;

import nl.omzien.base.PersonId;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** For {@link nl.omzien.security.IdentityProviderService}: a person's provider accounts and password switch. */
@Component
public class ProviderIdentities {

    /** A provider account linked to a person. */
    public record Link(String provider, OffsetDateTime linkedAt, OffsetDateTime lastSignInAt) {
    }

    private final JooqProviderIdentities identities;
    private final JooqSecondFactorRepository factors;
    private final JooqRememberMeTokenRepository rememberMeTokens;
    private final Clock clock;

    ProviderIdentities(JooqProviderIdentities identities, JooqSecondFactorRepository factors,
                       JooqRememberMeTokenRepository rememberMeTokens, Clock clock) {
        this.identities = identities;
        this.factors = factors;
        this.rememberMeTokens = rememberMeTokens;
        this.clock = clock;
    }

    public List<Link> links(PersonId person) {
        return identities.links(person);
    }

    public boolean passwordSwitchedOff(PersonId person) {
        return identities.passwordSwitchedOff(person);
    }

    /** Password sign-in refused from now on; the authenticator app and remembered devices are gone. */
    public void switchPasswordOff(PersonId person, PersonId by) {
        identities.switchPasswordOff(person, by, OffsetDateTime.now(clock));
        factors.disable(person);
        rememberMeTokens.removeAll(person);
    }

    public void switchPasswordOn(PersonId person) {
        identities.switchPasswordOn(person);
    }
}
