package nl.omzien.security.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The organisations' identity providers (OpenID Connect), from environment variables such as
 * {@code OMZIEN_OIDC_ENTRA_ISSUER}: the map key ({@code entra}) is the provider's id in Omzien, in the
 * redirect address and in the linked accounts, so it must not change once people have signed in.
 *
 * @param oidc the providers by id (lower-case letters and digits)
 */
@ConfigurationProperties("omzien")
public record IdentityProviderSettings(Map<String, Provider> oidc) {

    /**
     * @param issuer             the provider's issuer address; its discovery document gives the endpoints and keys
     * @param clientId           Omzien's client id at the provider
     * @param clientSecret       and its secret
     * @param name               what the button says after "Sign in with", e.g. "Gemeente Coevorden"
     * @param municipality       name of the municipality whose staff this provider is for; empty: the whole installation
     * @param scopes             scopes to ask for; default openid, profile, email
     * @param emailVerifiedClaim the claim that says the e-mail address is verified; default {@code email_verified}
     *                           (Microsoft Entra ID: {@code xms_edov}, see the README)
     */
    public record Provider(String issuer, String clientId, String clientSecret, String name, String municipality,
                           List<String> scopes, String emailVerifiedClaim) {

        public Provider {
            scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
            emailVerifiedClaim = emailVerifiedClaim == null || emailVerifiedClaim.isBlank() ? "email_verified" : emailVerifiedClaim;
        }

        public boolean boundToMunicipality() {
            return municipality != null && !municipality.isBlank();
        }
    }

    public IdentityProviderSettings {
        oidc = oidc == null ? Map.of() : new TreeMap<>(oidc);
        oidc.forEach((id, provider) -> {
            if (!id.matches("[a-z0-9]{1,40}")) {
                throw new IllegalStateException("OMZIEN_OIDC_<ID>_...: the provider id '" + id
                        + "' must be 1-40 lower-case letters or digits");
            }
            if (isBlank(provider.issuer()) || isBlank(provider.clientId()) || isBlank(provider.clientSecret())) {
                throw new IllegalStateException("Identity provider '" + id + "' needs OMZIEN_OIDC_" + id.toUpperCase()
                        + "_ISSUER, _CLIENTID and _CLIENTSECRET");
            }
        });
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
