package nl.omzien.ops;

import io.micrometer.observation.ObservationRegistry;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.test.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a monitoring system sees (README "What to alert on"): the Prometheus scrape over real HTTP, with the
 * app's own meters moving after a sign-up; without the right credentials nothing, and no other actuator endpoint.
 */
class MetricsEndpointTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;
    @Autowired
    RegistrationService registrations;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    ObservationRegistry observations;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theScrapeShowsTheAppsOwnMetersAndASignUpMovesItsCounter() throws Exception {
        String before = scrape();
        assertThat(before).contains("omzien_sessions_signups_total", "omzien_mail_queued_total", "omzien_mail_sent_total",
                "omzien_mail_failed_total", "omzien_certificates_issued_total", "omzien_ui_active",
                // Every @Scheduled job run, by method and outcome (Spring's own observation of scheduled tasks).
                "tasks_scheduled_execution_seconds_count", "hikaricp_connections_active", "jvm_memory_used_bytes",
                "http_server_requests_seconds_count", "application=\"omzien\"");

        signInAs(PARTICIPANT);
        var session = registrations.upcoming(RegistrationService.Filter.NONE).stream()
                .filter(s -> registrations.mine().stream().noneMatch(r -> r.session().id().equals(s.id())))
                .findFirst().orElseThrow();
        var outcome = registrations.signUp(session.id());
        assertThat(outcome.alreadyRegistered()).isFalse();
        String outcomeTag = outcome.status().name().equals("CONFIRMED") ? "confirmed" : "waitlisted";

        String after = scrape();
        assertThat(value(after, "omzien_sessions_signups_total", outcomeTag))
                .isEqualTo(value(before, "omzien_sessions_signups_total", outcomeTag) + 1);
        // The sign-up queued its confirmation (or waitlist) mail.
        assertThat(value(after, "omzien_mail_queued_total", null)).isGreaterThan(value(before, "omzien_mail_queued_total", null));
    }

    @Test
    void metricsAreRefusedWithoutTheRightPasswordAndOtherActuatorEndpointsAreClosed() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", basic("metrics", "wrong")).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", basic("admin@omzien.example", METRICS_PASSWORD)).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        for (String closed : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/threaddump",
                "/actuator/configprops", "/actuator/loggers", "/actuator/mappings", "/actuator/shutdown"}) {
            var response = get(closed, basic("metrics", METRICS_PASSWORD));
            assertThat(response.statusCode()).as(closed).isNotEqualTo(200);
            assertThat(response.body()).as(closed).doesNotContain("spring.datasource", "activeProfiles", "\"beans\"");
        }
    }

    /**
     * Spring Security observes nothing of its own (SecurityConfiguration.noSecurityObservations): switched off by
     * property only, it still wrapped each of its filters in an observation on every request (issue 23). The
     * registry is asked about every observation made; requests themselves are still observed for the metrics.
     */
    @Test
    void aRequestMakesNoSpringSecurityObservationsButIsStillMeasured() throws Exception {
        Set<String> made = ConcurrentHashMap.newKeySet();
        AtomicBoolean recording = new AtomicBoolean(true);
        observations.observationConfig().observationPredicate((name, context) -> {
            if (recording.get()) {
                made.add(name);
            }
            return true;
        });
        try {
            assertThat(get("/login", null).statusCode()).isEqualTo(200);
        } finally {
            recording.set(false);
        }
        assertThat(made).contains("http.server.requests").noneMatch(name -> name.startsWith("spring.security"));
    }

    private String scrape() throws Exception {
        var response = get("/actuator/prometheus", basic("metrics", METRICS_PASSWORD));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie")).as("a scrape leaves no session behind").isEmpty();
        return response.body();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A counter's value in the scrape, by its outcome tag (or the only series when null). */
    private static double value(String scrape, String name, String outcome) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
        while (m.find()) {
            if (outcome == null || m.group(1).contains("outcome=\"" + outcome + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError(name + " " + outcome + " not in the scrape");
    }

    private void signInAs(String email) {
        var user = accounts.loadUserByUsername(email);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
