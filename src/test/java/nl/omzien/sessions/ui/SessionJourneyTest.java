package nl.omzien.sessions.ui;

import nl.omzien.sessions.SessionId;
import nl.omzien.notifications.MailOutbox;
import nl.omzien.notifications.OutboxMail;
import nl.omzien.sessions.Attendance;
import nl.omzien.sessions.RegistrationStatus;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.internal.JooqRegistrationRepository;
import nl.omzien.test.BrowserTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole waitlist journey in headless Chromium: a trainer plans a session with 2 seats, three people
 * sign up (the third waits), one cancels, the third takes the offered seat from the mail's link, and the
 * trainer records attendance on a phone.
 */
class SessionJourneyTest extends BrowserTest {

    @Autowired
    private DSLContext db;
    @Autowired
    private UserDetailsService accounts;
    @Autowired
    private MailOutbox outbox;
    @Autowired
    private JooqRegistrationRepository registrations;
    @Autowired
    private nl.omzien.sessions.SessionService sessions;

    private void fill(String id, String value) {
        var input = page.locator("#" + id + " input").first();
        input.fill(value);
        input.press("Tab");
    }

    private void signUpAs(String email, SessionId session) {
        newDevice();
        signIn(email, DEMO_PASSWORD, "sessies");
        page.locator("#signup-" + session).click();
        waitForVaadin();
    }

    @Test
    void trainerPlansTwoSeatsThirdPersonWaitsTakesTheOfferFromTheMailAndTrainerMarksAttendanceOnAPhone() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        String title = "Signalen herkennen " + UUID.randomUUID().toString().substring(0, 6);
        LocalDate date = LocalDate.now().plusDays(14);

        signIn(TRAINER, DEMO_PASSWORD, "sessies/beheer");
        page.locator("#new-session").click();
        waitVisible("#session-title");
        fill("session-title", title);
        fill("session-date", date.format(DateTimeFormatter.ofPattern("d-M-yyyy")));
        fill("session-start", "19:30");
        fill("session-end", "21:00");
        fill("session-location", "Dorpshuis De Kiel, Dalen");
        fill("session-capacity", "2");
        page.locator("#save-session").click();
        waitForVaadin();
        page.getByText(title).first().waitFor();
        checkAccessibility("trainer list");
        screenshot("sessions-trainer-list", LAPTOP_WIDTH);
        SessionId session = db.select(TRAINING_SESSION.ID).from(TRAINING_SESSION).where(TRAINING_SESSION.TITLE.eq(title))
                .fetchOne().value1();

        List<String> people = fx.participants(3, "Kapsalon Knip & Zo");
        signUpAs(people.get(0), session);
        signUpAs(people.get(1), session);
        signUpAs(people.get(2), session);
        page.getByText("Je staat op de wachtlijst: plaats 1").first().waitFor();
        checkAccessibility("participant sessions");
        screenshot("sessions-participant", PHONE_WIDTH);
        screenshot("sessions-participant", LAPTOP_WIDTH);

        // The first person cancels; the seat is offered to the third.
        newDevice();
        signIn(people.get(0), DEMO_PASSWORD, "sessies");
        var first = registrations.findLive(session, fx.userId(people.get(0))).orElseThrow().id();
        page.locator("#cancel-" + first).click();
        waitForVaadin();
        page.getByText("Je bent afgemeld.").first().waitFor();

        // The third person's offer mail, as the dev mailbox shows it.
        OutboxMail offer = fx.as(ADMIN, () -> outbox.latestTo(people.get(2))).getFirst();
        assertThat(offer.subject()).startsWith("Er is een plek vrij: " + title);
        Matcher link = Pattern.compile("http://[^\\s]+/aanbod/[A-Za-z0-9_-]{43}").matcher(offer.text());
        assertThat(link.find()).isTrue();
        newDevice();
        signIn(ADMIN, DEMO_PASSWORD, "dev-mailbox");
        page.getByText(people.get(2)).first().waitFor();

        // Accept from the link, on a phone, without signing in.
        newDevice();
        page.setViewportSize(PHONE_WIDTH, 780);
        page.navigate(link.group().replaceFirst("http://[^/]+/", url("")));
        waitForVaadin();
        screenshot("sessions-offer", PHONE_WIDTH);
        page.locator("#accept-offer").click();
        waitForVaadin();
        assertThat(page.locator("#offer-result").textContent()).startsWith("De plek is van jou");
        assertThat(registrations.findLive(session, fx.userId(people.get(2))).orElseThrow().status())
                .isEqualTo(RegistrationStatus.CONFIRMED);
        checkAccessibility("offer page");

