package nl.omzien.certificates.ui;

import com.microsoft.playwright.Download;
import nl.omzien.certificates.PdfReading;
import nl.omzien.people.Audience;
import nl.omzien.test.BrowserTest;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.ModuleWalker;
import nl.omzien.training.TrainingService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.nio.file.Files;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A participant earns a certificate, downloads it, and a stranger's browser checks it. */
class CertificateJourneyTest extends BrowserTest {

    /** Łukasz passed "herkennen" in the demo history; "gesprek" and "doorverwijzen" complete the path. Used by no other test. */
    private static final String EMAIL = "lukasz.nowak@demo.example";
    private static final Pattern CODE = Pattern.compile("OMZ-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");

    @Autowired
    TrainingService training;
    @Autowired
    ModuleCatalog catalog;
    @Autowired
    UserDetailsService accounts;

    /** Earlier sessions of the participant, done through the service as she would in the player. */
    private void completeModulesAs(String email, String... modules) {
        var user = accounts.loadUserByUsername(email);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            ModuleWalker walker = new ModuleWalker(training, catalog);
            for (String module : modules) {
                walker.complete(module, Audience.CHURCH);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aParticipantCompletesThePathDownloadsTheCertificateAndAnyoneCanCheckIt() throws Exception {
        signIn(EMAIL, DEMO_PASSWORD, "mijn-certificaten");
        assertThat(page.locator("#no-certificates")).isVisible();

        completeModulesAs(EMAIL, "gesprek", "doorverwijzen");

        go("mijn-certificaten");
        var card = page.locator(".certificate-card").first();
        assertThat(card).containsText("Signaleerder eenzaamheid");
        assertThat(card).containsText("Geldig");
        String code = CODE.matcher(card.innerText()).results().findFirst().orElseThrow().group();
        screenshot("my-certificates", PHONE_WIDTH);
        screenshot("my-certificates", LAPTOP_WIDTH);

        Download download = page.waitForDownload(() -> page.locator("#download-" + code).click());
        // Kept outside the browser context: closing the context deletes its downloads.
        java.nio.file.Path saved = java.nio.file.Path.of("target/screenshots/certificate-" + code + ".pdf");
        download.saveAs(saved);
        byte[] pdf = Files.readAllBytes(saved);
        assertThat(download.suggestedFilename()).isEqualTo("certificaat-" + code + ".pdf");
        assertThat(PdfReading.text(pdf)).contains("Łukasz Nowak", code, "Signaleerder eenzaamheid");
        String verifyUrl = PdfReading.qrCode(pdf);
        assertThat(verifyUrl).endsWith("/verify/" + code);
        // The same certificate as an Open Badge (issue 22), to upload below.
        java.nio.file.Path badge = java.nio.file.Path.of("target/screenshots/open-badge-" + code + ".jwt");
        page.waitForDownload(() -> page.locator("#badge-" + code).click()).saveAs(badge);

        // A stranger: a fresh browser, never signed in, opens the link from the QR code.
        newDevice();
        page.setViewportSize(PHONE_WIDTH, 780);
        go("verify/" + code);
        assertThat(page).hasURL(Pattern.compile(".*/verify/" + code));
        assertThat(page.locator("#verify-status")).hasText("Geldig");
        assertThat(page.locator("#verify-holder")).hasText("Ł. N.");
        assertThat(page.locator("body")).not().containsText("Łukasz Nowak");
        screenshot("verify-valid", PHONE_WIDTH);
        screenshot("verify-valid", LAPTOP_WIDTH);
        checkAccessibility("verify");
        assertThat(accessibilityProblems).isEmpty();

        // The downloaded file itself, uploaded on the page, is recognised as the issued one.
        page.locator("#verify-pdf input[type=file]").setInputFiles(saved);
        assertThat(page.locator("#verify-pdf-result")).hasText("Dit bestand is precies het certificaat dat we hebben uitgegeven.");
        page.locator("#verify-badge input[type=file]").setInputFiles(badge);
        assertThat(page.locator("#verify-badge-result")).hasText("Dit is een echt certificaat van Omzien (code " + code + "). Status: Geldig.");
    }

    /** On a phone the coalition lead taps a certificate in the list and reaches "Opnieuw uitgeven" on screen. */
    @Test
    void onAPhoneTheReissueButtonIsOnScreen() {
        page.setViewportSize(PHONE_WIDTH, 780);
        signIn(LEAD_COEVORDEN, DEMO_PASSWORD, "certificaten");
        page.locator("#certificate-list .tap-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Geldig")).first().click();
        var reissue = page.locator("vaadin-button[id^='details-reissue-']").first();
        reissue.waitFor();
        Object inView = reissue.evaluate("b => { const r = b.getBoundingClientRect(); return r.width > 0 && r.left >= 0"
                + " && r.right <= document.documentElement.clientWidth; }");
        assertThat((Boolean) inView).as("'Opnieuw uitgeven' within the 360 px screen").isTrue();
        screenshot("certificates-admin", PHONE_WIDTH);
    }
}
