package nl.omzien.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.stream.Collectors;

/**
 * Test-only endpoint (test sources): the roles of the session making the request, so HTTP tests can
 * see what a half-finished or remembered sign-in really grants. It sits on a path the security
 * configuration lets anyone request (the calendar feeds), so an anonymous request gets an answer too.
 */
@RestController
class WhoAmITestEndpoint {

    static final String PATH = "/kalender/test-wie-ben-ik.ics";

    @GetMapping(PATH)
    String roles() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return "anonymous";
        }
        return authentication.getName() + " " + authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_")).sorted()
                .collect(Collectors.joining(","));
    }

    static final String WHERE_FROM_PATH = "/kalender/test-waar-vandaan.ics";

    /** The client address and scheme the app believes, after any forwarded headers it trusts. */
    @GetMapping(WHERE_FROM_PATH)
    String whereFrom(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRemoteAddr() + " " + request.getScheme();
    }
}
