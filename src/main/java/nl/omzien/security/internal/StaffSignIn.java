package nl.omzien.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.omzien.base.SecretTokens;
import nl.omzien.base.Translations;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;

/**
 * Everything staff sign-in adds to Spring Security, in one place so the security configuration only
 * plugs it in: the second step after the password, remember-me and "sign out everywhere".
 */
@Component
public class StaffSignIn {

    public static final String ENROL_PATH = "/login/instellen";
    public static final String CODE_PATH = SecondFactorLoginFilter.PATH;
    public static final String RECOVERY_CODES_PATH = "/login/herstelcodes";
    /** Session attribute with the recovery codes to show once after setting up at sign-in. */
    public static final String RECOVERY_CODES_ATTRIBUTE = SecondFactorLoginFilter.NEW_RECOVERY_CODES;

    private final SecondFactors secondFactors;
    private final AccountSessions sessions;
    private final Translations translations;
    private final UserDetailsService users;
    private final LoginThrottle throttle;
    private final TotpCodes totp;
    private final Clock clock;
    private final HashedRememberMeServices rememberMe;
    private final ProviderAccounts providerAccounts;
    private final String rememberMeKey = SecretTokens.newToken();

    StaffSignIn(SecondFactors secondFactors, AccountSessions sessions, UserDetailsService users, LoginThrottle throttle,
                TotpCodes totp, JooqRememberMeTokenRepository rememberMeTokens, ProviderAccounts providerAccounts,
                Translations translations, Clock clock) {
        this.secondFactors = secondFactors;
        this.translations = translations;
        this.sessions = sessions;
        this.users = users;
        this.throttle = throttle;
        this.totp = totp;
        this.clock = clock;
        this.providerAccounts = providerAccounts;
        this.rememberMe = new HashedRememberMeServices(rememberMeKey, users, rememberMeTokens, secondFactors, clock);
    }

    /** Password sign-in that stops before any role when a second step is needed. */
    public AuthenticationProvider gate(AuthenticationProvider passwords) {
        return new SecondFactorGate(passwords, secondFactors, providerAccounts::passwordSwitchedOff);
    }

    public RememberMeServices rememberMeServices() {
        return rememberMe;
    }

    public AuthenticationProvider rememberMeProvider() {
        return new RememberMeAuthenticationProvider(rememberMeKey);
    }

    /** Marks when a session signed in, for "sign out everywhere". */
    public SessionAuthenticationStrategy sessionStamp() {
        return new SessionStamp(clock);
    }

    /**
     * Password sign-in failures: a right password that needs a second step opens that step (new session
     * id, no roles) instead of counting as a failure; anything else goes to {@code otherwise}.
     */
    public AuthenticationFailureHandler passwordFailureHandler(AuthenticationFailureHandler otherwise) {
        return (request, response, exception) -> {
            if (exception instanceof SecondFactorRequiredException needed) {
                openSecondStep(request, response, needed);
            } else {
                otherwise.onAuthenticationFailure(request, response, exception);
            }
        };
    }

    private void openSecondStep(HttpServletRequest request, HttpServletResponse response, SecondFactorRequiredException needed)
            throws IOException {
        var session = request.getSession();
        request.changeSessionId();
        boolean enrol = needed.requirement() == SecondFactors.Requirement.ENROL;
        session.setAttribute(PendingSignIn.ATTRIBUTE, new PendingSignIn(needed.accountId(), needed.email(),
                secondFactors.localeOf(needed.accountId()), rememberMe.wantsRemembering(request),
                enrol ? totp.newSecret() : null, clock.instant(), 0));
        response.sendRedirect(request.getContextPath() + (enrol ? ENROL_PATH : CODE_PATH));
    }

    /** Adds the code step and the "sign out everywhere" check to the filter chain. */
    public Configurer configurer() {
        return new Configurer();
    }

    /** Plugged in with {@code http.with(...)}; runs after the built-in configurers have shared their parts. */
    public final class Configurer extends AbstractHttpConfigurer<Configurer, HttpSecurity> {

        @Override
        public void configure(HttpSecurity http) {
            var filter = new SecondFactorLoginFilter(secondFactors, users, throttle, clock);
            SessionAuthenticationStrategy sessionStrategy = http.getSharedObject(SessionAuthenticationStrategy.class);
            if (sessionStrategy != null) {
                filter.setSessionAuthenticationStrategy(sessionStrategy);
            }
            SecurityContextRepository contexts = http.getSharedObject(SecurityContextRepository.class);
            filter.setSecurityContextRepository(contexts != null ? contexts : new DelegatingSecurityContextRepository(
                    new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository()));
            filter.setRememberMeServices(rememberMe);
            var afterSignIn = new SavedRequestAwareAuthenticationSuccessHandler();
            filter.setAuthenticationSuccessHandler((request, response, authentication) -> {
                if (request.getAttribute(SecondFactorLoginFilter.NEW_RECOVERY_CODES) != null) {
                    // Shown once on the next page, then gone from the session.
                    request.getSession().setAttribute(SecondFactorLoginFilter.NEW_RECOVERY_CODES,
                            request.getAttribute(SecondFactorLoginFilter.NEW_RECOVERY_CODES));
                    response.sendRedirect(request.getContextPath() + RECOVERY_CODES_PATH);
                } else {
                    afterSignIn.onAuthenticationSuccess(request, response, authentication);
                }
            });
            filter.setAuthenticationFailureHandler((request, response, exception) -> {
                String target = switch (exception) {
                    case SecondFactorLoginFilter.WrongCodeException wrong -> (wrong.enrolling ? ENROL_PATH : CODE_PATH) + "?wrong";
                    case ThrottlingAuthenticationProvider.LoginThrottledException throttled -> CODE_PATH + "?throttled";
                    default -> CODE_PATH + "?expired";
                };
                response.sendRedirect(request.getContextPath() + target);
            });
            http.addFilterAfter(filter, UsernamePasswordAuthenticationFilter.class);
            http.addFilterBefore(new SignedOutEverywhereFilter(sessions, translations), AuthorizationFilter.class);
        }
    }

    /** The locale for the plain sign-in step pages. */
    public static Locale locale(PendingSignIn pending) {
        return Locale.of(pending == null ? "nl" : pending.locale());
    }
}
