package nl.omzien.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.omzien.base.SecretTokens;
import nl.omzien.security.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationException;

import java.time.Clock;
import java.time.Duration;

/**
 * Spring Security's persistent-token remember-me (a series that stays, a token that changes at every
 * use, theft detected when an old token comes back) with the token stored hashed. A remember-me
 * sign-in never gives an admin without an authenticator app any role: they must sign in with a
 * password and set one up.
 */
public class HashedRememberMeServices extends PersistentTokenBasedRememberMeServices {

    public static final Duration VALID_FOR = Duration.ofDays(30);
    /** Set by a sign-in step that asked "remember me" earlier (the code step, an e-mail link). */
    static final String REMEMBER_ATTRIBUTE = HashedRememberMeServices.class.getName() + ".remember";

    private final JooqRememberMeTokenRepository tokens;
    private final SecondFactors secondFactors;
    private final Clock clock;

    HashedRememberMeServices(String key, UserDetailsService users, JooqRememberMeTokenRepository tokens,
                                    SecondFactors secondFactors, Clock clock) {
        super(key, users, tokens);
        this.tokens = tokens;
        this.secondFactors = secondFactors;
        this.clock = clock;
        setTokenValiditySeconds((int) VALID_FOR.toSeconds());
        // Lax, like the session cookie: a cross-site form post must not arrive signed in.
        setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
    }

    @Override
    protected UserDetails processAutoLoginCookie(String[] cookieTokens, HttpServletRequest request, HttpServletResponse response) {
        String[] hashed = cookieTokens.length == 2 ? new String[] {cookieTokens[0], SecretTokens.hash(cookieTokens[1])} : cookieTokens;
        UserDetails user = super.processAutoLoginCookie(hashed, request, response);
        if (user instanceof SignedInUser signedIn
                && secondFactors.requirementFor(signedIn) == SecondFactors.Requirement.ENROL) {
            throw new RememberMeAuthenticationException("An admin must set up an authenticator app first");
        }
        SessionStamp.mark(request.getSession(), clock.instant());
        return user instanceof SignedInUser signedIn ? signedIn.withoutPassword() : user;
    }

    /**
     * Signing out forgets this device only; Spring's default would delete the remember-me cookies of all
     * the person's devices ("sign out everywhere" is the explicit way to do that).
     */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        String cookie = extractRememberMeCookie(request);
        cancelCookie(request, response);
        if (cookie != null && !cookie.isEmpty()) {
            try {
                tokens.removeSeries(decodeCookie(cookie)[0]);
            } catch (InvalidCookieException e) {
                // Nothing to forget: the cookie was not ours.
            }
        }
    }

    /** Whether the sign-in form asked to be remembered (the "remember-me" checkbox). */
    boolean wantsRemembering(HttpServletRequest request) {
        return rememberMeRequested(request, getParameter());
    }

    @Override
    protected boolean rememberMeRequested(HttpServletRequest request, String parameter) {
        return Boolean.TRUE.equals(request.getAttribute(REMEMBER_ATTRIBUTE)) || super.rememberMeRequested(request, parameter);
    }
}
