package identityprovider;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real OpenID Connect provider for the tests: Spring Security's Authorization Server in its own small Spring
 * context on its own port (in this JVM), with form login, signed ID tokens, discovery, JWKS and userinfo. People
 * are added by the test with the claims the provider should send (e-mail, whether it is verified, amr, acr).
 * It lives outside {@code nl.omzien} so the application's component scan never finds it.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String PASSWORD = "idp-wachtwoord";
    /** Client secret of every client registered here. */
    public static final String CLIENT_SECRET = "test-client-secret";

    /** What the provider says about a person. */
    public record Person(String email, boolean emailVerified, List<String> amr, String acr) {
    }

    private static final Map<String, Person> PEOPLE = new ConcurrentHashMap<>();
    /** Client id to the redirect address the client may use (Omzien's port is known only once it runs). */
    private static final Map<String, String> CLIENTS = new ConcurrentHashMap<>();

    private final ConfigurableApplicationContext context;

    private TestIdentityProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static TestIdentityProvider start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Server.class)
                .web(WebApplicationType.SERVLET)
                .run("--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                        // Not Omzien's application.properties: this is another application.
                        "--spring.config.name=omzien-test-identity-provider");
        return new TestIdentityProvider(context);
    }

    /** Its issuer: 127.0.0.1, so its cookies never mix with Omzien's on localhost. */
    public String issuer() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Adds (or changes) a person who can sign in here with {@link #PASSWORD}; the username is their subject. */
    public void person(String username, Person person) {
        PEOPLE.put(username, person);
    }

    /** Registers a client that may send people back to this redirect address. */
    public void client(String clientId, String redirectUri) {
        CLIENTS.put(clientId, redirectUri);
    }

    @Override
    public void close() {
        context.close();
    }

    @EnableWebSecurity
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, SecurityFilterAutoConfiguration.class})
    static class Server {

        @Bean
        SecurityFilterChain provider(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
                    // Userinfo takes the access token as a bearer token.
                    .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        /**
         * Spring Security's holder strategy is static, and Omzien's context (Vaadin) replaces it after this provider
         * started; the authorization server reads the static one. This provider's filters follow whatever is current,
         * so both see the same signed-in person.
         */
        @Bean
        SecurityContextHolderStrategy securityContextHolderStrategy() {
            return new SecurityContextHolderStrategy() {
                @Override
                public void clearContext() {
                    SecurityContextHolder.getContextHolderStrategy().clearContext();
                }

                @Override
                public org.springframework.security.core.context.SecurityContext getContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getContext();
                }

                @Override
                public java.util.function.Supplier<org.springframework.security.core.context.SecurityContext> getDeferredContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getDeferredContext();
                }

                @Override
                public void setContext(org.springframework.security.core.context.SecurityContext context) {
                    SecurityContextHolder.getContextHolderStrategy().setContext(context);
                }

                @Override
                public void setDeferredContext(java.util.function.Supplier<org.springframework.security.core.context.SecurityContext> deferredContext) {
                    SecurityContextHolder.getContextHolderStrategy().setDeferredContext(deferredContext);
                }

                @Override
                public org.springframework.security.core.context.SecurityContext createEmptyContext() {
                    return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                }
            };
        }

        @Bean
        UserDetailsService people() {
            return username -> {
                if (!PEOPLE.containsKey(username)) {
                    throw new UsernameNotFoundException(username);
                }
                return User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build();
            };
        }

        @Bean
        RegisteredClientRepository clients() {
            return new RegisteredClientRepository() {
                @Override
                public void save(RegisteredClient registeredClient) {
                    // Called to upgrade the {noop} secret's encoding: the clients here are made on each look-up.
                }

                @Override
                public RegisteredClient findById(String id) {
                    return findByClientId(id);
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    String redirect = CLIENTS.get(clientId);
                    return redirect == null ? null : RegisteredClient.withId(clientId)
                            .clientId(clientId)
                            .clientSecret("{noop}" + CLIENT_SECRET)
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                            .redirectUri(redirect)
                            .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                            .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                            .build();
                }
            };
        }

        /** The ID token (and so userinfo) carries what the test said about the person. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims() {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    Person person = PEOPLE.get(context.getPrincipal().getName());
                    context.getClaims().claim("email", person.email()).claim("email_verified", person.emailVerified());
                    if (!person.amr().isEmpty()) {
                        context.getClaims().claim("amr", person.amr());
                    }
                    if (person.acr() != null) {
                        context.getClaims().claim("acr", person.acr());
                    }
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() throws Exception {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
