package nl.omzien.security;

import nl.omzien.test.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The foundation's main journeys in a real headless Chromium. */
class SignInJourneyTest extends BrowserTest {

    @Test
    void trainerSignsInSeesTrainerNavigationAndSignsOut() {
        go("login");
        screenshot("login", PHONE_WIDTH);
        screenshot("login", LAPTOP_WIDTH);
        signInThroughTheForm(TRAINER, DEMO_PASSWORD);

        assertThat(page.locator("vaadin-side-nav-item[path='organisaties']")).isVisible();
        assertThat(page.locator("vaadin-side-nav-item[path='gebruikers']")).hasCount(0);
        assertThat(page.locator("vaadin-side-nav-item[path='gemeenten']")).hasCount(0);
        assertThat(page.locator("html")).hasAttribute("lang", "nl");
        screenshot("home-trainer", LAPTOP_WIDTH);
        go("organisaties");
        assertThat(page.locator("vaadin-grid")).isVisible();
        screenshot("organisations-trainer", LAPTOP_WIDTH);
        screenshot("organisations-trainer", PHONE_WIDTH);

        page.setViewportSize(LAPTOP_WIDTH, 900);
        page.locator("#logout").click();
        page.waitForURL(u -> u.contains("/login"));
        waitForVaadin();
        assertThat(page.getByText("Je bent uitgelogd")).isVisible();
        // Signed out for real: the server sends us back to the login page.
        go("organisaties");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
    }

    @Test
    void wrongPasswordShowsDutchMessageAndLocksNothing() {
        signInThroughTheForm(LEAD_TWENTERAND, "fout-wachtwoord");
        assertThat(page.getByText("Inloggen lukt niet")).isVisible();
        // The address stays; only the password has to be typed again.
        assertThat(page.locator("vaadin-text-field[name='username'] input")).hasValue(LEAD_TWENTERAND);
        assertThat(page.locator("vaadin-password-field[name='password'] input")).hasValue("");
        screenshot("login-error", LAPTOP_WIDTH);
        assertThat(page.getByText("Het e-mailadres of het wachtwoord klopt niet.")).isVisible();
        screenshot("login-error", PHONE_WIDTH);

        signInThroughTheForm(LEAD_TWENTERAND, DEMO_PASSWORD);
        assertThat(page.locator("vaadin-side-nav-item[path='gebruikers']")).isVisible();
    }

    @Test
    void aTypedAddressComesBackAsTextNeverAsMarkup() {
        String typed = "<img src=x onerror=\"window.injected=1\">@example.nl";
        signInThroughTheForm(typed, "fout-wachtwoord");
        assertThat(page.getByText("Inloggen lukt niet")).isVisible();
        assertThat(page.locator("vaadin-text-field[name='username'] input")).hasValue(typed);
        // The cursor is in the password field, the one that was wrong (not the form's own autofocus on the address).
        assertThat(page.locator("vaadin-password-field[name='password'] input")).isFocused();
        assertThat(page.locator("img[src='x']")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.injected === undefined")).isEqualTo(true);
        assertThat(page).hasURL(java.util.regex.Pattern.compile("[^<>]*/login\\?error$"));
        // Shown once: the next visit to the login page starts empty.
        go("login");
        assertThat(page.locator("vaadin-text-field[name='username'] input")).hasValue("");
    }

    @Test
    void participantTypingAnAdminUrlGetsTheNotFoundPage() {
        signInThroughTheForm(PARTICIPANT, DEMO_PASSWORD);
        go("gebruikers");
        assertThat(page.getByText("Deze pagina is er niet")).isVisible();
        assertThat(page.locator("vaadin-grid")).hasCount(0);
        screenshot("participant-denied", PHONE_WIDTH);
    }

    @Test
    void adminSeesAdministrationOnAPhone() {
        page.setViewportSize(PHONE_WIDTH, 780);
        signInThroughTheForm(ADMIN, DEMO_PASSWORD);
        go("gebruikers");
        // A phone gets the one-column list (StaffListsOnAPhoneTest), a laptop the grid.
        assertThat(page.locator("#user-list")).isVisible();
        screenshot("users-admin", PHONE_WIDTH);

        // A staff member's form with the sign-in-through-an-identity-provider section opened, as on a phone.
        page.locator("#user-filter input").fill(TRAINER);
        // The filter redraws the list: tap the trainer once the list shows only them.
        assertThat(page.locator("#user-list [id^='user-item-']")).hasCount(1);
        page.locator("#user-list [id^='user-item-']").click();
        waitForVaadin();
        page.locator("#user-provider-sign-in vaadin-details-summary").click();
        waitForVaadin();
        assertThat(page.locator("#user-password-off")).isVisible();
        page.locator("#user-provider-sign-in").scrollIntoViewIfNeeded();
        // Inside the phone's width, and nothing in it cut off sideways.
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => { const section = document.querySelector('#user-provider-sign-in');"
                + " const box = section.getBoundingClientRect();"
                + " return box.left >= 0 && box.right <= window.innerWidth"
                + " && [section, ...section.querySelectorAll('*')].every(e => e.clientWidth === 0 || e.scrollWidth <= e.clientWidth + 1); }"))
                .isEqualTo(true);
        checkAccessibility("user form with the identity provider section");
        screenshot("users-admin-provider-section", PHONE_WIDTH);
        page.keyboard().press("Escape");
        waitForVaadin();
        screenshot("users-admin", LAPTOP_WIDTH);
    }
}
