package nl.omzien.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.omzien.security.SignedInUser;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.time.Clock;
import java.util.List;

/**
 * The second sign-in step: POST /login/code with a code from the authenticator app or a recovery
 * code (or, for an admin setting up, the first code of the new secret). Only here does the session
 * get its roles, its new id and, if asked for at the password step, its remember-me cookie.
 */
class SecondFactorLoginFilter extends AbstractAuthenticationProcessingFilter {

    static final String PATH = "/login/code";
    static final String NEW_RECOVERY_CODES = "omzien.new-recovery-codes";
    private static final String THROTTLE_PREFIX = "second-factor:";

    private final SecondFactors secondFactors;
    private final UserDetailsService users;
    private final LoginThrottle throttle;
    private final Clock clock;

    SecondFactorLoginFilter(SecondFactors secondFactors, UserDetailsService users, LoginThrottle throttle, Clock clock) {
        super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PATH));
        this.secondFactors = secondFactors;
        this.users = users;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response)
            throws AuthenticationException {
        HttpSession session = request.getSession(false);
        PendingSignIn pending = PendingSignIn.in(session);
        if (pending == null || pending.expiredAt(clock.instant())) {
            forget(session);
            throw new SecondFactorExpiredException();
        }
        // Counted apart from password failures: a right password must not reset the count of wrong codes.
        String throttleKey = THROTTLE_PREFIX + pending.email();
        String ip = request.getRemoteAddr();
        long attempt = throttle.begin(throttleKey, ip)
                .orElseThrow(ThrottlingAuthenticationProvider.LoginThrottledException::new);
        String code = request.getParameter("code");
        boolean right;
        if (pending.enrolling()) {
            var recoveryCodes = secondFactors.enable(pending.accountId(), pending.enrolSecret(), code);
            recoveryCodes.ifPresent(codes -> request.setAttribute(NEW_RECOVERY_CODES, List.copyOf(codes)));
            right = recoveryCodes.isPresent();
        } else {
            right = secondFactors.verify(pending.accountId(), code);
        }
        if (right) {
            throttle.succeeded(attempt);
        }
        if (!right) {
            PendingSignIn next = pending.failedOnce();
            if (next.failures() >= PendingSignIn.MAX_FAILURES) {
                forget(session);
                throw new SecondFactorExpiredException();
            }
            session.setAttribute(PendingSignIn.ATTRIBUTE, next);
            throw new WrongCodeException(pending.enrolling());
        }
        forget(session);
        var user = (SignedInUser) users.loadUserByUsername(pending.email());
        if (!user.isEnabled()) {
            throw new DisabledException("Account disabled");
        }
        if (pending.rememberMe()) {
            request.setAttribute(HashedRememberMeServices.REMEMBER_ATTRIBUTE, Boolean.TRUE);
        }
        SignedInUser principal = user.withoutPassword();
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private static void forget(HttpSession session) {
        if (session != null) {
            session.removeAttribute(PendingSignIn.ATTRIBUTE);
        }
    }

    /** The code was not right; the person may try again. */
    static class WrongCodeException extends AuthenticationException {
        final boolean enrolling;

        WrongCodeException(boolean enrolling) {
            super("Wrong code");
            this.enrolling = enrolling;
        }
    }

    /** No open second step (never started, too old, too many wrong codes): start again with the password. */
    static class SecondFactorExpiredException extends AuthenticationException {
        SecondFactorExpiredException() {
            super("No open sign-in step");
        }
    }
}
