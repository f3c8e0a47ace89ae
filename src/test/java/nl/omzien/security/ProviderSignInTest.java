package nl.omzien.security;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import identityprovider.TestIdentityProvider;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.PersonId;
import nl.omzien.people.UserAccount;
import nl.omzien.privacy.AuditEntry;
import nl.omzien.privacy.AuditLogService;
import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Collectors;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.security.internal.db.Tables.PROVIDER_IDENTITY;
import static nl.omzien.security.internal.db.Tables.STAFF_TOTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 22: staff sign in through their organisation's identity provider. The provider is real (Spring
 * Security's Authorization Server, {@link TestIdentityProvider}, on its own port); the sign-in runs over HTTP
 * through both servers' filter chains as a browser would: redirects, the provider's login form, the code
 * coming back, Omzien fetching tokens and checking the signed ID token. Two providers are configured: one for
 * the whole installation ("org") and one bound to Coevorden ("coevorden").
 */
class ProviderSignInTest extends KaribuTest {

    private static final List<String> MFA = List.of("pwd", "mfa");
    private static final String SUBSTANTIAL = "urn:omzien:test:loa:substantial";

    private static TestIdentityProvider provider;

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    IdentityProviderService identityProviders;
    @Autowired
    AuditLogService auditLog;

    private static synchronized TestIdentityProvider provider() {
        if (provider == null) {
            provider = TestIdentityProvider.start();
        }
        return provider;
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("omzien.oidc.org.issuer", () -> provider().issuer());
        registry.add("omzien.oidc.org.client-id", () -> "omzien-org");
        registry.add("omzien.oidc.org.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        registry.add("omzien.oidc.org.name", () -> "Testorganisatie");
        registry.add("omzien.oidc.coevorden.issuer", () -> provider().issuer());
        registry.add("omzien.oidc.coevorden.client-id", () -> "omzien-coevorden");
        registry.add("omzien.oidc.coevorden.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        registry.add("omzien.oidc.coevorden.name", () -> "Gemeente Coevorden");
        registry.add("omzien.oidc.coevorden.municipality", () -> "Coevorden");
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
            provider = null;
        }
    }

    @BeforeEach
    void registerOmzienAtTheProvider() {
        provider().client("omzien-org", "http://localhost:" + port + "/login/oauth2/code/org");
        provider().client("omzien-coevorden", "http://localhost:" + port + "/login/oauth2/code/coevorden");
    }

    @Test
    void aTrainerSignsInThroughTheProviderLinkedByVerifiedEmailAndTheAuditLogHasAmrAndAcr() throws Exception {
        var trainer = TestStaff.create(db, passwords, Role.TRAINER);
        String username = person(trainer.email(), true);
        var browser = new Browser();

        String landing = browser.signInThroughProvider("org", username);

        assertThat(landing).doesNotContain("/login");
        assertThat(browser.whoAmI()).isEqualTo(trainer.email() + " ROLE_TRAINER");
        assertThat(linkedSubjects(trainer.id())).containsExactly("org:" + username);
        signInAs(ADMIN);
        AuditEntry signIn = auditLog.entries("#" + trainer.id().value()).stream()
                .filter(e -> e.action().equals("SIGNED_IN")).findFirst().orElseThrow();
        assertThat(signIn.actorId()).isEqualTo(trainer.id());
        assertThat(signIn.ipAddress()).isNotBlank();
        assertThat(java.net.URLDecoder.decode(signIn.detail(), StandardCharsets.UTF_8))
                .isEqualTo("provider-sign-in:org:pwd mfa:" + SUBSTANTIAL);
    }

    @Test
    void laterSignInsGoByTheProvidersSubjectEvenWhenTheAddressThereChanged() throws Exception {
        var lead = TestStaff.create(db, passwords, Role.COALITION_LEAD);
        String username = person(lead.email(), true);
        new Browser().signInThroughProvider("org", username);

        provider().person(username, new TestIdentityProvider.Person("nieuw-" + username + "@elders.example", false, MFA, null));
        var browser = new Browser();
        browser.signInThroughProvider("org", username);

        assertThat(browser.whoAmI()).isEqualTo(lead.email() + " ROLE_COALITION_LEAD");
    }

    @Test
    void anAddressWithoutAnAccountIsRefusedWithAClearMessageAndNobodyIsCreated() throws Exception {
        String email = "niemand-" + UUID.randomUUID() + "@elders.example";
        var browser = new Browser();

        String landing = browser.signInThroughProvider("org", person(email, true));

        assertThat(landing).endsWith("/login?provider-refused=unknown");
        assertThat(browser.whoAmI()).isNull();
        assertThat(db.fetchCount(nl.omzien.people.internal.db.Tables.APP_USER,
                nl.omzien.people.internal.db.Tables.APP_USER.EMAIL.eq(email))).isZero();
        assertThat(loginPageError("unknown", Locale.of("nl"))).contains("Er is geen Omzien-account");
        assertThat(loginPageError("unknown", Locale.ENGLISH)).contains("There is no Omzien account");
    }

    @Test
    void anUnverifiedAddressIsRefusedEvenWhenItsAccountExists() throws Exception {
        var trainer = TestStaff.create(db, passwords, Role.TRAINER);
        var browser = new Browser();

        String landing = browser.signInThroughProvider("org", person(trainer.email(), false));

        assertThat(landing).endsWith("/login?provider-refused=unverified");
        assertThat(browser.whoAmI()).isNull();
        assertThat(linkedSubjects(trainer.id())).isEmpty();
        assertThat(loginPageError("unverified", Locale.of("nl"))).contains("niet door dat het e-mailadres echt van jou is");
    }

    @Test
    void aParticipantKeepsTheEmailLink() throws Exception {
        var browser = new Browser();

        String landing = browser.signInThroughProvider("org", person(PARTICIPANT, true));

        assertThat(landing).endsWith("/login?provider-refused=not-staff");
        assertThat(browser.whoAmI()).isNull();
    }

    @Test
    void aProviderBoundToCoevordenTakesItsStaffOnly() throws Exception {
        var other = new Browser();
        assertThat(other.signInThroughProvider("coevorden", person(LEAD_TWENTERAND, true)))
                .endsWith("/login?provider-refused=other-municipality");
        assertThat(other.whoAmI()).isNull();

        var own = new Browser();
        own.signInThroughProvider("coevorden", person(LEAD_COEVORDEN, true));
        assertThat(own.whoAmI()).isEqualTo(LEAD_COEVORDEN + " ROLE_COALITION_LEAD");
    }

    @Test
    void aProviderBoundToCoevordenDoesNotSignInAnAdminOfCoevorden() throws Exception {
        var admin = TestStaff.create(db, passwords, Role.ADMIN);
        var people = nl.omzien.people.internal.db.Tables.APP_USER;
        var municipality = nl.omzien.people.internal.db.Tables.MUNICIPALITY;
        db.update(people).set(people.MUNICIPALITY_ID, db.select(municipality.ID).from(municipality)
                .where(municipality.NAME.eq("Coevorden")).asField()).where(people.ID.eq(admin.id())).execute();
        var browser = new Browser();

        assertThat(browser.signInThroughProvider("coevorden", person(admin.email(), true)))
                .endsWith("/login?provider-refused=admin");
        assertThat(browser.whoAmI()).isNull();
        assertThat(linkedSubjects(admin.id())).isEmpty();
        assertThat(loginPageError("admin", Locale.of("nl"))).contains("Gebruik je wachtwoord");

        // A link to Coevorden's provider from before this rule does not let their password go: they would be locked out.
        db.insertInto(PROVIDER_IDENTITY).set(PROVIDER_IDENTITY.PROVIDER, "coevorden").set(PROVIDER_IDENTITY.SUBJECT, "old-" + admin.id())
                .set(PROVIDER_IDENTITY.USER_ID, admin.id()).set(PROVIDER_IDENTITY.LINKED_AT, java.time.OffsetDateTime.now())
                .set(PROVIDER_IDENTITY.LAST_SIGN_IN_AT, java.time.OffsetDateTime.now()).execute();
        signInAs(ADMIN);
        assertThatThrownBy(() -> identityProviders.switchPasswordOff(admin.id())).isInstanceOf(InvalidInputException.class);

        // The installation's own provider still signs them in; then the password may go.
        var installation = new Browser();
        installation.signInThroughProvider("org", person(admin.email(), true));
        assertThat(installation.whoAmI()).isEqualTo(admin.email() + " ROLE_ADMIN");
        signInAs(ADMIN);
        identityProviders.switchPasswordOff(admin.id());
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        var trainer = TestStaff.create(db, passwords, Role.TRAINER);
        var browser = new Browser();
        browser.signInThroughProvider("org", person(trainer.email(), true));
        assertThat(browser.whoAmI()).isNotNull();

        var out = browser.post("/logout", Map.of("_csrf", browser.csrfFrom(browser.get("/inloggen/link?token=x").body())));

        assertThat(out.headers().firstValue("Location").orElse("")).endsWith("/login?logout");
        assertThat(browser.whoAmI()).isNull();
    }

    @Test
    void anAdminSwitchesThePasswordAndAppOffAfterwardsOnlyTheProviderSignsIn() throws Exception {
        var trainer = TestStaff.create(db, passwords, Role.TRAINER);
        db.insertInto(STAFF_TOTP).set(STAFF_TOTP.USER_ID, trainer.id()).set(STAFF_TOTP.SECRET_ENCRYPTED, "x")
                .set(STAFF_TOTP.ENABLED_AT, java.time.OffsetDateTime.now()).execute();
        signInAs(ADMIN);
        assertThatThrownBy(() -> identityProviders.switchPasswordOff(trainer.id()))
                .as("not before the person signed in through a provider: nobody is locked out")
                .isInstanceOf(InvalidInputException.class);

        String username = person(trainer.email(), true);
        new Browser().signInThroughProvider("org", username);
        signInAs(ADMIN);
        identityProviders.switchPasswordOff(trainer.id());

        assertThat(db.fetchCount(STAFF_TOTP, STAFF_TOTP.USER_ID.eq(trainer.id()))).as("app switched off").isZero();
        var withPassword = new Browser();
        assertThat(withPassword.signInWithPassword(trainer.email()).headers().firstValue("Location").orElse(""))
                .endsWith("/login?provider-refused=password-off");
        assertThat(withPassword.whoAmI()).isNull();
        assertThat(loginPageError("password-off", Locale.of("nl"))).contains("inloggen met een wachtwoord uit");
        var throughProvider = new Browser();
        throughProvider.signInThroughProvider("org", username);
        assertThat(throughProvider.whoAmI()).isEqualTo(trainer.email() + " ROLE_TRAINER");

        signInAs(ADMIN);
        identityProviders.switchPasswordOn(trainer.id());
        var again = new Browser();
        assertThat(again.signInWithPassword(trainer.email()).headers().firstValue("Location").orElse(""))
                .doesNotContain("/login");
        assertThat(again.whoAmI()).isEqualTo(trainer.email() + " ROLE_TRAINER");
    }

    @Test
    void onlyAdminsSwitchPasswordsOff() {
        signInAs(LEAD_COEVORDEN);
        PersonId trainer = TestStaff.create(db, passwords, Role.TRAINER).id();
        assertThatThrownBy(() -> identityProviders.switchPasswordOff(trainer))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(identityProviders.mayManage()).isFalse();
    }

    @Test
    void theSignInPageHasAButtonPerProviderThatLeavesTheApp() {
        UI.getCurrent().navigate("login");
        List<Anchor> buttons = _find(Anchor.class).stream().filter(a -> a.getId().orElse("").startsWith("sign-in-with-")).toList();
        assertThat(buttons).extracting(Anchor::getText).containsExactly("Inloggen met Gemeente Coevorden", "Inloggen met Testorganisatie");
        assertThat(buttons).extracting(Anchor::getHref).containsExactly("oauth2/authorization/coevorden", "oauth2/authorization/org");
        assertThat(buttons).allMatch(Anchor::isRouterIgnore);
    }

    @Test
    void theAdminsUserFormShowsTheLinkAndSwitchesThePasswordOff() throws Exception {
        var trainer = TestStaff.create(db, passwords, Role.TRAINER);
        new Browser().signInThroughProvider("org", person(trainer.email(), true));

        signInAs(LEAD_COEVORDEN);
        UI.getCurrent().navigate("gebruikers");
        openEditorFor(TRAINER);
        assertThat(_find(Details.class, spec -> spec.withId("user-provider-sign-in"))).as("admins only").isEmpty();

        signInAs(ADMIN);
        UI.getCurrent().navigate("gebruikers");
        openEditorFor(trainer.email());
        Details section = _get(Details.class, spec -> spec.withId("user-provider-sign-in"));
        assertThat(_find(section, Paragraph.class).getFirst().getText()).startsWith("Testorganisatie: gekoppeld op");
        Checkbox off = _get(Checkbox.class, spec -> spec.withId("user-password-off"));
        assertThat(off.isEnabled()).isTrue();
        // As a tap on the box: Karibu's _setValue does not run on Vaadin 25's field internals.
        off.setValue(true);
        com.vaadin.flow.component.ComponentUtil.fireEvent(off,
                new com.vaadin.flow.component.AbstractField.ComponentValueChangeEvent<>(off, off, false, true));

        assertThat(identityProviders.of(trainer.id()).passwordSwitchedOff()).isTrue();
        assertThat(new Browser().signInWithPassword(trainer.email()).headers().firstValue("Location").orElse(""))
                .endsWith("/login?provider-refused=password-off");
    }

    private void openEditorFor(String address) {
        Grid<UserAccount> grid = _get(Grid.class);
        int row = IntStream.range(0, GridKt._size(grid)).filter(i -> address.equals(GridKt._get(grid, i).email()))
                .findFirst().orElseThrow();
        _click((Button) GridKt._getCellComponent(grid, row, "actions"));
    }

    /** The README's Entra ID example, read from environment variables as Spring Boot reads them. */
    @Test
    void theReadmesEnvironmentVariablesConfigureAProvider() {
        var environment = new org.springframework.core.env.StandardEnvironment();
        environment.getPropertySources().replace(
                org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new org.springframework.core.env.SystemEnvironmentPropertySource(
                        org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "OMZIEN_OIDC_ENTRA_ISSUER", "https://login.microsoftonline.com/tenant/v2.0",
                        "OMZIEN_OIDC_ENTRA_CLIENTID", "client",
                        "OMZIEN_OIDC_ENTRA_CLIENTSECRET", "secret",
                        "OMZIEN_OIDC_ENTRA_NAME", "Gemeente Coevorden",
                        "OMZIEN_OIDC_ENTRA_MUNICIPALITY", "Coevorden",
                        "OMZIEN_OIDC_ENTRA_EMAILVERIFIEDCLAIM", "xms_edov")));
        var settings = org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind("omzien", nl.omzien.security.internal.IdentityProviderSettings.class).get();
        var entra = settings.oidc().get("entra");
        assertThat(entra.issuer()).isEqualTo("https://login.microsoftonline.com/tenant/v2.0");
        assertThat(entra.clientId()).isEqualTo("client");
        assertThat(entra.clientSecret()).isEqualTo("secret");
        assertThat(entra.municipality()).isEqualTo("Coevorden");
        assertThat(entra.emailVerifiedClaim()).isEqualTo("xms_edov");
        assertThat(entra.scopes()).containsExactly("openid", "profile", "email");
    }

