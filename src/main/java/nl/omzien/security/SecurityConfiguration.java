package nl.omzien.security;

import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinRolePrefixHolder;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import nl.omzien.security.internal.IdentityProviderSettings;
import nl.omzien.security.internal.LocalContinueSuccessHandler;
import nl.omzien.security.internal.LoginThrottle;
import nl.omzien.security.internal.ProviderSignIn;
import nl.omzien.security.internal.RoleCheckingNavigationAccessControl;
import nl.omzien.security.internal.SecondFactorGate;
import nl.omzien.security.internal.StaffSignIn;
import nl.omzien.security.internal.ThrottlingAuthenticationProvider;
import nl.omzien.security.ui.LoginView;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import com.vaadin.flow.component.Component;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Role;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationProvider;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.Jsr250AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import java.util.List;
import java.util.Map;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity // @PreAuthorize; @RolesAllowed/@PermitAll through jsr250OnServicesOnly() below
@EnableConfigurationProperties(IdentityProviderSettings.class)
class SecurityConfiguration {

    /**
     * {@code @RolesAllowed}/{@code @PermitAll} as method security everywhere except on Vaadin components.
     * On a view these annotations are Vaadin's navigation check (NavigationAccessControl, on the server at
     * every navigation); Spring's jsr250 support would also make every view a CGLIB proxy, and Spring then
     * re-evaluates every advisor against the view class each time Vaadin creates one: a quarter of the app's
     * CPU under load (issue 23, decision 021). Services keep exactly the checks they had.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor jsr250OnServicesOnly() {
        var manager = new Jsr250AuthorizationManager();
        var pointcut = new ComposablePointcut(type -> !Component.class.isAssignableFrom(type))
                .intersection(AuthorizationManagerBeforeMethodInterceptor.jsr250(manager).getPointcut());
        var interceptor = new AuthorizationManagerBeforeMethodInterceptor(pointcut, manager);
        interceptor.setOrder(AuthorizationInterceptorsOrder.JSR250.getOrder());
        return interceptor;
    }

    /**
     * No observations of Spring Security's own (nobody traces here). Switching them off by property is not enough:
     * Spring Security still wraps every filter of its chain in an observation on every request.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Vaadin's navigation check, built as Vaadin builds it, without a class path scan per check. */
    @Bean
    @Primary
    NavigationAccessControl roleCheckingNavigationAccessControl(List<NavigationAccessChecker> checkers,
                                                                NavigationAccessControlConfigurer configurer,
                                                                VaadinRolePrefixHolder rolePrefix) {
        return configurer.build((list, resolver) -> new RoleCheckingNavigationAccessControl(list, resolver, rolePrefix), checkers);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                            OneTimeTokenService signInLinks, StaffSignIn staffSignIn,
                                            RequestUtil vaadinRequests, ProviderSignIn providerSignIn)
            throws Exception {
        var failureHandler = new ExceptionMappingAuthenticationFailureHandler();
        failureHandler.setDefaultFailureUrl("/login?error");
        failureHandler.setExceptionMappings(Map.of(
                ThrottlingAuthenticationProvider.LoginThrottledException.class.getName(), "/login?throttled",
                // Signs in through the organisation's identity provider only (an admin switched the password off).
                SecondFactorGate.PasswordSwitchedOffException.class.getName(), "/login?" + ProviderSignIn.REFUSED_PARAMETER + "=password-off",
                // The database (or something else behind the password check) failed: not a wrong password.
                InternalAuthenticationServiceException.class.getName(), "/login?unavailable"));
        http.authenticationManager(authenticationManager);
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**", "/styles/**", "/images/**", "/inloggen/link",
                        StaffSignIn.CODE_PATH, StaffSignIn.ENROL_PATH).permitAll()
                .requestMatchers(StaffSignIn.RECOVERY_CODES_PATH).authenticated()
                // Personal calendar feeds: calendar apps cannot sign in; the secret in the address is the proof.
                .requestMatchers("/kalender/*.ics").permitAll()
                // A municipality's public agenda as an iCalendar feed and as a snippet for its website (issue 21).
                .requestMatchers("/agenda/*.ics", "/agenda/*/insluiten").permitAll()
                // Open Badges (certificates' OpenBadgeController): what any verifier fetches, and nothing else
                // under /badges: issuer profile, achievement, revocation list, public key.
                .requestMatchers(HttpMethod.GET, "/badges/issuers/*", "/badges/achievements/*", "/badges/status/*",
                        "/badges/keys").permitAll());
        // X-Frame-Options comes from SecurityHeadersFilter (DENY everywhere but the agenda's website snippet, issue 21);
        // Spring Security's own DENY would also forbid that one page to the municipal websites it is made for.
        http.headers(headers -> headers.frameOptions(frameOptions -> frameOptions.disable()));
        // Session fixation: Spring Security gives the session a new id at login (changeSessionId).
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                .addSessionAuthenticationStrategy(staffSignIn.sessionStamp()));
        // Vaadin's own CSRF set-up also exempts the login page, so a cross-site POST /login could sign a
        // victim in to an attacker's account (login CSRF). Only Vaadin's internal requests, which carry
        // Vaadin's own token, skip Spring's; the login form sends the token from the page's _csrf meta tag.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login?logout")
                .enableCsrfConfiguration(false));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        // A failed sign-in keeps the typed address for the login page (in the session, never in the URL).
        http.formLogin(form -> form.failureHandler(staffSignIn.passwordFailureHandler((request, response, exception) -> {
            LoginView.keepTypedEmail(request);
            failureHandler.onAuthenticationFailure(request, response, exception);
        })));
        // Staff: a code after the password when they use an authenticator app; everyone: remember me, sign out everywhere.
        http.rememberMe(remember -> remember.rememberMeServices(staffSignIn.rememberMeServices()));
        http.with(staffSignIn.configurer(), staff -> { });
        // Staff: their organisation's identity provider (OpenID Connect), when OMZIEN_OIDC_... configures one.
        providerSignIn.configure(http);
        // Participants sign in with a link from their mail: GET /inloggen/link shows a button that POSTs
        // the token here, so mail scanners that only fetch links cannot use it up.
        http.oneTimeTokenLogin(ott -> ott
                .tokenService(signInLinks)
                .showDefaultSubmitPage(false)
                // The framework's POST /ott/generate would mail a link past SignInLinkService' throttle: it answers
                // nothing, so links are only ever requested through SignInLinkService.request.
                .generateRequestResolver(request -> null)
                .loginPage("/login")
                .loginProcessingUrl("/login/ott")
                .tokenGenerationSuccessHandler((request, response, token) -> response.sendRedirect("/inloggen?link-sent"))
                .authenticationSuccessHandler(new LocalContinueSuccessHandler("/mijn-training"))
                .authenticationFailureHandler(new SimpleUrlAuthenticationFailureHandler("/inloggen?link-invalid")));
        return http.build();
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder,
                                                LoginThrottle throttle, OneTimeTokenService signInLinks,
                                                StaffSignIn staffSignIn, ProviderSignIn providerSignIn) {
        return new ProviderManager(staffSignIn.gate(new ThrottlingAuthenticationProvider(users, encoder, throttle)),
                new OneTimeTokenAuthenticationProvider(signInLinks, users), staffSignIn.rememberMeProvider(),
                providerSignIn.authenticationProvider());
    }

    /**
     * BCrypt by default; the delegating encoder lets us move to a stronger one without a reset. An
     * account without a password (sign-in by e-mail link only) simply never matches.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        var encoder = (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        encoder.setDefaultPasswordEncoderForMatches(new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                throw new UnsupportedOperationException("Only used for matching stored hashes without a known id");
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                return false;
            }
        });
        return encoder;
    }
}
