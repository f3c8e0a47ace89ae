package nl.omzien.api.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refusals of the API as RFC 9457 problem details, written directly: a {@code sendError} would forward to
 * {@code /error}, which belongs to the Vaadin app and its sign-in page.
 */
final class ApiProblems {

    private ApiProblems() {
    }

    /** In English: the API's callers are programs and their developers. A constant text, never caller input. */
    static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
