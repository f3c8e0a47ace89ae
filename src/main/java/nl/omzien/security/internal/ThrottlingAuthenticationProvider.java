package nl.omzien.security.internal;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.TransactionException;

/** Password sign-in that refuses to check a password while the throttle says no. */
public class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    public ThrottlingAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = String.valueOf(authentication.getName()).trim();
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
        try {
            long attempt = throttle.begin(email, ip).orElseThrow(LoginThrottledException::new);
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(attempt);
            return result;
        } catch (DataAccessException | TransactionException | org.jooq.exception.DataAccessException databaseUnavailable) {
            // The person sees "temporarily unavailable" (SecurityConfiguration), not a silent return to the form.
            throw new InternalAuthenticationServiceException("Database unavailable during sign-in", databaseUnavailable);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    public static class LoginThrottledException extends AuthenticationException {
        public LoginThrottledException() {
            super("Too many failed sign-in attempts; try again later");
        }
    }
}
