package nl.omzien.campaigns.ui;

import nl.omzien.campaigns.ActivityDraft;
import nl.omzien.campaigns.CampaignService;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionService;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.test.BrowserTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: a resident on a phone opens the municipality's public agenda without signing in, reads the trainings
 * and activities, and signs up for a training through its invite form; 360 px wide, axe clean, in Dutch and English.
 */
class PublicAgendaJourneyTest extends BrowserTest {


    @Autowired CampaignService campaigns;
    @Autowired SessionService sessions;
    @Autowired DSLContext db;
    @Autowired UserDetailsService accounts;

    @Test
    void aResidentReadsTheAgendaOnAPhoneWithoutSigningInAndOpensTheSignUpForm() {
        var fx = new SessionFixtures(db, accounts);
        LocalDate today = LocalDate.now(SessionTimes.ZONE);
        fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Eenzaamheid herkennen in de winkel", 10, 4)
                .setTrainerIds(Set.of(fx.userId(TRAINER)))));
        var week = fx.as(LEAD_COEVORDEN, () -> campaigns.create(null, "Week van de Ontmoeting", today, today.plusDays(6)));
        fx.as(LEAD_COEVORDEN, () -> campaigns.addActivity(week, new ActivityDraft("Koffieochtend in het dorpshuis",
                today.plusDays(2), LocalTime.of(10, 0), LocalTime.of(12, 0), "Dorpshuis De Brink, Dalen", "Welzijn Coevorden",
                "Kom langs voor koffie en een praatje. Iedereen is welkom.", "https://www.example.org/koffie")));

        page.setViewportSize(PHONE_WIDTH, 780);
        go("agenda/coevorden");
        assertThat(page.url()).as("no sign-in asked").contains("/agenda/coevorden");
        assertThat(page.locator("h1").textContent()).isEqualTo("Agenda Coevorden");
        assertThat(page.locator(".agenda-training h3").allTextContents()).contains("Eenzaamheid herkennen in de winkel");
        assertThat(page.locator(".agenda-activity h3").allTextContents()).contains("Koffieochtend in het dorpshuis");
        assertThat(noSidewaysScroll()).as("no sideways scrolling at 360 px").isTrue();
        screenshot("public-agenda", PHONE_WIDTH);
        checkAccessibility("public agenda on a phone");

        page.locator("vaadin-button[lang=en]").click();
        waitForVaadin();
        page.waitForFunction("() => document.querySelector('h2') && document.querySelector('h2').textContent === 'Trainings'");
        checkAccessibility("public agenda in English");

        page.locator(".agenda-training").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Eenzaamheid herkennen in de winkel")).locator("a.agenda-sign-up").click();
        // Wait for the new address: Vaadin can look idle before the link's navigation has started (a full run once read
        // the agenda's address here).
        page.waitForURL(u -> u.contains("/aanmelden/sessie/"));
        waitForVaadin();
        assertThat(page.url()).contains("/aanmelden/sessie/").contains("via=agenda");
        waitVisible("vaadin-text-field");
        assertThat(accessibilityProblems).isEmpty();
    }

    @Test
    void theLeadsCampaignPageFitsAPhone() {
        var fx = new SessionFixtures(db, accounts);
        LocalDate today = LocalDate.now(SessionTimes.ZONE);
        var week = fx.as(LEAD_COEVORDEN, () -> campaigns.create(null, "Week van de Ontmoeting", today, today.plusDays(6)));
        fx.as(LEAD_COEVORDEN, () -> campaigns.addActivity(week, new ActivityDraft("Ommetje door Coevorden",
                today.plusDays(1), LocalTime.of(14, 0), LocalTime.of(15, 0), "Start bij het kasteel", "Wandelclub De Vlinder",
                null, null)));
        page.setViewportSize(PHONE_WIDTH, 780);
        signIn(LEAD_COEVORDEN, DEMO_PASSWORD, "campagnes");
        page.locator("#campaign-open-" + week).click();
        waitVisible("#activity-form");
        assertThat(noSidewaysScroll()).as("no sideways scrolling at 360 px").isTrue();
        screenshot("campaigns-lead", PHONE_WIDTH);
        checkAccessibility("the lead's campaigns on a phone");

        // Changing the activity: its values fill the form, with a way back.
        page.locator("vaadin-button[id^=activity-edit-]").click();
        page.waitForFunction("() => document.querySelector('#activity-cancel') !== null");
        assertThat(page.locator("#activity-title input").inputValue()).isEqualTo("Ommetje door Coevorden");
        assertThat(noSidewaysScroll()).as("no sideways scrolling at 360 px").isTrue();
        page.locator("#activity-form").scrollIntoViewIfNeeded();
        screenshot("campaigns-lead-change-activity", PHONE_WIDTH);
        checkAccessibility("changing an activity on a phone");
        assertThat(accessibilityProblems).isEmpty();
    }
}
