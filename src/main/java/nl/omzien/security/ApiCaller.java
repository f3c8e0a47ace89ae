package nl.omzien.security;

import nl.omzien.base.MunicipalityId;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The principal of a call to the read-only figures API: an API key bound to one municipality, not a person.
 * It holds only {@link #AUTHORITY}, so no staff service (all guarded by person roles) lets it in; a service
 * that serves the API names the authority and checks the municipality itself.
 */
public record ApiCaller(long keyId, MunicipalityId municipalityId) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The one authority an API key carries (for {@code @RolesAllowed}: {@link #ROLE}). */
    public static final String ROLE = "FIGURES_API";
    public static final String AUTHORITY = "ROLE_" + ROLE;

    /** The API key behind the current request, if it is an API call. */
    public static Optional<ApiCaller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ApiCaller caller
                ? Optional.of(caller) : Optional.empty();
    }

    @Override
    public String toString() {
        return "ApiCaller[key " + keyId + ", municipality " + municipalityId + "]";
    }
}
