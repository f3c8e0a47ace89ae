package nl.omzien.base.ui;

import nl.omzien.base.SecretTokens;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionId;
import nl.omzien.sessions.SessionService;
import nl.omzien.test.BrowserTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.OffsetDateTime;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals as a person meets them on a 360 px phone, without signing in: the identity provider that does not take
 * admins, too many wrong flyer codes, a go/no-go link after the start, spent links from mails. Each message whole,
 * no sideways scrolling, axe clean.
 */
class RefusalsOnAPhoneTest extends BrowserTest {

    @Autowired
    private DSLContext db;
    @Autowired
    private UserDetailsService accounts;
    @Autowired
    private SessionService sessions;

    @Test
    void anAdminAtAMunicipalitysProviderIsToldToUseTheirPassword() {
        page.setViewportSize(PHONE_WIDTH, 780);
        go("login?provider-refused=admin");
        assertThat(page.getByText("Beheerders van Omzien loggen niet in met de knop van één gemeente. Gebruik je wachtwoord."))
                .isVisible();
        assertThat(noSidewaysScroll()).as("no sideways scrolling").isTrue();
        screenshot("login-provider-admin", PHONE_WIDTH);
        checkAccessibility("sign-in page refusing an admin at a municipality's provider");
        assertThat(accessibilityProblems).isEmpty();
    }

    @Test
    void tooManyWrongFlyerCodesSayWhatToDoInstead() {
        page.setViewportSize(PHONE_WIDTH, 780);
        go("code");
        for (int i = 0; i < 21; i++) {
            page.locator("#short-code input").fill("ZZZZ" + "%04d".formatted(i).replace('0', 'Q').replace('1', 'R'));
            page.locator("#short-code-go").click();
            waitForVaadin();
        }
        assertThat(page.locator("#short-code-problem")).hasText(
                "Er zijn hier te veel verkeerde codes getypt. Probeer het later opnieuw, of scan de QR-code op de flyer.");
        assertThat(noSidewaysScroll()).as("no sideways scrolling").isTrue();
        screenshot("short-code-too-many", PHONE_WIDTH);
        checkAccessibility("flyer code page after too many wrong codes");
        assertThat(accessibilityProblems).isEmpty();
    }

    /** The pages a mail's link opens (a held seat, a new address, the go/no-go) fit a phone, also for a spent link. */
    @Test
    void thePagesBehindMailLinksFitAPhone() {
        page.setViewportSize(PHONE_WIDTH, 780);
        String spent = "A".repeat(43);
        for (String path : java.util.List.of("aanbod/" + spent, "profiel/e-mail?token=" + spent, "sessie-annuleren/" + spent)) {
            go(path);
            assertThat(noSidewaysScroll()).as(path + ": no sideways scrolling").isTrue();
        }
    }

    @Test
    void aGoNoGoLinkAfterTheStartSaysTheSessionHasBegun() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Al begonnen op de telefoon", 10, 3)));
        String token = SecretTokens.newToken();
        OffsetDateTime start = OffsetDateTime.now().minusMinutes(5);
        db.update(TRAINING_SESSION).set(TRAINING_SESSION.CANCEL_TOKEN_HASH, SecretTokens.hash(token))
                .set(TRAINING_SESSION.REGISTRATION_DEADLINE, start).set(TRAINING_SESSION.STARTS_AT, start)
                .set(TRAINING_SESSION.ENDS_AT, start.plusMinutes(90)).where(TRAINING_SESSION.ID.eq(session)).execute();
        page.setViewportSize(PHONE_WIDTH, 780);
        go("sessie-annuleren/" + token);
        assertThat(page.locator("#go-no-go-result")).hasText("Deze bijeenkomst is al begonnen. Afzeggen kan dan niet meer.");
        assertThat(page.locator("#confirm-cancel")).hasCount(0);
        assertThat(noSidewaysScroll()).as("no sideways scrolling").isTrue();
        screenshot("go-no-go-started", PHONE_WIDTH);
        checkAccessibility("go/no-go link after the start");
        assertThat(accessibilityProblems).isEmpty();
    }
}
