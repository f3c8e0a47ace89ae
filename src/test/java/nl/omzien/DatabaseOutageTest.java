package nl.omzien;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.omzien.test.CsrfToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: while the database is down, readiness says DOWN and a sign-in fails within seconds with its own
 * answer, instead of hanging ~32 s and showing the sign-in form again without a word. Issue 23: someone signed in
 * gets the same answer (503), not a 403. The whole app runs on
 * its own embedded PostgreSQL, which the test stops; everything is checked over HTTP.
 */
class DatabaseOutageTest {


    @TempDir
    Path dataDir;

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private int port;

    @Test
    void readinessGoesDownAndSignInAndPagesSayTheServiceIsUnavailableWithinSecondsWhileTheDatabaseIsDown() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).run(
                "--omzien.embedded-db.data-dir=" + dataDir.resolve("postgres"),
                "--omzien.embedded-db.durable=false",
                "--server.port=0",
                "--omzien.demo-data=true",
                "--vaadin.devmode.devTools.enabled=false",
                "--spring.main.banner-mode=off")) {
            port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            String csrf = CsrfToken.in(get("/login").body(), "the sign-in page");
            // Someone signed in before the outage, in a browser of their own.
            HttpClient signedIn = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            String theirCsrf = CsrfToken.in(send(signedIn, request("/login", "nl")).body(), "the sign-in page");
            HttpResponse<String> theirSignIn = send(signedIn, formPost("/login", "username=" + enc("deelnemer@omzien.example")
                    + "&password=" + enc("omzien-demo") + "&_csrf=" + enc(theirCsrf)));
            assertThat(theirSignIn.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).doesNotContain("login"));
            assertThat(send(signedIn, request("/mijn-training", "nl")).statusCode()).isEqualTo(200);

            app.getBean(EmbeddedPostgres.class).close();

            // Their next page says the service is away for a moment (503), in their language, within seconds; it
            // was a 403 ("not allowed") when the session check's error reached Spring Security's error handling.
            long asked = System.nanoTime();
            HttpResponse<String> page = send(signedIn, request("/mijn-training", "en"));
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(10));
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
            assertThat(page.body()).contains("<html lang=\"en\"", "Omzien is temporarily unavailable", ">Try again</a>");
            assertThat(send(signedIn, request("/mijn-training", "nl")).body()).contains("Omzien is even niet bereikbaar");

            HttpResponse<String> readiness = get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");
            assertThat(get("/actuator/health/liveness").statusCode()).as("the app itself lives").isEqualTo(200);

            long started = System.nanoTime();
            HttpResponse<String> signIn = post("/login", "username=" + enc("trainer@omzien.example")
                    + "&password=" + enc("omzien-demo") + "&_csrf=" + enc(csrf));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            assertThat(signIn.statusCode()).isEqualTo(302);
            assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login?unavailable"));
        }
    }

    private HttpRequest request(String path, String language) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Language", language)
                .timeout(Duration.ofSeconds(60)).GET().build();
    }

    private HttpRequest formPost(String path, String form) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(client, request(path, "nl"));
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return send(client, formPost(path, form));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
