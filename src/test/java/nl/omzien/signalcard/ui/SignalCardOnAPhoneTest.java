package nl.omzien.signalcard.ui;

import com.microsoft.playwright.Download;
import nl.omzien.test.BrowserTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 21: the signal card page and the contact form's kern field on a 360 px phone; the card downloads. */
class SignalCardOnAPhoneTest extends BrowserTest {


    @Test
    void onAPhoneAParticipantPrintsTheSignalCardAndTheLeadSeesTheKernField() throws Exception {
        page.setViewportSize(PHONE_WIDTH, 740);
        signIn(PARTICIPANT, DEMO_PASSWORD, "signaleringskaart");
        assertThat(page.locator("#signal-card-a4")).isVisible();
        assertThat(page.locator("#signal-card-counter")).isVisible();
        org.assertj.core.api.Assertions.assertThat(noSidewaysScroll()).isTrue();
        screenshot("signal-card-page", PHONE_WIDTH);
        checkAccessibility("signal card page on a phone");
        Download download = page.waitForDownload(() -> page.locator("#signal-card-a4").click());
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            org.assertj.core.api.Assertions.assertThat(pdf.getNumberOfPages()).isEqualTo(1);
        }

        newDevice();
        page.setViewportSize(PHONE_WIDTH, 740);
        signIn(LEAD_COEVORDEN, DEMO_PASSWORD, "hulp-in-je-gemeente");
        assertThat(page.locator("#signal-card-link")).isVisible();
        page.locator("#add-contact").click();
        waitVisible("#contact-kern");
        page.locator("#contact-kern").scrollIntoViewIfNeeded();
        screenshot("contact-form-kern", PHONE_WIDTH);
        checkAccessibility("contact form with kern on a phone");
        org.assertj.core.api.Assertions.assertThat(accessibilityProblems).isEmpty();
    }
}
