package nl.omzien.training.ui;

import nl.omzien.base.SecretTokens;
import nl.omzien.test.BrowserTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.training.internal.db.Tables.FOLLOW_UP;
import static nl.omzien.training.internal.db.Tables.MODULE_ATTEMPT;
import static org.assertj.core.api.Assertions.assertThat;

/** A participant taps "Ja" in the follow-up mail on their phone, without signing in, and tells what happened. */
class FollowUpJourneyTest extends BrowserTest {

    @Autowired
    DSLContext db;

    @Test
    void oneTapFromTheMailOnAPhoneThenAnOptionalStory() {
        // A demo follow-up of a module completed months ago, given a link we know.
        long attemptId = db.select(FOLLOW_UP.ATTEMPT_ID).from(FOLLOW_UP)
                .join(MODULE_ATTEMPT).on(MODULE_ATTEMPT.ID.eq(FOLLOW_UP.ATTEMPT_ID))
                .join(APP_USER).on(APP_USER.ID.eq(MODULE_ATTEMPT.USER_ID))
                .where(APP_USER.EMAIL.eq("anouk.kuipers@demo.example")).fetchSingle(FOLLOW_UP.ATTEMPT_ID);
        String token = SecretTokens.newToken();
        db.update(FOLLOW_UP).set(FOLLOW_UP.TOKEN_HASH, SecretTokens.hash(token)).set(FOLLOW_UP.MAILED_AT, java.time.OffsetDateTime.now())
                .setNull(FOLLOW_UP.NOTICED).setNull(FOLLOW_UP.ANSWERED_AT).setNull(FOLLOW_UP.STORY)
                .where(FOLLOW_UP.ATTEMPT_ID.eq(attemptId)).execute();

        page.setViewportSize(PHONE_WIDTH, 740);
        go("terugblik/" + token + "?answer=yes");
        assertThat(page.locator(".follow-up-thanks")).containsText("Dank je wel");
        assertThat(page.locator("vaadin-button[aria-pressed='true']")).hasText("Ja");
        assertThat(db.select(FOLLOW_UP.NOTICED).from(FOLLOW_UP).where(FOLLOW_UP.ATTEMPT_ID.eq(attemptId))
                .fetchOne(FOLLOW_UP.NOTICED)).isTrue();
        checkAccessibility("follow-up answered");
        assertThat(accessibilityProblems).isEmpty();
        screenshot("follow-up-answered", PHONE_WIDTH);
        screenshot("follow-up-answered", LAPTOP_WIDTH);

        page.locator("vaadin-text-area textarea").fill("Een klant bleef na het knippen lang praten. Ik vroeg hoe het thuis ging.");
        page.locator("vaadin-button", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Versturen")).click();
        assertThat(page.locator(".follow-up-saved")).containsText("Dank je wel");
        assertThat(db.select(FOLLOW_UP.STORY).from(FOLLOW_UP).where(FOLLOW_UP.ATTEMPT_ID.eq(attemptId))
                .fetchOne(FOLLOW_UP.STORY)).startsWith("Een klant bleef");
        screenshot("follow-up-story", PHONE_WIDTH);
    }
}
