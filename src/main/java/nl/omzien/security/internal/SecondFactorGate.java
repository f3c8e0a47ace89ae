package nl.omzien.security.internal;

import nl.omzien.base.PersonId;
import nl.omzien.security.SignedInUser;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.util.function.Predicate;

/**
 * Wraps password sign-in: when the account needs a code (or an admin must first set up an
 * authenticator app), the right password does not produce an authentication but a
 * {@link SecondFactorRequiredException}, so no role and no remember-me cookie is given yet. A person whose
 * password an admin switched off (they sign in through their organisation's identity provider) is refused.
 */
public class SecondFactorGate implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SecondFactors secondFactors;
    private final Predicate<PersonId> passwordSwitchedOff;

    public SecondFactorGate(AuthenticationProvider passwords, SecondFactors secondFactors,
                            Predicate<PersonId> passwordSwitchedOff) {
        this.passwords = passwords;
        this.secondFactors = secondFactors;
        this.passwordSwitchedOff = passwordSwitchedOff;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        Authentication result = passwords.authenticate(authentication);
        if (result != null && result.getPrincipal() instanceof SignedInUser user) {
            if (passwordSwitchedOff.test(user.accountId())) {
                throw new PasswordSwitchedOffException();
            }
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

    /** The password was right, but this person signs in through their organisation's identity provider only. */
    public static class PasswordSwitchedOffException extends AccountStatusException {
        public PasswordSwitchedOffException() {
            super("Password sign-in is switched off for this account");
        }
    }
}
