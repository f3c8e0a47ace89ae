package nl.omzien.onboarding.ui;

import nl.omzien.sessions.SessionId;
import nl.omzien.test.BrowserTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

/** A participant on a phone signs in without a password: asks for a link, opens it from the mail, taps once. */
class SignInLinkJourneyTest extends BrowserTest {

    private static final Pattern LINK = Pattern.compile("/inloggen/link\\?token=[A-Za-z0-9_-]{43}");

    @Autowired
    DSLContext db;

    @Autowired
    nl.omzien.sessions.SessionService sessions;
    @Autowired
    nl.omzien.sessions.RegistrationService registrations;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService accounts;

    /**
     * A participant who is not signed in scans the check-in code: no password page, a link in the mail,
     * and that link checks them in — one scan, one flow.
     */
    @Test
    void aParticipantWhoIsNotSignedInChecksInWithOneScanAndTheMailLink() {
        var fx = new nl.omzien.sessions.SessionFixtures(db, accounts);
        String email = fx.participants(1, "Kapsalon Knip & Zo").getFirst();
        SessionId session = fx.as(TRAINER, () -> sessions.create(nl.omzien.sessions.SessionFixtures.draft("Inchecken zonder wachtwoord", 5, 3)));
        fx.as(email, () -> registrations.signUp(session));
        var start = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(10);
        db.update(nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION).set(nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION.REGISTRATION_DEADLINE, start)
                .set(nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION.STARTS_AT, start).set(nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION.ENDS_AT, start.plusMinutes(90))
                .where(nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION.ID.eq(session)).execute();
        String checkIn = fx.as(TRAINER, () -> sessions.newCheckInCode(session)).link();
        String path = checkIn.substring(checkIn.indexOf("/inchecken/"));

        page.setViewportSize(PHONE_WIDTH, 740);
        go(path.substring(1));
        page.waitForURL(u -> u.contains("/inloggen"));
        assertThat(page.locator("vaadin-password-field")).hasCount(0);
        assertThat(page.locator("#sign-in-check-in-note")).containsText("inchecken");
        page.locator("#sign-in-email input").fill(email);
        page.locator("#send-sign-in-link").click();
        assertThat(page.locator(".sign-in-notice").last()).containsText("Kijk in je mail");
        String text = db.select(MAIL_OUTBOX.BODY_TEXT).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(email))
                .orderBy(MAIL_OUTBOX.ID.desc()).limit(1).fetchOne(MAIL_OUTBOX.BODY_TEXT);
        Matcher link = Pattern.compile("/inloggen/link\\?token=[A-Za-z0-9_-]{43}\\S*").matcher(text);
        assertThat(link.find()).isTrue();

        newDevice();
        page.setViewportSize(PHONE_WIDTH, 740);
        page.navigate(url(link.group().substring(1)));
        page.locator("button[type=submit]").click();
        page.waitForURL(u -> u.contains(path));
        waitForVaadin();
        assertThat(page.locator("#checkin-result")).containsText("Welkom");
        screenshot("check-in-after-mail-link", PHONE_WIDTH);
        assertThat(fx.as(email, () -> registrations.mine()).getFirst().attendance()).isEqualTo(nl.omzien.sessions.Attendance.PRESENT);
    }

    @Test
    void participantSignsInWithALinkFromTheMailOnAPhone() {
        String email = "jose.pereira@demo.example";
        page.setViewportSize(PHONE_WIDTH, 740);
        go("login");
        page.locator("#sign-in-by-link").click();
        waitForVaadin();
        checkAccessibility("sign-in link request");
        assertThat(accessibilityProblems).isEmpty();
        page.locator("#sign-in-email input").fill(email);
        page.locator("#send-sign-in-link").click();
        assertThat(page.locator(".sign-in-notice")).containsText("Kijk in je mail");
        screenshot("sign-in-link-requested", PHONE_WIDTH);

        String text = db.select(MAIL_OUTBOX.BODY_TEXT).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(email))
                .orderBy(MAIL_OUTBOX.ID.desc()).limit(1).fetchOne(MAIL_OUTBOX.BODY_TEXT);
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).isTrue();

        // The mail is opened in another browser (a phone's mail app), with no session of its own.
        newDevice();
        page.setViewportSize(PHONE_WIDTH, 740);
        page.navigate(url(link.group().substring(1)));
        assertThat(page.locator("h1")).hasText("Inloggen bij Omzien");
        checkAccessibility("sign-in link page");
        assertThat(accessibilityProblems).isEmpty();
        screenshot("sign-in-link-page", PHONE_WIDTH);
        page.locator("button[type=submit]").click();
        page.waitForURL(u -> u.contains("/mijn-training"));
        waitForVaadin();
        assertThat(page.locator("#module-herkennen")).isVisible();
        screenshot("sign-in-link-landed", PHONE_WIDTH);

        // The same link a second time: a clear message, and a way to ask for a new one.
        newDevice();
        page.navigate(url(link.group().substring(1)));
        page.locator("button[type=submit]").click();
        page.waitForURL(u -> u.contains("/inloggen?link-invalid"));
        waitForVaadin();
        assertThat(page.locator(".sign-in-notice")).containsText("Deze link werkt niet meer");
        assertThat(page.locator("#send-sign-in-link")).isVisible();
    }
}
