package nl.omzien.people.ui;

import nl.omzien.base.PersonId;

import nl.omzien.sessions.SessionFixtures;
import nl.omzien.test.BrowserTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.OffsetDateTime;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

/** The profile page and the staff audit log in real Chromium, on a phone and a laptop, with axe checks. */
class ProfileScreensTest extends BrowserTest {

    @Autowired DSLContext db;
    @Autowired UserDetailsService accounts;
    @Autowired nl.omzien.people.UserAccountService users;

    @Test
    void theProfilePageWorksOnAPhoneAndSigningInNotesTheVisitForTheRetentionRule() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        String email = fx.participants(1, "Supermarkt De Brink").getFirst();
        PersonId id = fx.userId(email);
        assertThat(db.select(APP_USER.LAST_SEEN_AT).from(APP_USER).where(APP_USER.ID.eq(id)).fetchOne().value1()).isNull();

        signIn(email, DEMO_PASSWORD, "profiel");
        waitVisible("#download-data");
        OffsetDateTime seen = db.select(APP_USER.LAST_SEEN_AT).from(APP_USER).where(APP_USER.ID.eq(id)).fetchOne().value1();
        assertThat(seen).as("the page load was noted").isNotNull().isAfter(OffsetDateTime.now().minusMinutes(5));

        screenshot("profile", PHONE_WIDTH);
        screenshot("profile", LAPTOP_WIDTH);
        checkAccessibility("profile");
        assertThat(page.locator("#security-link").getAttribute("href")).isEqualTo("profiel/beveiliging");

        page.setViewportSize(PHONE_WIDTH, 780);
        page.locator("#delete-account").scrollIntoViewIfNeeded();
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                .setPath(java.nio.file.Path.of("target/screenshots/profile-own-data-360.png")));
        page.locator("#delete-account").click();
        waitVisible("#delete-confirmation");
        screenshot("profile-delete-dialog", PHONE_WIDTH);
        checkAccessibility("delete dialog");
        assertThat(accessibilityProblems).isEmpty();
    }

    @Test
    void theAuditLogReadsWellForAnAdmin() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        PersonId someone = fx.userId(fx.participants(1, "Supermarkt De Brink").getFirst());
        fx.as(ADMIN, () -> users.open(someone));
        fx.as(LEAD_COEVORDEN, () -> users.open(someone));
        signIn(ADMIN, DEMO_PASSWORD, "gebruikers");
        go("logboek-persoonsgegevens");
        waitVisible("#audit-grid");
        screenshot("audit-log", LAPTOP_WIDTH);
        screenshot("audit-log", PHONE_WIDTH);
        assertThat(page.locator("vaadin-grid-cell-content").allTextContents()).contains("Bekeken");
        checkAccessibility("audit log");
        assertThat(accessibilityProblems).isEmpty();
    }
}
