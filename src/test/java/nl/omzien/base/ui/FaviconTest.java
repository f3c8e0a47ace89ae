package nl.omzien.base.ui;

import nl.omzien.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page names an icon for the browser tab, and anyone (signed in or not) can fetch it. */
class FaviconTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theSignInPageLinksTheOmzienIconAndItLoadsWithoutSigningIn() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()) {
            String page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).containsPattern("<link(?=[^>]*rel=\"icon\")[^>]*icons/omzien\\.svg");
            HttpResponse<String> icon = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/icons/omzien.svg")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(icon.statusCode()).isEqualTo(200);
            assertThat(icon.body()).contains("<svg");
        }
    }
}
