package nl.omzien.security;

import nl.omzien.security.internal.SecondFactors;
import nl.omzien.security.internal.TotpCodes;
import nl.omzien.test.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static nl.omzien.people.internal.db.Tables.USER_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff sign-in through the real Spring Security filter chain, with a plain HTTP client against the
 * running server (cookies, redirects and CSRF tokens as a browser has them).
 */
class StaffSignInTest extends IntegrationTest {

    private static final String PASSWORD = TestStaff.PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    SecondFactors secondFactors;
    @Autowired
    TotpCodes totp;

    @Test
    void aTrainerWithAnAuthenticatorAppHasNoRoleAfterThePasswordAndTheTrainerRoleAfterTheCode() throws Exception {
        var trainer = newStaff(Role.TRAINER);
        String secret = withAuthenticatorApp(trainer);
        var browser = new Browser();

        var afterPassword = browser.signInWithPassword(trainer.email(), false);
        assertThat(afterPassword.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login/code"));
        assertThat(browser.whoAmI()).as("half signed in: anonymous").isNull();

        var afterCode = browser.submitCode(nextTotpCode(trainer.email(), secret));
        assertThat(afterCode.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
        assertThat(browser.whoAmI()).isEqualTo(trainer.email() + " ROLE_TRAINER");
    }

    @Test
    void aWrongCodeIsRefusedWithADutchMessageAndGivesNoRole() throws Exception {
        var lead = newStaff(Role.COALITION_LEAD);
        withAuthenticatorApp(lead);
        var browser = new Browser();
        browser.signInWithPassword(lead.email(), false);

        var wrong = browser.submitCode("000000".equals(totp.codeFor("x", 0)) ? "111111" : "000000");
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login/code?wrong"));
        String page = browser.get("/login/code?wrong").body();
        assertThat(page).contains("Deze code klopt niet of is al gebruikt.");
        assertThat(browser.whoAmI()).isNull();
    }

    @Test
    void aCodeWorksOnlyOnceAndARecoveryCodeToo() throws Exception {
        var trainer = newStaff(Role.TRAINER);
        String secret = totp.newSecret();
        List<String> recoveryCodes = secondFactors.enable(trainer.id(), secret, totp.codeFor(secret, totp.currentStep())).orElseThrow();

        var first = new Browser();
        first.signInWithPassword(trainer.email(), false);
        first.submitCode(recoveryCodes.getFirst().toUpperCase());
        assertThat(first.whoAmI()).isEqualTo(trainer.email() + " ROLE_TRAINER");

        var second = new Browser();
        second.signInWithPassword(trainer.email(), false);
        var again = second.submitCode(recoveryCodes.getFirst());
        assertThat(again.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("?wrong"));
        assertThat(second.whoAmI()).isNull();

        // The same app code twice: the second is refused as well (someone looking over a shoulder).
        String code = nextTotpCode(trainer.email(), secret);
        second.submitCode(code);
        assertThat(second.whoAmI()).isEqualTo(trainer.email() + " ROLE_TRAINER");
        var third = new Browser();
        third.signInWithPassword(trainer.email(), false);
        third.submitCode(code);
        assertThat(third.whoAmI()).isNull();
    }

    @Test
    void anAdminWithoutAnAuthenticatorAppMustSetOneUpBeforeAnythingElse() throws Exception {
        var admin = newStaff(Role.ADMIN);
        var browser = new Browser();

        var afterPassword = browser.signInWithPassword(admin.email(), true);
        assertThat(afterPassword.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login/instellen"));
        assertThat(browser.whoAmI()).isNull();
        assertThat(browser.get("/").statusCode()).as("no app page either").isNotEqualTo(500);
        assertThat(browser.whoAmI()).isNull();

        String page = browser.get("/login/instellen").body();
        var secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<").matcher(page);
        assertThat(secret.find()).isTrue();
        String plainSecret = secret.group(1).replace(" ", "");
        assertThat(browser.submitCode("123").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login/instellen?wrong"));

        var enrolled = browser.submitCode(totp.codeFor(plainSecret, totp.currentStep()));
        assertThat(enrolled.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login/herstelcodes"));
        assertThat(browser.whoAmI()).isEqualTo(admin.email() + " ROLE_ADMIN");
        String codes = browser.get("/login/herstelcodes").body();
        assertThat(Pattern.compile("<li><code>[a-z0-9-]{19}</code></li>").matcher(codes).results().count())
                .isEqualTo(SecondFactors.RECOVERY_CODE_COUNT);
        assertThat(browser.get("/login/herstelcodes").statusCode()).as("shown once").isEqualTo(302);
        assertThat(browser.rememberMeCookie()).as("remember me, asked for at the password").isNotNull();
    }

    @Test
    void rememberMeSignsInANewClientAndStopsAfterSignOutEverywhere() throws Exception {
        var trainer = newStaff(Role.TRAINER);
        var laptop = new Browser();
        var signIn = laptop.signInWithPassword(trainer.email(), true);
        assertThat(laptop.whoAmI()).isEqualTo(trainer.email() + " ROLE_TRAINER");
        assertThat(signIn.headers().allValues("Set-Cookie")).as("issue 17: no cross-site sending of the remember-me cookie")
                .filteredOn(c -> c.startsWith("remember-me=")).singleElement().asString().contains("SameSite=Lax");
        HttpCookie remembered = laptop.rememberMeCookie();
        assertThat(remembered).isNotNull();
        assertThat(remembered.getMaxAge()).isBetween(29L * 24 * 3600, 30L * 24 * 3600);
        assertThat(db.fetchOne("select token_hash from security.remember_me_token where user_id = ?", trainer.id()).get(0, String.class))
                .as("stored hashed").doesNotContain(remembered.getValue()).hasSize(64);

        var phone = new Browser();
        phone.signInWithPassword(trainer.email(), false);
        assertThat(phone.rememberMeCookie()).isNull();

        // The laptop's session is gone (browser closed); the cookie alone signs in again.
        var laptopLater = new Browser();
        laptopLater.setCookie(remembered);
        assertThat(laptopLater.whoAmI()).isEqualTo(trainer.email() + " ROLE_TRAINER");
        HttpCookie rotated = laptopLater.rememberMeCookie();

        // Sign out everywhere, from the phone (the service the settings page calls, as the phone's user).
        var phoneSession = phone.sessionCookie();
        signOutEverywhereAs(trainer.email());

        var laptopAfter = new Browser();
        laptopAfter.setCookie(rotated);
        assertThat(laptopAfter.whoAmI()).as("remember-me cookie revoked").isNull();
        assertThat(laptopLater.whoAmI()).as("old session ended").isNull();
        var phoneAgain = new Browser();
        phoneAgain.setCookie(phoneSession);
        assertThat(phoneAgain.whoAmI()).as("every session that signed in before").isNull();

        var fresh = new Browser();
        fresh.signInWithPassword(trainer.email(), false);
        assertThat(fresh.whoAmI()).as("signing in again works").isEqualTo(trainer.email() + " ROLE_TRAINER");
    }

    @Test
    void rememberMeDoesNotLetAnAdminWithoutAnAuthenticatorAppIn() throws Exception {
        var lead = newStaff(Role.COALITION_LEAD);
        var laptop = new Browser();
        laptop.signInWithPassword(lead.email(), true);
        HttpCookie remembered = laptop.rememberMeCookie();
        db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, lead.id()).set(USER_ROLE.ROLE, Role.ADMIN.name()).execute();

        var later = new Browser();
        later.setCookie(remembered);
        assertThat(later.whoAmI()).isNull();
    }

    @Test
    void rememberMeChosenWhenAskingForAnEmailLinkIsAppliedWhenTheLinkIsUsed() throws Exception {
        var participant = TestStaff.create(db, passwords, Role.PARTICIPANT);
        signInLinks.request(participant.email(), "10.9.9.1", true);
        String token = latestLinkToken(participant.email());
        var phone = new Browser();

        String page = phone.get("/inloggen/link?token=" + token).body();
        assertThat(page).contains("name=\"remember-me\" value=\"true\"");
        phone.post("/login/ott", Map.of("token", token, "remember-me", "true", "_csrf", phone.csrfFrom(page)));
        assertThat(phone.whoAmI()).isEqualTo(participant.email() + " ROLE_PARTICIPANT");
        assertThat(phone.rememberMeCookie()).isNotNull();

        signInLinks.request(participant.email(), "10.9.9.1", false);
        String withoutRemember = latestLinkToken(participant.email());
        var laptop = new Browser();
        String plain = laptop.get("/inloggen/link?token=" + withoutRemember).body();
        assertThat(plain).doesNotContain("remember-me");
        laptop.post("/login/ott", Map.of("token", withoutRemember, "_csrf", laptop.csrfFrom(plain)));
        assertThat(laptop.whoAmI()).isEqualTo(participant.email() + " ROLE_PARTICIPANT");
        assertThat(laptop.rememberMeCookie()).isNull();
    }

    @Autowired
    nl.omzien.onboarding.SignInLinkService signInLinks;

    private String latestLinkToken(String email) {
        String text = db.select(nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX.BODY_TEXT).from(nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX)
                .where(nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX.RECIPIENT.eq(email))
                .orderBy(nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX.ID.desc()).limit(1).fetchOne(nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX.BODY_TEXT);
        var link = Pattern.compile("token=([A-Za-z0-9_-]{43})").matcher(text);
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    // --- helpers ---

    private TestStaff newStaff(Role role) {
        return TestStaff.create(db, passwords, role);
    }

    private String withAuthenticatorApp(TestStaff staff) {
        String secret = totp.newSecret();
        assertThat(secondFactors.enable(staff.id(), secret, totp.codeFor(secret, totp.currentStep()))).isPresent();
        return secret;
    }

    @Autowired
    SignOutEverywhereService signOutEverywhere;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService accounts;

    private void signOutEverywhereAs(String email) {
        var user = accounts.loadUserByUsername(email);
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(user, null, user.getAuthorities()));
        try {
            signOutEverywhere.signOutEverywhere();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    /** A browser without JavaScript: a cookie jar, no automatic redirects. */
    private final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> signInWithPassword(String email, boolean rememberMe) throws IOException, InterruptedException {
            String csrf = csrfFrom(get("/login").body());
            var form = new java.util.LinkedHashMap<>(Map.of("username", email, "password", PASSWORD, "_csrf", csrf));
            if (rememberMe) {
                form.put("remember-me", "on");
            }
            return post("/login", form);
        }

        HttpResponse<String> submitCode(String code) throws IOException, InterruptedException {
            var page = get("/login/code");
            String html = page.statusCode() == 302 ? get("/login/instellen").body() : page.body();
            return post("/login/code", Map.of("code", code, "_csrf", csrfFrom(html)));
        }

        /** The signed-in e-mail address and roles, or null when the request is anonymous. */
        String whoAmI() throws IOException, InterruptedException {
            var response = get(WhoAmITestEndpoint.PATH);
            assertThat(response.statusCode()).isEqualTo(200);
            return "anonymous".equals(response.body()) ? null : response.body();
        }

        HttpCookie rememberMeCookie() {
            return cookie("remember-me");
        }

        HttpCookie sessionCookie() {
            return cookie("JSESSIONID");
        }

        private HttpCookie cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name) && !c.getValue().isEmpty())
                    .findFirst().orElse(null);
        }

        void setCookie(HttpCookie cookie) {
            HttpCookie copy = new HttpCookie(cookie.getName(), cookie.getValue());
            copy.setPath("/");
            copy.setVersion(0);
            cookies.getCookieStore().add(uri("/"), copy);
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private String csrfFrom(String html) {
            return nl.omzien.test.CsrfToken.in(html, "the page");
        }
    }
}
