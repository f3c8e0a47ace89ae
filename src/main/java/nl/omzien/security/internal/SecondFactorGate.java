package nl.omzien.security.internal;

import nl.omzien.security.SignedInUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Wraps password sign-in: when the account needs a code (or an admin must first set up an
 * authenticator app), the right password does not produce an authentication but a
 * {@link SecondFactorRequiredException}, so no role and no remember-me cookie is given yet.
 */
public class SecondFactorGate implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SecondFactors secondFactors;

    public SecondFactorGate(AuthenticationProvider passwords, SecondFactors secondFactors) {
        this.passwords = passwords;
        this.secondFactors = secondFactors;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        Authentication result = passwords.authenticate(authentication);
        if (result != null && result.getPrincipal() instanceof SignedInUser user) {
            var requirement = secondFactors.requirementFor(user);
            if (requirement != SecondFactors.Requirement.NONE) {
                throw new SecondFactorRequiredException(user.accountId(), user.email(), requirement);
            }
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
