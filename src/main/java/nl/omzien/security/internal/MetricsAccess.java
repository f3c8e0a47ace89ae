package nl.omzien.security.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import jakarta.servlet.http.HttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The Prometheus scrape ({@code /actuator/prometheus}) is for the operator's monitoring, not for visitors: HTTP
 * Basic with user {@code metrics} and the password in {@code OMZIEN_METRICS_PASSWORD} (decision 019). Without
 * that variable the endpoint refuses everyone. A chain of its own, ahead of Vaadin's: no session, no login page,
 * no remember-me, so a scraper never creates state and a wrong password is a plain 401.
 */
@Configuration(proxyBeanMethods = false)
class MetricsAccess {

    static final String USER = "metrics";
    private static final String REALM = "omzien-metrics";

    @Bean
    @Order(1)
    SecurityFilterChain metricsChain(HttpSecurity http, @Value("${omzien.metrics.password:}") String password) throws Exception {
        byte[] expected = password.getBytes(StandardCharsets.UTF_8);
        // 401 written directly: sendError would dispatch to /error, which the app's own chain answers with a
        // redirect to the login page.
        AuthenticationEntryPoint entryPoint = (request, response, problem) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        };
        AuthenticationProvider provider = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                byte[] given = String.valueOf(authentication.getCredentials()).getBytes(StandardCharsets.UTF_8);
                // Constant-time comparison; an empty configured password never matches.
                if (expected.length == 0 || !USER.equals(authentication.getName()) || !MessageDigest.isEqual(expected, given)) {
                    throw new BadCredentialsException("Wrong metrics credentials");
                }
                return UsernamePasswordAuthenticationToken.authenticated(USER, null, AuthorityUtils.createAuthorityList("ROLE_METRICS"));
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
        http.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**", "/actuator/metrics", "/actuator/metrics/**")
                .authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("METRICS"))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(entryPoint))
                // Explicit: a scraper without credentials gets 401, never the login page's redirect.
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
