package nl.omzien.api.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.omzien.api.ApiKeyService;
import nl.omzien.base.SecretTokens;
import nl.omzien.security.ApiCaller;
import nl.omzien.security.Throttle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the API key from {@code Authorization: Bearer <key>} or {@code X-Api-Key}, finds its (unrevoked) hash,
 * counts the call against the key's limit in the one throttle and, when it may go ahead, makes the request an
 * {@link ApiCaller} for this request only (no session). Every call and every refusal for a rate limit is written
 * to the key's log. Not a bean: Spring Boot would put a filter bean in front of every request, the Vaadin app's too.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";
    private static final String BEARER = "Bearer ";

    private final JooqApiKeyRepository keys;
    private final Throttle throttle;
    private final Throttle.Rule rule;
    private final Clock clock;

    ApiKeyFilter(JooqApiKeyRepository keys, Throttle throttle, int callsPerMinute, Clock clock) {
        this.keys = keys;
        this.throttle = throttle;
        this.rule = new Throttle.Rule(Throttle.Kind.API, Duration.ofMinutes(1), false,
                List.of(Throttle.Limit.of(Throttle.Scope.SUBJECT, callsPerMinute)));
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = keyOf(request);
        if (key == null) {
            // No key: the public OpenAPI document may still be asked for; anything else gets 401 from the chain.
            chain.doFilter(request, response);
            return;
        }
        Optional<JooqApiKeyRepository.Live> live = looksLikeKey(key) ? keys.live(SecretTokens.hash(key)) : Optional.empty();
        if (live.isEmpty()) {
            ApiProblems.write(response, HttpStatus.UNAUTHORIZED, "Missing, unknown or revoked API key.");
            return;
        }
        long keyId = live.get().id();
        String ip = request.getRemoteAddr();
        OptionalLong attempt = throttle.tryAcquire(rule, "api-key:" + keyId, ip);
        if (attempt.isEmpty()) {
            keys.called(keyId, JooqApiKeyRepository.Action.RATE_LIMITED, ip, describe(request, 429), now());
            response.setHeader(HttpHeaders.RETRY_AFTER, "60");
            ApiProblems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many calls with this key; try again in a minute.");
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                new ApiCaller(keyId, live.get().municipalityId()), null, List.of(new SimpleGrantedAuthority(ApiCaller.AUTHORITY)));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
            keys.called(keyId, JooqApiKeyRepository.Action.CALLED, ip, describe(request, response.getStatus()), now());
        }
    }

    private static String keyOf(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return header.substring(BEARER.length()).strip();
        }
        String apiKey = request.getHeader(HEADER);
        return apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }

    private static boolean looksLikeKey(String key) {
        return key.startsWith(ApiKeyService.KEY_PREFIX) && SecretTokens.looksValid(key.substring(ApiKeyService.KEY_PREFIX.length()));
    }

    private static String describe(HttpServletRequest request, int status) {
        String path = request.getRequestURI();
        return request.getMethod() + " " + (path.length() > 200 ? path.substring(0, 200) : path) + " " + status;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
