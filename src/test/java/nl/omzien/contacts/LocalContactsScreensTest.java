package nl.omzien.contacts;

import nl.omzien.test.BrowserTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The contacts step in the module and the lead's editor, on a phone and a laptop, checked with axe-core. */
class LocalContactsScreensTest extends BrowserTest {

    /** Wim Oosting, Vrijwilligerscentrale Coevorden (sector VOLUNTEER); no other test signs in as him. */
    private static final String VOLUNTEER = "wim.oosting@demo.example";

    @Test
    void aVolunteerReachesTheContactsStepOfTheReferralModuleAndCanDownloadTheCard() {
        page.setViewportSize(PHONE_WIDTH, 740);
        signIn(VOLUNTEER, DEMO_PASSWORD, "training/doorverwijzen");
        for (String key : List.of("recognise", "raise", "refer")) {
            page.locator("#before-" + key + " vaadin-radio-button").nth(2).locator("input").click();
        }
        page.locator("#start-module").click();
        waitForVaadin();
        while (!page.locator("#step-heading").innerText().strip().equals("Hulp in jouw gemeente")) {
            page.locator("#next-step").click();
            waitForVaadin();
        }
        assertThat(page.locator("#local-help")).containsText("Meldpunt Eenzaamheid Coevorden");
        assertThat(page.locator("#local-help")).containsText("Voorbeeld");
        // The national lines come first, tap to call; then the municipality's own contacts.
        assertThat(page.locator("#local-help a[href^='tel:']").first()).hasAttribute("href", "tel:112");
        assertThat(page.locator(".local-help-list a[href^='tel:']").first()).hasAttribute("href", "tel:0524000101");
        checkAccessibility("contacts step");
        page.locator("#local-help").evaluate("e => e.scrollIntoView({block: 'start'})");
        screenshot("contacts-step", PHONE_WIDTH);
        page.setViewportSize(LAPTOP_WIDTH, 900);
        page.locator("#local-help").evaluate("e => e.scrollIntoView({block: 'start'})");
        screenshot("contacts-step", LAPTOP_WIDTH);
        page.setViewportSize(PHONE_WIDTH, 740);

        var download = page.waitForDownload(() -> page.locator("#contacts-card-pdf").click());
        assertThat(download.suggestedFilename()).isEqualTo("hulp-in-coevorden.pdf");
        assertThat(accessibilityProblems).isEmpty();
    }

    @Test
    void theCoalitionLeadSeesTheEditorOnAPhoneAndALaptop() {
        page.setViewportSize(PHONE_WIDTH, 740);
        signIn(LEAD_COEVORDEN, DEMO_PASSWORD, "hulp-in-je-gemeente");
        assertThat(page.locator("#add-contact")).isVisible();
        checkAccessibility("contacts editor list");
        screenshot("contacts-editor-list", PHONE_WIDTH);
        screenshot("contacts-editor-list", LAPTOP_WIDTH);
        page.locator("#add-contact").click();
        waitForVaadin();
        page.locator("#contact-name input").fill("Buurthuis De Bron");
        page.locator("#contact-phone input").fill("0524 12");
        page.locator("#save-contact").click();
        waitForVaadin();
        assertThat(page.locator("#contact-phone")).containsText("Nederlands telefoonnummer");
        checkAccessibility("contacts editor form");
        screenshot("contacts-editor-form", PHONE_WIDTH);
        screenshot("contacts-editor-form", LAPTOP_WIDTH);
        assertThat(accessibilityProblems).isEmpty();
    }
}
