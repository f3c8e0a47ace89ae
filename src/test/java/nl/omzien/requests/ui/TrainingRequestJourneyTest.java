package nl.omzien.requests.ui;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import nl.omzien.base.PersonId;
import nl.omzien.dashboard.Breakdown;
import nl.omzien.dashboard.DashboardFilter;
import nl.omzien.dashboard.DashboardService;
import nl.omzien.requests.RequestId;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionId;
import nl.omzien.test.BrowserTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.requests.internal.db.Tables.TRAINING_REQUEST;
import static nl.omzien.sessions.internal.db.Tables.REGISTRATION;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20's journey: an organisation contact requests a training, the lead assigns a trainer, the trainer plans it,
 * two colleagues sign up through the invite link, the trainer adds a walk-in without e-mail on a 360 px phone, marks
 * attendance and prints the certificates; the dashboard then counts three more people trained in a group. Mails are
 * read from the outbox, as the dev mailbox would show them.
 */
class TrainingRequestJourneyTest extends BrowserTest {

    @Autowired DSLContext db;
    @Autowired UserDetailsService accounts;
    @Autowired DashboardService dashboard;

    private String lastMailTo(String email) {
        return db.select(MAIL_OUTBOX.BODY_TEXT).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(email))
                .orderBy(MAIL_OUTBOX.ID.desc()).limit(1).fetchOne(MAIL_OUTBOX.BODY_TEXT);
    }

    private static String path(String mail, String pattern) {
        Matcher m = Pattern.compile("https?://[^/\\s]+/(" + pattern + ")").matcher(mail);
        assertThat(m.find()).as(mail).isTrue();
        return m.group(1);
    }

    private void fill(String selector, String value) {
        Locator input = page.locator(selector + " input, " + selector + " textarea").first();
        input.fill(value);
        input.press("Tab");
    }

    private long trainedInAGroup(SessionFixtures fx) {
        YearMonth now = YearMonth.now(clock); // the dashboard counts months in Amsterdam, as the app's clock
        return fx.as(LEAD_COEVORDEN, () -> dashboard.byHow(new DashboardFilter(fx.municipality("Coevorden"), now, now), Locale.of("nl")))
                .stream().filter(b -> b.key().equals("GROUP")).mapToLong(Breakdown::count).sum();
    }

    @Test
    void aRequestedTrainingIsAssignedPlannedSignedUpForGivenAndCounted() throws Exception {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        long groupBefore = trainedInAGroup(fx);

        // 1. The organisation contact asks for a training.
        signIn(ORG_CONTACT, DEMO_PASSWORD, "mijn-organisatie/training-aanvragen");
        page.locator("#request-audience").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Zorg en welzijn")).first().click();
        fill("#request-people", "3");
        fill("#request-periods", "Een ochtend in de komende weken");
        fill("#request-place", "Ons kantoor, Markt 1 Coevorden");
        page.locator("#request-send").click();
        assertThat(page.locator("#request-received")).containsText("Bedankt");
        checkAccessibility("contact request form");
        RequestId request = db.select(TRAINING_REQUEST.ID).from(TRAINING_REQUEST).where(TRAINING_REQUEST.CONTACT_EMAIL.eq(ORG_CONTACT))
                .orderBy(TRAINING_REQUEST.ID.desc()).limit(1).fetchOne(TRAINING_REQUEST.ID);

        // 2. The lead assigns the demo trainer.
        newDevice();
        signIn(LEAD_COEVORDEN, DEMO_PASSWORD, "aanvragen");
        Locator card = page.locator("#request-" + request.value());
        String trainerName = db.select(APP_USER.FULL_NAME).from(APP_USER).where(APP_USER.EMAIL.eq(TRAINER)).fetchOne(APP_USER.FULL_NAME);
        card.locator(".request-trainer input").fill(trainerName);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(trainerName)).first().click();
        card.locator(".request-assign").click();
        assertThat(page.locator("#request-" + request.value() + " .request-status")).hasText("Toegewezen");
        checkAccessibility("lead requests");
        screenshot("requests-lead", PHONE_WIDTH);

        // 3. The trainer proposes tomorrow morning; the contact accepts through the mailed link, without signing in.
        newDevice();
        signIn(TRAINER, DEMO_PASSWORD, "aanvragen");
        Locator mine = page.locator("#my-request-" + request.value());
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        Locator date = mine.locator(".propose-date input");
        date.fill(tomorrow.format(DateTimeFormatter.ofPattern("d-M-yyyy")));
        date.press("Enter"); // commits the date and closes the calendar, which would cover the button
        waitForVaadin();
        fill("#my-request-" + request.value() + " .propose-start", "10:00");
        mine.locator(".request-propose").click();
        waitForVaadin();
        checkAccessibility("trainer requests");
        screenshot("requests-trainer", PHONE_WIDTH);
        String acceptPath = path(lastMailTo(ORG_CONTACT), "training-aanvraag/[A-Za-z0-9_-]{43}");

        newDevice();
        page.setViewportSize(PHONE_WIDTH, 780);
        go(acceptPath);
        assertThat(page.locator("#accept-proposal")).containsText("10:00");
        page.locator("#accept-button").click();
        assertThat(page.locator("#accept-status")).containsText("De training is gepland");
        checkAccessibility("accept proposal");
        screenshot("requests-accept", PHONE_WIDTH);
        String signUpPath = path(lastMailTo(ORG_CONTACT), "aanmelden/sessie/[A-Za-z0-9_-]+");
        SessionId session = db.select(TRAINING_REQUEST.SESSION_ID).from(TRAINING_REQUEST).where(TRAINING_REQUEST.ID.eq(request))
                .fetchOne(TRAINING_REQUEST.SESSION_ID);
        assertThat(session).isNotNull();

        // 4. Two colleagues sign up through the link and confirm their address from the mail.
        List<String> colleagues = List.of("anna-" + UUID.randomUUID().toString().substring(0, 6) + "@thuiszorg.example",
                "bert-" + UUID.randomUUID().toString().substring(0, 6) + "@thuiszorg.example");
        for (String colleague : colleagues) {
            newDevice();
            page.setViewportSize(PHONE_WIDTH, 780);
            go(signUpPath);
            assertThat(page.locator("#register-organisation input")).hasValue("Thuiszorg Zuidoost-Drenthe");
            page.locator("#register-name input").fill("Collega " + colleague.substring(0, 4));
            page.locator("#register-email input").fill(colleague);
            page.locator("#register-consent input").check();
            page.locator("#register-send").click();
            assertThat(page.locator("#register-sent")).containsText(colleague);
            newDevice();
            page.navigate(url(path(lastMailTo(colleague), "inloggen/link\\?token=[^\\s]+")));
            page.locator("button[type=submit]").click();
            page.waitForURL(u -> u.contains("/training/"));
            waitForVaadin();
        }
        assertThat(db.fetchCount(REGISTRATION, REGISTRATION.SESSION_ID.eq(session), REGISTRATION.STATUS.eq(nl.omzien.sessions.RegistrationStatus.CONFIRMED)))
                .isEqualTo(2);

        // 5. The session starts. On a phone the trainer adds a walk-in without e-mail, marks all three present and
        //    prints the certificates.
        OffsetDateTime start = OffsetDateTime.now().minusMinutes(5);
        db.update(TRAINING_SESSION).set(TRAINING_SESSION.REGISTRATION_DEADLINE, start).set(TRAINING_SESSION.STARTS_AT, start)
                .set(TRAINING_SESSION.ENDS_AT, start.plusMinutes(90)).where(TRAINING_SESSION.ID.eq(session)).execute();
        newDevice();
        page.setViewportSize(PHONE_WIDTH, 780);
        signIn(TRAINER, DEMO_PASSWORD, "sessies/beheer/" + session.value());
        page.locator("#add-walk-in").click();
        fill("#walk-in-name", "Gerda Loopbinnen");
        page.locator("#walk-in-save").click();
        waitForVaadin();
        assertThat(page.locator(".participant-name").filter(new Locator.FilterOptions().setHasText("Gerda Loopbinnen"))).hasCount(1);
        List<PersonId> present = db.select(REGISTRATION.USER_ID).from(REGISTRATION).where(REGISTRATION.SESSION_ID.eq(session))
                .fetch(REGISTRATION.USER_ID);
        assertThat(present).hasSize(3);
        for (var registration : db.select(REGISTRATION.ID).from(REGISTRATION).where(REGISTRATION.SESSION_ID.eq(session)).fetch(REGISTRATION.ID)) {
            page.locator("#attendance-" + registration.value() + " vaadin-radio-button")
                    .filter(new Locator.FilterOptions().setHasText("Aanwezig")).first().click();
            waitForVaadin();
        }
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as("no sideways scrolling at 360 px").isTrue();
        // Four "saved" notifications stacked at the bottom while they slide in and out; axe measured the overlapping
        // cards mid-way. The page is what is checked here: once they have gone (3 s each).
        page.locator("vaadin-notification-card").first().waitFor(new Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED).setTimeout(15_000));
        checkAccessibility("trainer session with walk-in");
        screenshot("requests-session-walk-in", PHONE_WIDTH);
        go("sessies/beheer/" + session.value());
        Download download = page.waitForDownload(() -> page.locator("#session-certificates-print").click());
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
        }

        // 6. The dashboard counts three more people trained in a group.
        assertThat(trainedInAGroup(fx) - groupBefore).isEqualTo(3);
        assertThat(accessibilityProblems).isEmpty();
    }

    /** Someone without an account on a phone: the public form, what happens to their data, axe clean in both languages. */
    @Test
    void thePublicFormFitsAPhoneAndSaysHowLongTheRequestersDataStays() {
        page.setViewportSize(PHONE_WIDTH, 780);
        go("training-aanvragen/coevorden");
        assertThat(page.url()).as("no sign-in asked").contains("/training-aanvragen/coevorden");
        assertThat(page.locator("#request-privacy").textContent())
                .isEqualTo("We gebruiken je gegevens alleen voor deze aanvraag. 12 maanden na het laatste bericht over je "
                        + "aanvraag halen we je naam, e-mailadres en opmerkingen weg.");
        assertThat(noSidewaysScroll())
                .as("no sideways scrolling at 360 px").isTrue();
        screenshot("public-request", PHONE_WIDTH);
        screenshot("public-request", LAPTOP_WIDTH);
        checkAccessibility("public training request on a phone");

        page.locator("vaadin-button[lang=en]").click();
        waitForVaadin();
        page.waitForFunction("() => { const p = document.querySelector('#request-privacy'); return p && p.textContent.startsWith('We use'); }");
        checkAccessibility("public training request in English");
        org.assertj.core.api.Assertions.assertThat(accessibilityProblems).isEmpty();
    }
}
