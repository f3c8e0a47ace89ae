package nl.omzien.training.ui;

import com.microsoft.playwright.Locator;
import nl.omzien.people.Audience;
import nl.omzien.test.BrowserTest;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.content.QuizStep;
import nl.omzien.training.content.Step;
import nl.omzien.training.content.TrainingModule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A participant completes the example module in headless Chromium: on a phone, and by keyboard only. */
class PlayerJourneyTest extends BrowserTest {

    @Autowired
    ModuleCatalog catalog;
    private boolean keyboardOnly;

    private TrainingModule example() {
        return catalog.current("voorbeeld").orElseThrow();
    }

    /** Activates an element by mouse, or by Tab until it has focus and then Enter/Space. */
    private void activate(Locator target, String key) {
        if (!keyboardOnly) {
            target.click();
            return;
        }
        for (int i = 0; i < 80; i++) {
            if ((Boolean) target.evaluate("e => e.matches(':focus, :focus-within')")) {
                page.keyboard().press(key);
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Could not reach " + target + " with the Tab key");
    }

    /**
     * Chooses a radio button. By keyboard that is Tab into the group, then the arrow keys, as in the
     * WAI-ARIA radio group pattern (Tab reaches the group, not each option).
     */
    private void chooseRadio(Locator group, int index) {
        Locator option = group.locator("vaadin-radio-button").nth(index).locator("input");
        if (!keyboardOnly) {
            option.click();
            return;
        }
        activate(group.locator("vaadin-radio-button").first().locator("input"), index == 0 ? "Space" : "ArrowDown");
        for (int i = 1; i < index; i++) {
            page.keyboard().press("ArrowDown");
        }
        assertThat((Boolean) option.evaluate("e => e.checked")).isTrue();
    }

    private void answerAssessment(String prefix) {
        for (String key : List.of("recognise", "raise", "refer")) {
            chooseRadio(page.locator("#" + prefix + "-" + key), 3);
        }
    }

    private String heading() {
        return page.locator("#step-heading").innerText().strip();
    }

    private void playCurrentStep(Step step) {
        switch (step) {
            case nl.omzien.training.content.ScenarioStep scenario -> {
                while (page.locator("#scenario-outcome").count() == 0) {
                    activate(page.locator("vaadin-button.scenario-reply").first(), "Enter");
                    waitForVaadin();
                }
                checkAccessibility("scenario");
            }
            case QuizStep quiz -> {
                for (QuizStep.Question question : quiz.questions()) {
                    Locator group = page.locator("#question-" + question.id());
                    for (int correct : question.correctOptions()) {
                        String label = question.options().get(correct).text().nl();
                        if (question.type() == QuizStep.QuestionType.SINGLE) {
                            List<String> shown = group.locator("vaadin-radio-button").allInnerTexts().stream().map(String::strip).toList();
                            chooseRadio(group, shown.indexOf(label));
                        } else {
                            activate(group.locator("vaadin-checkbox").filter(new Locator.FilterOptions().setHasText(label))
                                    .locator("input"), "Space");
                        }
                    }
                }
                activate(page.locator("#quiz-check"), "Enter");
                waitForVaadin();
                assertThat(page.locator("#quiz-result")).containsText("geslaagd");
                checkAccessibility("quiz");
            }
            case nl.omzien.training.content.ReflectionStep reflection -> {
                if (keyboardOnly) {
                    activate(page.locator("#reflection-answer textarea"), "End");
                    page.keyboard().type("Ik let beter op mijn buren.");
                } else {
                    page.locator("#reflection-answer textarea").fill("Ik let beter op mijn buren.");
                }
            }
            default -> checkAccessibility("lesson");
        }
        activate(page.locator("#next-step"), "Enter");
        waitForVaadin();
    }

    @Test
    void participantCompletesTheExampleOnAPhoneAndResumesOnAnotherDevice() {
        page.setViewportSize(PHONE_WIDTH, 740);
        signIn("ria.smit@demo.example", DEMO_PASSWORD, "mijn-training");
        checkAccessibility("my training");
        screenshot("my-training", PHONE_WIDTH);
        page.locator("#open-voorbeeld").click();
        waitForVaadin();
        checkAccessibility("module intro");
        answerAssessment("before");
        screenshot("player-confidence-questions", PHONE_WIDTH);
        page.locator("#start-module").click();
        waitForVaadin();

        // The first lesson's picture really loads (served from modules/voorbeeld/assets/).
        page.waitForFunction("() => { const i = document.querySelector('img.lesson-image');"
                + " return i && i.complete && i.naturalWidth > 0 && i.alt.length > 0; }");
        screenshot("player-lesson-image", PHONE_WIDTH);

        List<Step> steps = example().stepsFor(Audience.PROFESSIONAL);
        int half = steps.size() / 2;
        for (int i = 0; i < half; i++) {
            assertThat(heading()).isEqualTo(steps.get(i).title().nl());
            if (steps.get(i) instanceof nl.omzien.training.content.ScenarioStep) {
                screenshot("player-scenario-before", PHONE_WIDTH);
            }
            playCurrentStep(steps.get(i));
        }
        String resumeAt = heading();
        assertThat(resumeAt).isEqualTo(steps.get(half).title().nl());

        // Close the browser; sign in again in a new context ("another device").
        newDevice();
        page.setViewportSize(PHONE_WIDTH, 740);
        signIn("ria.smit@demo.example", DEMO_PASSWORD, "mijn-training");
        assertThat(page.locator("#module-voorbeeld")).containsText("Bezig");
        page.locator("#open-voorbeeld").click();
        waitForVaadin();
        assertThat(heading()).isEqualTo(resumeAt);

        for (int i = half; i < steps.size(); i++) {
            assertThat(heading()).isEqualTo(steps.get(i).title().nl());
            if (steps.get(i) instanceof nl.omzien.training.content.ScenarioStep) {
                playCurrentStep(steps.get(i));
                continue;
            }
            playCurrentStep(steps.get(i));
        }
        answerAssessment("after");
        checkAccessibility("closing");
        page.locator("#finish-module").click();
        waitForVaadin();
        assertThat(page.locator("#module-score")).containsText("100%");
        // "Klaar!" says what it brings and where to go next.
        assertThat(page.locator("#done-certificates-link")).isVisible();
        assertThat(page.locator("#done-next-module")).containsText("Verder met");
        screenshot("player-done", PHONE_WIDTH);
        go("mijn-training");
        assertThat(page.locator("#module-voorbeeld")).containsText("Afgerond");
        assertThat(accessibilityProblems).isEmpty();
    }

    @Test
    void participantCompletesTheExampleWithTheKeyboardOnly() {
        keyboardOnly = true;
        signIn("jolanda.hofman@demo.example", DEMO_PASSWORD, "training/voorbeeld");
        answerAssessment("before");
        activate(page.locator("#start-module"), "Enter");
        waitForVaadin();
        for (Step step : example().stepsFor(Audience.PROFESSIONAL)) {
            assertThat(heading()).isEqualTo(step.title().nl());
            if (step instanceof nl.omzien.training.content.ScenarioStep) {
                screenshot("player-scenario", LAPTOP_WIDTH);
                // On a laptop too, every reply spans the step's width and nothing is cut off.
                Object fills = page.evaluate("() => [...document.querySelectorAll('vaadin-button.scenario-reply')].every(b =>"
                        + " b.getBoundingClientRect().width >= document.querySelector('.step-body').getBoundingClientRect().width - 2"
                        + " && b.shadowRoot.querySelector('[part=label]').scrollWidth <= b.shadowRoot.querySelector('[part=label]').clientWidth + 1)");
                assertThat((Boolean) fills).as("replies fill the width at 1366 px").isTrue();
            }
            playCurrentStep(step);
        }
        answerAssessment("after");
        activate(page.locator("#finish-module"), "Enter");
        waitForVaadin();
        assertThat(page.locator("#module-score")).containsText("100%");
        assertThat(accessibilityProblems).isEmpty();
    }
}
