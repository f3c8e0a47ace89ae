package nl.omzien.dashboard.ui;

import nl.omzien.test.BrowserTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static nl.omzien.dashboard.internal.db.Tables.PARTNER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public partner page (the sticker's QR code), the public list and the contact's status page on a
 * 360 px phone without sideways scrolling, checked with axe-core; the public pages without signing in.
 */
class PartnerPagesOnAPhoneTest extends BrowserTest {

    @Autowired DSLContext db;
    @Autowired nl.omzien.dashboard.PartnerService partners;

    /** The demo's current partner (the demo story has one, a partner for 14 months). */
    private String currentPartner() {
        return db.select(PARTNER.PUBLIC_ID).from(PARTNER).orderBy(PARTNER.SINCE).fetch(PARTNER.PUBLIC_ID).stream()
                .filter(id -> partners.publicPage(id).orElseThrow().state() == nl.omzien.dashboard.PartnerState.PARTNER)
                .findFirst().orElseThrow(() -> new AssertionError("the demo has no current partner"));
    }

    private String publicIdWhere(org.jooq.Condition condition) {
        return db.select(PARTNER.PUBLIC_ID).from(PARTNER).where(condition).orderBy(PARTNER.SINCE).limit(1).fetchOne(PARTNER.PUBLIC_ID);
    }

    private void fitsThePhone() {
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isTrue();
    }

    @Test
    void thePublicPartnerPagesReadWellOnAPhoneWithoutSigningIn() {
        LocalDate today = LocalDate.now(clock);
        page.setViewportSize(PHONE_WIDTH, 780);
        go("partner/" + currentPartner());
        waitVisible("#partner-status");
        assertThat(page.locator("#partner-status")).hasText("Omzien-partner");
        assertThat(page.locator("#partner-municipality")).isVisible();
        fitsThePhone();
        checkAccessibility("partner page");
        screenshot("partner-page", PHONE_WIDTH);

        go("partner/" + publicIdWhere(PARTNER.VALID_UNTIL.lt(today)));
        waitVisible("#partner-status");
        assertThat(page.locator("#partner-status")).hasText("Nu geen Omzien-partner");
        fitsThePhone();
        checkAccessibility("lapsed partner page");
        screenshot("partner-page-lapsed", PHONE_WIDTH);

        go("partners/coevorden");
        waitVisible("h1");
        assertThat(page.locator("h1")).hasText("Omzien-partners in Coevorden");
        fitsThePhone();
        checkAccessibility("public partner list");
        screenshot("partner-list", PHONE_WIDTH);
        assertThat(accessibilityProblems).isEmpty();
    }

    @Test
    void theOrganisationContactSeesTheStatusOnAPhone() {
        page.setViewportSize(PHONE_WIDTH, 780);
        signIn(ORG_CONTACT, DEMO_PASSWORD, "partnerstatus");
        waitVisible("#partner-status-trained");
        assertThat(page.locator("#partner-status-trained")).containsText("medewerkers getraind");
        fitsThePhone();
        checkAccessibility("partner status");
        screenshot("partner-status", PHONE_WIDTH);
        assertThat(accessibilityProblems).isEmpty();
    }
}
