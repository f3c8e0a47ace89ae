package nl.omzien.security;

import nl.omzien.base.PersonId;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.function.UnaryOperator;

/**
 * After a person changed their own name or e-mail address, the principal kept in their session must say
 * so too, or the menu and every ownership check would work with the old values until the next sign-in.
 */
public final class CurrentUserUpdate {

    private CurrentUserUpdate() {
    }

    /** Replaces the signed-in principal when it is {@code accountId}; does nothing otherwise. */
    public static void apply(PersonId accountId, UnaryOperator<SignedInUser> change) {
        var context = SecurityContextHolder.getContext();
        Authentication authentication = context.getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                && user.accountId().equals(accountId)) {
            SignedInUser updated = change.apply(user);
            var replacement = UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities());
            replacement.setDetails(authentication.getDetails());
            // The context object is the one kept in the HTTP session, so the change outlives this request.
            context.setAuthentication(replacement);
        }
    }
}
