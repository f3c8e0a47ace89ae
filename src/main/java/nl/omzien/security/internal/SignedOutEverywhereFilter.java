package nl.omzien.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.omzien.base.Translations;
import nl.omzien.security.SignedInUser;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;

/**
 * Ends a session that signed in before its owner chose "sign out everywhere". The request goes on
 * anonymously, so Vaadin and Spring Security send the person to the sign-in page as usual.
 * <p>
 * When the check cannot reach the database (down, or every connection busy past the pool's time-out), the
 * answer is 503 with the "temporarily unavailable" text: left to the servlet container, the error went to its
 * error page, which Spring Security refused with a 403 that reads as "not allowed" (issue 23's load test).
 */
class SignedOutEverywhereFilter extends OncePerRequestFilter {

    private final AccountSessions sessions;
    private final Translations translations;

    SignedOutEverywhereFilter(AccountSessions sessions, Translations translations) {
        this.sessions = sessions;
        this.translations = translations;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        var authentication = strategy.getContext().getAuthentication();
        if (session != null && authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            boolean valid;
            try {
                valid = sessions.isStillValid(user.accountId(), SessionStamp.signedInAt(session));
            } catch (TransientDataAccessException | DataAccessResourceFailureException unavailable) {
                unavailable(request, response);
                return;
            }
            if (!valid) {
                strategy.clearContext();
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }

    private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = Translations.supported(request.getLocale());
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "30");
        response.setContentType("text/html;charset=UTF-8");
        String title = translations.getTranslation("login.unavailable.title", locale);
        // Plain HTML with its own style: the app's theme may not load while the database is away. An empty link
        // reloads the page the person asked for.
        response.getWriter().write("<!doctype html><html lang=\"" + locale.getLanguage() + "\"><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;"
                + "color:#1b2733;line-height:1.5}h1{color:#1d5a87;font-size:1.6rem}a{color:#1d5a87}</style>"
                + "<p><strong>Omzien</strong></p><h1>" + title + "</h1><p>"
                + translations.getTranslation("login.unavailable.message", locale) + "</p><p><a href=\"\">"
                + translations.getTranslation("login.unavailable.retry", locale) + "</a></p></html>");
    }
}
