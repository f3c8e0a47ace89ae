package nl.omzien.security.ui;

import nl.omzien.security.Role;
import nl.omzien.security.TestStaff;
import nl.omzien.security.internal.TotpCodes;
import nl.omzien.test.BrowserTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;


import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A trainer on a phone sets up an authenticator app, then signs in on another phone with password and code. */
class SecondFactorJourneyTest extends BrowserTest {

    @Autowired
    DSLContext db;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    TotpCodes totp;

    @Test
    void aTrainerSetsUpAnAuthenticatorAppOnAPhoneAndSignsInAgainWithACode() {
        String email = TestStaff.create(db, passwords, Role.TRAINER).email();
        page.setViewportSize(PHONE_WIDTH, 780);

        signIn(email, TestStaff.PASSWORD, "profiel/beveiliging");
        checkAccessibility("settings");
        screenshot("security-settings", PHONE_WIDTH);
        page.locator("#totp-start").click();
        waitVisible("#totp-qr");
        checkAccessibility("settings, setting up");
        screenshot("security-settings-enrol", PHONE_WIDTH);
        screenshot("security-settings-enrol", LAPTOP_WIDTH);
        String secret = page.locator("#totp-secret").innerText().replace(" ", "");
        page.locator("#totp-code input").fill(totp.codeFor(secret, totp.currentStep()));
        page.locator("#totp-confirm").click();
        waitVisible("#recovery-codes");
        assertThat(page.locator("#recovery-codes li")).hasCount(10);
        checkAccessibility("settings, recovery codes");
        screenshot("security-settings-recovery-codes", PHONE_WIDTH);

        newDevice();
        page.setViewportSize(PHONE_WIDTH, 780);
        go("login");
        page.locator("vaadin-text-field[name='username'] input").fill(email);
        page.locator("vaadin-password-field[name='password'] input").fill(TestStaff.PASSWORD);
        page.locator("#remember-me").click();
        checkAccessibility("login with remember me");
        screenshot("login-remember-me", PHONE_WIDTH);
        String loginFont = (String) page.evaluate("() => getComputedStyle(document.querySelector('vaadin-login-form')).fontFamily");
        page.locator("vaadin-password-field[name='password'] input").press("Enter");
        page.waitForURL(u -> u.contains("/login/code"));
        // The code step is a plain page, in the same font as the login page before it.
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => getComputedStyle(document.body).fontFamily"))
                .isEqualTo(loginFont);
        checkAccessibility("code step");
        screenshot("sign-in-code", PHONE_WIDTH);
        screenshot("sign-in-code", LAPTOP_WIDTH);

        enterSignInCode("000000".equals(totp.codeFor(secret, totp.currentStep())) ? "111111" : "000000");
        assertThat(page.locator("#code-problem")).containsText("Deze code klopt niet");
        screenshot("sign-in-code-wrong", PHONE_WIDTH);

        enterSignInCode(nextTotpCode(email, secret));
        assertThat(page.url()).doesNotContain("/login");
        assertThat(page.context().cookies().stream().map(cookie -> cookie.name)).as("remember me was ticked").contains("remember-me");
        go("profiel/beveiliging");
        assertThat(page.locator("#totp-status")).containsText("Staat aan sinds");

        assertThat(accessibilityProblems).isEmpty();
    }

    @Test
    void anAdminWithoutAnAppMustSetItUpRightAfterThePasswordAndThenSeesTheRecoveryCodesOnce() {
        String email = TestStaff.create(db, passwords, Role.ADMIN).email();
        page.setViewportSize(PHONE_WIDTH, 780);

        signInThroughTheForm(email, TestStaff.PASSWORD);
        assertThat(page.url()).endsWith("/login/instellen");
        checkAccessibility("set up at sign-in");
        screenshot("sign-in-enrol", PHONE_WIDTH);
        screenshot("sign-in-enrol", LAPTOP_WIDTH);
        page.navigate(url("organisaties"));
        page.waitForURL(u -> u.contains("/login"));
        assertThat(page.url()).as("nothing else before the app is set up").contains("/login");

        page.navigate(url("login/instellen"));
        String secret = page.locator("#totp-secret").innerText().replace(" ", "");
        enterSignInCode(totp.codeFor(secret, totp.currentStep()));
        assertThat(page.url()).endsWith("/login/herstelcodes");
        assertThat(page.locator("#recovery-codes li")).hasCount(10);
        checkAccessibility("recovery codes at sign-in");
        screenshot("sign-in-recovery-codes", PHONE_WIDTH);
        page.locator("a.button").click();
        // The address changes when the link's page loads; Vaadin can look idle before that.
        page.waitForURL(u -> !u.contains("/login"));
        waitForVaadin();
        assertThat(page.url()).doesNotContain("/login");

        assertThat(accessibilityProblems).isEmpty();
    }
}
