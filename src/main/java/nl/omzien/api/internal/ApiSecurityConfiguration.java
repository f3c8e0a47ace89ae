package nl.omzien.api.internal;

import nl.omzien.security.ApiCaller;
import nl.omzien.security.Throttle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import java.time.Clock;

/**
 * The figures API's own filter chain, for {@code /api/**} only and ahead of the Vaadin app's (decision 031):
 * stateless (no session, no cookie), no CSRF (a key in a header is not sent by a browser on its own), no form
 * login or redirects; every request needs an API key except the OpenAPI document. The app's chain is untouched.
 */
@Configuration
class ApiSecurityConfiguration {

    static final String OPENAPI_PATH = "/api/v1/openapi.json";

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, JooqApiKeyRepository keys, Throttle throttle, Clock clock,
                                       @Value("${omzien.api.calls-per-minute:60}") int callsPerMinute) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(OPENAPI_PATH, OPENAPI_PATH + "/**", "/api/v1/openapi.yaml").permitAll()
                        .anyRequest().hasAuthority(ApiCaller.AUTHORITY))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                ApiProblems.write(response, HttpStatus.UNAUTHORIZED, "Missing, unknown or revoked API key."))
                        .accessDeniedHandler((request, response, e) ->
                                ApiProblems.write(response, HttpStatus.FORBIDDEN, "This key is not for these figures.")))
                .addFilterBefore(new ApiKeyFilter(keys, throttle, callsPerMinute, clock), AuthorizationFilter.class);
        return http.build();
    }
}
