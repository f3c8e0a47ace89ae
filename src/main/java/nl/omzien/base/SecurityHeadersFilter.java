package nl.omzien.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Browser protections on every response, Vaadin's pages and resources included (Spring Security's header
 * writer only covers what passes its chain). The policy is what Vaadin Flow's production bundle needs: its
 * client runs inline bootstrap code and {@code executeJs} through {@code Function}, so scripts keep
 * 'unsafe-inline' and 'unsafe-eval'; everything else is limited to this origin: no framing, no plug-ins,
 * forms post only here, and scripts can talk to, load images from or send data to no other site.
 * HSTS only on HTTPS (behind a trusted proxy that says so), where a browser will honour it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeadersFilter extends OncePerRequestFilter {

    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "media-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * The public agenda's snippet (issue 21) is made to be shown in an iframe on a municipality's own website: the
     * one address any site may frame. It is static HTML without scripts, forms or personal data.
     */
    static final java.util.regex.Pattern EMBEDDABLE = java.util.regex.Pattern.compile("^/agenda/[a-z0-9-]+/insluiten$");
    static final String EMBEDDABLE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors *";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean embeddable = EMBEDDABLE.matcher(request.getRequestURI()).matches();
        response.setHeader("Content-Security-Policy", embeddable ? EMBEDDABLE_POLICY : CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        if (!embeddable) {
            response.setHeader("X-Frame-Options", "DENY");
        }
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }
}
