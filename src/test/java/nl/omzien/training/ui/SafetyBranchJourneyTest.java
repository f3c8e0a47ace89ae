package nl.omzien.training.ui;

import com.microsoft.playwright.Locator;
import nl.omzien.people.Audience;
import nl.omzien.test.BrowserTest;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.content.QuizStep;
import nl.omzien.training.content.ReflectionStep;
import nl.omzien.training.content.ScenarioStep;
import nl.omzien.training.content.ScenarioStep.Node;
import nl.omzien.training.content.ScenarioStep.Quality;
import nl.omzien.training.content.Step;
import nl.omzien.training.content.TrainingModule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A church volunteer completes module 2 (gesprek) in Chromium and, in the scenario with the safety branch,
 * takes the path where the other person hints at not wanting to live: stay calm, ask directly, no
 * secrecy, ask about a plan, and in acute danger stay and call 112.
 */
class SafetyBranchJourneyTest extends BrowserTest {

    /** Jannie Schepers, Protestantse Gemeente Dalen (sector CHURCH); no other test signs in as her. */
    private static final String CHURCH_VOLUNTEER = "jannie.schepers@demo.example";

    @Autowired
    ModuleCatalog catalog;

    private record Visit(String node, boolean pastSafety) {
    }

    /**
     * Reply indexes from the start to a good ending that passes a safety node, taking only good replies
     * after the safety node; good replies before it too when such a path exists.
     */
    static List<Integer> safetyPath(ScenarioStep scenario) {
        List<Integer> onlyGood = search(scenario, true);
        return onlyGood != null ? onlyGood : search(scenario, false);
    }

    private static List<Integer> search(ScenarioStep scenario, boolean goodBeforeSafety) {
        Visit start = new Visit(scenario.start(), scenario.node(scenario.start()).safety());
        Map<Visit, Visit> parent = new HashMap<>();
        Map<Visit, Integer> via = new HashMap<>();
        Deque<Visit> queue = new ArrayDeque<>(List.of(start));
        parent.put(start, null);
        while (!queue.isEmpty()) {
            Visit visit = queue.poll();
            Node node = scenario.node(visit.node());
            if (node.isOutcome()) {
                // Issue 18: the journey takes the acute-danger path, the one that ends after calling 112.
                if (visit.pastSafety() && node.outcome().result() == Quality.GOOD
                        && node.outcome().text().nl().matches("(?s).*\\b112\\b.*")) {
                    LinkedList<Integer> path = new LinkedList<>();
                    for (Visit v = visit; parent.get(v) != null; v = parent.get(v)) {
                        path.addFirst(via.get(v));
                    }
                    return path;
                }
                continue;
            }
            for (int i = 0; i < node.replies().size(); i++) {
                var reply = node.replies().get(i);
                if ((visit.pastSafety() || goodBeforeSafety) && reply.quality() != Quality.GOOD) {
                    continue;
                }
                Visit next = new Visit(reply.next(), visit.pastSafety() || scenario.node(reply.next()).safety());
                if (!parent.containsKey(next)) {
                    parent.put(next, visit);
                    via.put(next, i);
                    queue.add(next);
                }
            }
        }
        return null;
    }

    private void choose(int replyIndex) {
        page.locator("vaadin-button.scenario-reply").nth(replyIndex).click();
        waitForVaadin();
    }

    private void playGoodReplies(ScenarioStep scenario) {
        for (int turn = 0; page.locator("#scenario-outcome").count() == 0; turn++) {
            assertThat(turn).as("scenario " + scenario.id() + " ends").isLessThan(40);
            String prompt = page.locator(".bubble-them").last().innerText().strip();
            Node node = scenario.nodes().values().stream().filter(n -> !n.isOutcome() && n.says().nl().equals(prompt))
                    .findFirst().orElseThrow(() -> new AssertionError("No node says: " + prompt));
            int good = 0;
            while (node.replies().get(good).quality() != Quality.GOOD) {
                good++;
            }
            choose(good);
        }
    }

    private void answerQuizCorrectly(QuizStep quiz) {
        for (QuizStep.Question question : quiz.questions()) {
            Locator group = page.locator("#question-" + question.id());
            for (int correct : question.correctOptions()) {
                String label = question.options().get(correct).text().nl();
                String tag = question.type() == QuizStep.QuestionType.SINGLE ? "vaadin-radio-button" : "vaadin-checkbox";
                group.locator(tag).filter(new Locator.FilterOptions().setHasText(label)).first().locator("input").click();
            }
        }
        page.locator("#quiz-check").click();
        waitForVaadin();
        assertThat(page.locator("#quiz-result")).containsText("geslaagd");
    }

    private void answerAssessment(String prefix) {
        for (String key : List.of("recognise", "raise", "refer")) {
            page.locator("#" + prefix + "-" + key + " vaadin-radio-button").nth(3).locator("input").click();
        }
    }

    @Test
    void aChurchVolunteerCompletesTheConversationModuleAlongTheSafetyBranch() {
        TrainingModule gesprek = catalog.current("gesprek").orElseThrow();
        List<Step> steps = gesprek.stepsFor(Audience.CHURCH);
        ScenarioStep safetyScenario = steps.stream().filter(ScenarioStep.class::isInstance).map(ScenarioStep.class::cast)
                .filter(s -> s.nodes().values().stream().anyMatch(Node::safety)).findFirst().orElseThrow();
        List<Integer> safetyPath = safetyPath(safetyScenario);
        assertThat(safetyPath).as("a good path through the safety branch").isNotNull();

        page.setViewportSize(PHONE_WIDTH, 740);
        signIn(CHURCH_VOLUNTEER, DEMO_PASSWORD, "training/gesprek");
        assertThat(page.locator("#audience")).containsText("Kerk en vrijwilligers");
        answerAssessment("before");
        page.locator("#start-module").click();
        waitForVaadin();

        for (Step step : steps) {
            assertThat(page.locator("#step-heading")).hasText(step.title().nl());
            switch (step) {
                case ScenarioStep scenario when scenario == safetyScenario -> {
                    for (int i = 0; i < safetyPath.size(); i++) {
                        if (i == safetyPath.size() - 2) {
                            screenshot("gesprek-safety-branch", PHONE_WIDTH);
                        }
                        choose(safetyPath.get(i));
                    }
                    Locator outcome = page.locator("#scenario-outcome");
                    assertThat(outcome).containsText("Goed gedaan");
                    String conversation = page.locator(".step-body").innerText();
                    assertThat(conversation).contains("113").containsIgnoringCase("zelfmoord").contains("0800-0113")
                            .contains("Heb je een plan?").contains("ik bel nu 112");
                    checkAccessibility("safety scenario");
                    screenshot("gesprek-safety-outcome", PHONE_WIDTH);
                }
                case ScenarioStep scenario -> playGoodReplies(scenario);
                case QuizStep quiz -> answerQuizCorrectly(quiz);
                case ReflectionStep reflection -> page.locator("#reflection-answer textarea").fill("Rustig blijven en het direct vragen.");
                default -> { }
            }
            page.locator("#next-step").click();
            waitForVaadin();
        }
        answerAssessment("after");
        page.locator("#finish-module").click();
        waitForVaadin();
        assertThat(page.locator("#module-score")).containsText("100%");
        assertThat(accessibilityProblems).isEmpty();
    }
}
