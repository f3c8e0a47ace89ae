package nl.omzien.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.omzien.security.SignedInThroughProvider;
import nl.omzien.security.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Staff sign-in through the organisation's identity provider (OpenID Connect; decision 029). Spring
 * Security's OAuth2 client does the protocol (redirect, state, nonce, code exchange, ID token signature
 * and claims); this class only decides which Omzien account the person is ({@link ProviderAccounts}) and
 * then gives the session the same principal a password sign-in gives, so the rest of Omzien sees no difference.
 * No code step follows: the second factor is the provider's business, recorded in the audit log.
 */
@Component
public class ProviderSignIn {

    /** GET this plus a provider id to start signing in there. */
    public static final String START_PATH = "/oauth2/authorization/";
    /** The login page's query parameter that carries why a sign-in through a provider did not work. */
    public static final String REFUSED_PARAMETER = "provider-refused";

    private static final Logger log = LoggerFactory.getLogger(ProviderSignIn.class);

    private final IdentityProviderSettings settings;
    private final ProviderAccounts accounts;
    private final ApplicationEventPublisher events;
    private final OidcUserService oidcUsers = new OidcUserService();
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final SavedRequestAwareAuthenticationSuccessHandler afterSignIn = new SavedRequestAwareAuthenticationSuccessHandler();

    ProviderSignIn(IdentityProviderSettings settings, ProviderAccounts accounts, ApplicationEventPublisher events) {
        this.settings = settings;
        this.accounts = accounts;
        this.events = events;
    }

    /** Adds sign-in through the configured providers; nothing when none is configured. */
    public void configure(HttpSecurity http) throws Exception {
        if (settings.oidc().isEmpty()) {
            return;
        }
        http.oauth2Login(login -> login
                .loginPage("/login")
                .clientRegistrationRepository(new ProviderRegistrations(settings))
                // The provider's tokens are not used after sign-in; in the session they go when it ends.
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .successHandler(this::signedIn)
                .failureHandler(this::refused));
    }

    /**
     * Spring's OpenID Connect code exchange and ID token check, for the application's authentication manager (the
     * security configuration sets its own manager, so what {@code oauth2Login} would add there by itself is not used).
     */
    public AuthenticationProvider authenticationProvider() {
        return new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(), this::loadUser);
    }

    /** After Spring Security checked the ID token: the Omzien account, or a refusal. */
    private OidcUser loadUser(OidcUserRequest request) {
        OidcUser person = oidcUsers.loadUser(request);
        String providerId = request.getClientRegistration().getRegistrationId();
        SignedInUser user = accounts.signIn(providerId, settings.oidc().get(providerId), person);
        return new ProviderUser(user, person);
    }

    private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        var token = (OAuth2AuthenticationToken) authentication;
        var person = (ProviderUser) token.getPrincipal();
        SignedInUser user = person.user();
        // The same principal as a password sign-in, so CurrentUser, "sign out everywhere" and views work unchanged.
        Authentication staff = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        var holder = SecurityContextHolder.getContextHolderStrategy();
        var context = holder.createEmptyContext();
        context.setAuthentication(staff);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        events.publishEvent(new SignedInThroughProvider(user.accountId(), token.getAuthorizedClientRegistrationId(),
                person.getIdToken().getAuthenticationMethods(), person.getIdToken().getAuthenticationContextClass()));
        afterSignIn.onAuthenticationSuccess(request, response, staff);
    }

    private void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String reason = "failed";
        if (exception instanceof OAuth2AuthenticationException oauth
                && oauth.getError().getErrorCode().startsWith(ProviderAccounts.ERROR_PREFIX)) {
            reason = oauth.getError().getErrorCode().substring(ProviderAccounts.ERROR_PREFIX.length());
        } else {
            // Cancelled at the provider, or a set-up problem (wrong secret, clock skew): the operator needs to know which.
            log.warn("Sign-in through an identity provider failed: {}", exception.getMessage());
        }
        response.sendRedirect(request.getContextPath() + "/login?" + REFUSED_PARAMETER + "=" + reason);
    }

    /** Only between the user service and the success handler: the provider's person with their Omzien account. */
    static final class ProviderUser extends DefaultOidcUser {

        private final SignedInUser user;

        ProviderUser(SignedInUser user, OidcUser person) {
            super(user.getAuthorities(), person.getIdToken(), person.getUserInfo());
            this.user = user;
        }

        SignedInUser user() {
            return user;
        }
    }
}
