package nl.omzien.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;

import java.time.Clock;
import java.time.Instant;

/**
 * When a session signed in, kept in the session so "sign out everywhere" can refuse sessions that
 * signed in before it. A session without the mark counts from its creation: never younger than it is.
 */
public final class SessionStamp implements SessionAuthenticationStrategy {

    public static final String ATTRIBUTE = "omzien.signed-in-at";

    private final Clock clock;

    public SessionStamp(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onAuthentication(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        mark(request.getSession(), clock.instant());
    }

    public static void mark(HttpSession session, Instant at) {
        session.setAttribute(ATTRIBUTE, at);
    }

    static Instant signedInAt(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof Instant at ? at : Instant.ofEpochMilli(session.getCreationTime());
    }
}