    // --- helpers ---

    /** A person at the provider with this address (verified or not), signing in with MFA; returns their username. */
    private static String person(String email, boolean verified) {
        String username = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        provider().person(username, new TestIdentityProvider.Person(email, verified, MFA, SUBSTANTIAL));
        return username;
    }

    private List<String> linkedSubjects(PersonId person) {
        return db.select(PROVIDER_IDENTITY.PROVIDER, PROVIDER_IDENTITY.SUBJECT).from(PROVIDER_IDENTITY)
                .where(PROVIDER_IDENTITY.USER_ID.eq(person)).fetch(r -> r.value1() + ":" + r.value2());
    }

    /** The error the sign-in page shows after a refusal, in this language. */
    private static String loginPageError(String reason, Locale locale) {
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().navigate("login", QueryParameters.of("provider-refused", reason));
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }

    /** A browser: cookies for Omzien (localhost) and the provider (127.0.0.1) kept apart by host, as a browser does. */
    private final class Browser {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        /**
         * Starts at Omzien's button, signs in at the provider's form and follows the redirects back to Omzien.
         *
         * @return the address Omzien sends the person to at the end
         */
        String signInThroughProvider(String providerId, String username) throws IOException, InterruptedException {
            URI at = uri("/oauth2/authorization/" + providerId);
            for (int step = 0; step < 12; step++) {
                HttpResponse<String> response = send(HttpRequest.newBuilder(at).GET());
                if (response.statusCode() == 200 && at.getPath().equals("/login") && at.getPort() != port) {
                    // The provider's own login form.
                    response = send(form(at, Map.of("username", username, "password", TestIdentityProvider.PASSWORD,
                            "_csrf", csrfFrom(response.body()))));
                }
                assertThat(response.statusCode()).as("redirect at " + at + ": " + response.body()).isEqualTo(302);
                URI next = at.resolve(response.headers().firstValue("Location").orElseThrow());
                boolean backAtOmzien = next.getPort() == port && !next.getPath().startsWith("/login/oauth2/code/")
                        && !next.getPath().startsWith("/oauth2/");
                if (backAtOmzien) {
                    return next.toString();
                }
                at = next;
            }
            throw new AssertionError("no way back to Omzien");
        }

        HttpResponse<String> signInWithPassword(String email) throws IOException, InterruptedException {
            String csrf = csrfFrom(get("/login").body());
            return post("/login", Map.of("username", email, "password", TestStaff.PASSWORD, "_csrf", csrf));
        }

        String whoAmI() throws IOException, InterruptedException {
            var response = get(WhoAmITestEndpoint.PATH);
            assertThat(response.statusCode()).isEqualTo(200);
            return "anonymous".equals(response.body()) ? null : response.body();
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            return send(form(uri(path), fields));
        }

        private HttpRequest.Builder form(URI to, Map<String, String> fields) {
            String body = fields.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return HttpRequest.newBuilder(to).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return client.send(request.header("Accept", "text/html,application/xhtml+xml").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String csrfFrom(String html) {
            return nl.omzien.test.CsrfToken.in(html, "the page");
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
