package nl.omzien.security;

import nl.omzien.test.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.lower;

/** Issue 17: what an attacker sends straight to the server, past the pages. */
class AttackOverHttpTest extends IntegrationTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"(_csrf)\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** A session and its CSRF token, as a page of the app hands them out. */
    private String csrfToken() throws Exception {
        String page = browser.send(get("/inloggen/link?token=x"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher field = CSRF_FIELD.matcher(page);
        assertThat(field.find()).as("the page carries a CSRF token").isTrue();
        return field.group(2);
    }

    @Test
    void theFrameworksLinkEndpointSendsNoMailEvenWithAValidCsrfToken() throws Exception {
        String token = csrfToken();
        int before = mailsTo(PARTICIPANT);
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = browser.send(post("/ott/generate",
                    "username=" + enc(PARTICIPANT) + "&_csrf=" + enc(token)), HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("link-sent");
        }
        assertThat(mailsTo(PARTICIPANT)).as("no sign-in mails past the throttle").isEqualTo(before);
    }

    @Test
    void aPasswordPostWithoutCsrfTokenSignsNobodyIn() throws Exception {
        HttpClient attacker = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> response = attacker.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(TRAINER) + "&password=" + enc(DEMO_PASSWORD)))
                .build(), HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        assertThat(location).as("not on to the code step, enrolment or the app")
                .doesNotContain("/login/code").doesNotContain("/login/instellen").doesNotContain("?error")
                .isNotEqualTo("/").doesNotEndWith(":" + port + "/");
        String whoAmI = attacker.send(HttpRequest.newBuilder(uri(WhoAmITestEndpoint.PATH)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(whoAmI).isEqualTo("anonymous");
    }

    @Test
    void aPasswordPostWithTheSessionsCsrfTokenIsChecked() throws Exception {
        String token = csrfToken();
        HttpResponse<String> response = browser.send(post("/login",
                "username=" + enc(TRAINER) + "&password=wrong&_csrf=" + enc(token)), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).contains("/login?error");
    }

    private int mailsTo(String recipient) {
        return db.fetchCount(MAIL_OUTBOX, lower(MAIL_OUTBOX.RECIPIENT).eq(recipient.toLowerCase()));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
