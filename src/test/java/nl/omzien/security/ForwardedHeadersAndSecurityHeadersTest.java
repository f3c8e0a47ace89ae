package nl.omzien.security;

import nl.omzien.base.SecurityHeadersFilter;
import nl.omzien.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: in production forwarded headers come only from the proxies the operator names (here 127.0.0.2),
 * and every response, Vaadin's included, carries the browser protections. Raw HTTP over sockets, so the
 * test can send from two loopback addresses and see headers exactly as sent. The proxy settings are the shared
 * test context's ({@link IntegrationTest}), so this class needs no context of its own.
 */
class ForwardedHeadersAndSecurityHeadersTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aForwardedForHeaderFromAnUntrustedAddressIsIgnored() throws IOException {
        String answer = body(request("127.0.0.1", WhoAmITestEndpoint.WHERE_FROM_PATH,
                "X-Forwarded-For: 203.0.113.9\r\nX-Forwarded-Proto: https\r\n"));
        assertThat(answer).isEqualTo("127.0.0.1 http");
    }

    @Test
    void theConfiguredProxyIsBelievedAndHttpsThenGetsHsts() throws IOException {
        String response = request("127.0.0.2", WhoAmITestEndpoint.WHERE_FROM_PATH,
                "X-Forwarded-For: 203.0.113.9\r\nX-Forwarded-Proto: https\r\n");
        assertThat(body(response)).isEqualTo("203.0.113.9 https");
        assertThat(header(response, "Strict-Transport-Security")).startsWith("max-age=");
    }

    @Test
    void vaadinPagesResourcesAndPlainPagesCarryTheBrowserProtections() throws IOException {
        for (String path : new String[] {"/", "/login", "/verify", "/inloggen/link?token=x", "/VAADIN/build/does-not-exist.js"}) {
            String response = request("127.0.0.1", path, "");
            assertThat(header(response, "Content-Security-Policy")).as(path).isEqualTo(SecurityHeadersFilter.CONTENT_SECURITY_POLICY)
                    .contains("frame-ancestors 'none'", "object-src 'none'", "form-action 'self'");
            assertThat(header(response, "X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(header(response, "Referrer-Policy")).as(path).isEqualTo("same-origin");
            assertThat(header(response, "Permissions-Policy")).as(path).contains("geolocation=()");
            assertThat(header(response, "Strict-Transport-Security")).as("plain HTTP: no HSTS").isNull();
        }
    }

    @Test
    void aClientWithoutCookiesNeverGetsTheSessionIdInAnAddress() throws IOException {
        for (String path : new String[] {"/", "/login", "/mijn-training", "/sessies"}) {
            String withoutCookies = request("127.0.0.1", path, "").replaceAll("(?im)^Set-Cookie:.*$", "");
            assertThat(withoutCookies).as(path).doesNotContainIgnoringCase(";jsessionid=");
        }
    }

    private String request(String from, String path, String extraHeaders) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + extraHeaders
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    private static String header(String response, String name) {
        String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
        Matcher value = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*)$").matcher(head);
        return value.find() ? value.group(1).strip() : null;
    }

    /** The body of a response to {@code Connection: close}, chunked or not. */
    private static String body(String response) {
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        if ("chunked".equalsIgnoreCase(header(response, "Transfer-Encoding"))) {
            StringBuilder joined = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, lineEnd).strip(), 16);
                if (size == 0) {
                    break;
                }
                joined.append(body, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            return joined.toString();
        }
        return body;
    }
}