        // The session starts; the trainer marks attendance on a phone.
        OffsetDateTime start = OffsetDateTime.now().minusMinutes(5);
        db.update(TRAINING_SESSION).set(TRAINING_SESSION.REGISTRATION_DEADLINE, start).set(TRAINING_SESSION.STARTS_AT, start)
                .set(TRAINING_SESSION.ENDS_AT, start.plusMinutes(90)).where(TRAINING_SESSION.ID.eq(session)).execute();
        newDevice();
        page.setViewportSize(PHONE_WIDTH, 780);
        signIn(TRAINER, DEMO_PASSWORD, "sessies/beheer/" + session);
        var third = registrations.findLive(session, fx.userId(people.get(2))).orElseThrow().id();
        var second = registrations.findLive(session, fx.userId(people.get(1))).orElseThrow().id();
        page.locator("#attendance-" + third + " vaadin-radio-button").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Aanwezig")).first().click();
        waitForVaadin();
        page.locator("#attendance-" + second + " vaadin-radio-button").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Afgemeld met reden")).first().click();
        waitForVaadin();
        assertThat(registrations.find(third).orElseThrow().attendance()).isEqualTo(Attendance.PRESENT);
        assertThat(registrations.find(second).orElseThrow().attendance()).isEqualTo(Attendance.EXCUSED);
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as("no sideways scrolling at 360 px").isTrue();
        checkAccessibility("trainer attendance");
        screenshot("sessions-attendance", PHONE_WIDTH);
        screenshot("sessions-attendance", LAPTOP_WIDTH);
        assertThat(accessibilityProblems).isEmpty();
    }

    /** On a phone the trainer's sessions are a one-column list and a tap opens one; on a laptop a row click does. */
    @Test
    void aTrainerReachesASessionWithOneTapOnAPhoneAndOneClickOnALaptop() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        fx.as(TRAINER, () -> sessions.create(nl.omzien.sessions.SessionFixtures.draft("Het gesprek aangaan in de winkel", 12, 8)));
        page.setViewportSize(PHONE_WIDTH, 740);
        signIn(TRAINER, DEMO_PASSWORD, "sessies/beheer");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#session-list")).isVisible();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("vaadin-grid")).isHidden();
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isTrue();
        var item = page.locator(".tap-item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Het gesprek aangaan in de winkel")).first();
        assertThat((Boolean) item.evaluate("e => e.getBoundingClientRect().right <= document.documentElement.clientWidth")).isTrue();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(item).containsText("Het gesprek aangaan in de winkel");
        screenshot("sessions-trainer-list-phone", PHONE_WIDTH);
        checkAccessibility("trainer list on a phone");
        item.click();
        page.waitForURL(u -> u.matches(".*/sessies/beheer/\\d+$"));
        waitForVaadin();

        page.setViewportSize(LAPTOP_WIDTH, 900);
        go("sessies/beheer");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#session-list")).isHidden();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("vaadin-grid")).isVisible();
        page.locator("vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Het gesprek aangaan in de winkel"))
                .first().click();
        page.waitForURL(u -> u.matches(".*/sessies/beheer/\\d+$"));
        assertThat(accessibilityProblems).isEmpty();
    }

    /** Issue 17's plain error page, as a lead on a phone sees it for a session that is not theirs. */
    @Test
    void theErrorPageForSomeoneElsesSessionIsPlainAndFitsAPhone() {
        signIn(LEAD_TWENTERAND, DEMO_PASSWORD);
        page.setViewportSize(PHONE_WIDTH, 780);
        go("sessies/beheer/987654321");
        assertThat(page.locator(".unexpected-error-view h1").innerText()).isEqualTo("Er ging iets mis");
        assertThat(page.locator("body").innerText()).doesNotContain("Exception", "No such session");
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("nothing wider than the phone").isTrue();
        screenshot("error-page", PHONE_WIDTH);
        checkAccessibility("error page");
        assertThat(accessibilityProblems).isEmpty();
    }
}
