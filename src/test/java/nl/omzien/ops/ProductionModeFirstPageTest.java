package nl.omzien.ops;

import nl.omzien.test.BrowserTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer sees after {@code mvn spring-boot:run}: the product, not Vaadin's development mode (decision
 * 019). The tests run from target/classes exactly as spring-boot:run does, so the mode found here is the run
 * command's; the first page has no dev-tools or Copilot element and passes axe.
 */
class ProductionModeFirstPageTest extends BrowserTest {

    @Test
    void theBuildMarksTarget_classesForProductionMode() throws Exception {
        try (var token = getClass().getClassLoader().getResourceAsStream("META-INF/VAADIN/config/flow-build-info.json")) {
            assertThat(token).as("Vaadin's build token on the classpath").isNotNull();
            assertThat(new String(token.readAllBytes(), StandardCharsets.UTF_8)).containsPattern("\"productionMode\"\\s*:\\s*true");
        }
    }

    @Test
    void theFirstPageIsTheProductInProductionModeAndPassesAxe() {
        page.navigate(url(""));
        waitForVaadin();
        assertThat(page.evaluate("() => window.Vaadin.developmentMode === true")).isEqualTo(false);
        assertThat(page.locator("vaadin-dev-tools, copilot-main, vaadin-devmode-gizmo").count()).isZero();
        assertThat(page.content()).doesNotContain("development mode", "copilot");
        screenshot("first-page-production", PHONE_WIDTH);
        checkAccessibility("first page");
        assertThat(accessibilityProblems).isEmpty();
    }
}
