package nl.omzien.onboarding.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import nl.omzien.onboarding.InviteLinkService;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.test.BrowserTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hairdresser's journey on a phone: open the invite link from the flyer, fill in name and e-mail,
 * read the mail (here: in the dev mailbox, as an admin on another device), tap the link, land in module 1.
 */
class InviteJourneyTest extends BrowserTest {

    @Autowired
    InviteLinkService invites;
    @Autowired
    DSLContext db;
    @Autowired
    UserDetailsService accounts;

    @Test
    void aNewParticipantGoesFromTheInviteLinkToModuleOneOnAPhone() {
        var fx = new SessionFixtures(db, accounts);
        String link = fx.as(LEAD_COEVORDEN, () -> invites.organisationInvite(fx.organisation("Kapsalon Knip & Zo"))).link();
        String email = "mila-" + UUID.randomUUID().toString().substring(0, 8) + "@kapper.example";

        page.setViewportSize(PHONE_WIDTH, 780);
        go(link.substring(link.indexOf("aanmelden/")));
        assertThat(page.locator("h1")).hasText("Meld je aan voor de training");
        assertThat(page.locator("#register-organisation input")).hasValue("Kapsalon Knip & Zo");
        checkAccessibility("registration form");
        screenshot("invite-register", PHONE_WIDTH);
        screenshot("invite-register", LAPTOP_WIDTH);

        page.locator("#register-name input").fill("Mila de Kapper");
        page.locator("#register-email input").fill(email);
        page.locator("#register-send").click();
        assertThat(page.locator("#register-consent-error")).containsText("Zet een vinkje");
        assertThat(page.locator("#register-name input")).hasValue("Mila de Kapper");
        checkAccessibility("registration form with an error");
        screenshot("invite-register-consent-missing", PHONE_WIDTH);

        page.locator("#register-consent input").check();
        page.locator("#register-send").click();
        assertThat(page.locator("#register-sent")).containsText(email);
        checkAccessibility("registration sent");
        screenshot("invite-register-sent", PHONE_WIDTH);

        String mailLink = linkFromDevMailbox(email);
        assertThat(mailLink).contains("/inloggen/link?token=").contains("next=%2Fwelkom");

        // The mail app opens the link in a fresh browser: no session yet.
        newDevice();
        page.setViewportSize(PHONE_WIDTH, 780);
        page.navigate(url(mailLink.substring(mailLink.indexOf("inloggen/"))));
        page.locator("button[type=submit]").click();
        page.waitForURL(u -> u.contains("/training/herkennen"));
        waitForVaadin();
        assertThat(page.locator("#start-module")).isVisible();
        screenshot("invite-landed-in-module-1", PHONE_WIDTH);

        page.navigate(url("privacy"));
        waitForVaadin();
        checkAccessibility("privacy statement");
        screenshot("privacy-statement", PHONE_WIDTH);
        assertThat(accessibilityProblems).isEmpty();
    }

    @Test
    void aCoalitionLeadFindsTheInviteLinksAndFlyersOnAPhone() {
        page.setViewportSize(PHONE_WIDTH, 780);
        signIn(LEAD_COEVORDEN, DEMO_PASSWORD, "uitnodigingen");
        assertThat(page.locator(".invite-card").first()).isVisible();
        assertThat(page.locator(".invite-flyer").first()).hasText("Flyer downloaden (PDF)");
        checkAccessibility("invites page");
        screenshot("invites", PHONE_WIDTH);
        screenshot("invites", LAPTOP_WIDTH);
        assertThat(accessibilityProblems).isEmpty();
    }

    /** Reads the newest mail to {@code email} in the dev mailbox, as an admin in a browser of their own. */
    private String linkFromDevMailbox(String email) {
        Browser browser = page.context().browser();
        try (BrowserContext admin = browser.newContext(new Browser.NewContextOptions().setViewportSize(LAPTOP_WIDTH, 900).setLocale("nl-NL"))) {
            Page mailbox = admin.newPage();
            // The shared sign-in helper works on `page` and also types the demo admin's authenticator code.
            Page participant = page;
            page = mailbox;
            try {
                signIn(ADMIN, DEMO_PASSWORD);
            } finally {
                page = participant;
            }
            mailbox.navigate(url("dev-mailbox"));
            mailbox.locator("vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(email))
                    .first().click();
            assertThat(mailbox.locator("#mail-details h3")).hasText("Welkom bij Omzien: tik op de link om te beginnen");
            return mailbox.locator("#mail-details a").first().getAttribute("href");
        }
    }
}
