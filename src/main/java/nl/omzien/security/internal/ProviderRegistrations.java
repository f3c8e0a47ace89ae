package nl.omzien.security.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configured providers as Spring Security client registrations. Each provider's discovery document
 * is fetched at its first sign-in, not at start-up (Spring Boot's own properties would do that), so a
 * provider that is down does not stop Omzien from starting, and password and e-mail link sign-in keep working.
 */
class ProviderRegistrations implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(ProviderRegistrations.class);

    private final IdentityProviderSettings settings;
    private final Map<String, ClientRegistration> discovered = new ConcurrentHashMap<>();

    ProviderRegistrations(IdentityProviderSettings settings) {
        this.settings = settings;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        IdentityProviderSettings.Provider provider = settings.oidc().get(registrationId);
        if (provider == null) {
            return null;
        }
        // Cached only once it worked: a provider that was unreachable is asked again at the next sign-in.
        return discovered.computeIfAbsent(registrationId, id -> {
            try {
                return ClientRegistrations.fromIssuerLocation(provider.issuer())
                        .registrationId(id)
                        .clientId(provider.clientId())
                        .clientSecret(provider.clientSecret())
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .scope(provider.scopes())
                        .clientName(provider.name() == null ? id : provider.name())
                        .build();
            } catch (RuntimeException unreachable) {
                log.warn("Identity provider '{}' ({}) cannot be reached or read: {}", id, provider.issuer(),
                        unreachable.getMessage());
                throw unreachable;
            }
        });
    }
}
