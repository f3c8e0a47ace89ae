package nl.omzien.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.omzien.security.SignedInUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Ends a session that signed in before its owner chose "sign out everywhere". The request goes on
 * anonymously, so Vaadin and Spring Security send the person to the sign-in page as usual.
 */
class SignedOutEverywhereFilter extends OncePerRequestFilter {

    private final AccountSessions sessions;

    SignedOutEverywhereFilter(AccountSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        var authentication = strategy.getContext().getAuthentication();
        if (session != null && authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                && !sessions.isStillValid(user.accountId(), SessionStamp.signedInAt(session))) {
            strategy.clearContext();
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
