package nl.omzien.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.content.ScenarioStep;
import nl.omzien.training.content.Step;
import nl.omzien.people.Audience;
import nl.omzien.test.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Walks every path through the example scenario in the real player, browserless. */
class ExampleModulePlayerTest extends KaribuTest {

    @Autowired
    ModuleCatalog catalog;

    /** Every path from the start node to an outcome, as reply indexes. */
    private static void paths(ScenarioStep scenario, String nodeId, List<Integer> sofar, List<List<Integer>> out) {
        ScenarioStep.Node node = scenario.node(nodeId);
        if (node.isOutcome()) {
            out.add(List.copyOf(sofar));
            return;
        }
        for (int i = 0; i < node.replies().size(); i++) {
            sofar.add(i);
            paths(scenario, node.replies().get(i).next(), sofar, out);
            sofar.removeLast();
        }
    }

    @SuppressWarnings("unchecked")
    private static void answerAssessment(String prefix, int value) {
        for (String key : List.of("recognise", "raise", "refer")) {
            _get(ConfidenceScale.class, spec -> spec.withId(prefix + "-" + key)).setValue(value);
        }
    }

    @Test
    void everyPathThroughTheExampleScenarioEndsInItsOutcome() {
        var module = catalog.current("voorbeeld").orElseThrow();
        ScenarioStep scenario = (ScenarioStep) module.stepsFor(Audience.SHOP).stream()
                .filter(ScenarioStep.class::isInstance).findFirst().orElseThrow();
        List<List<Integer>> paths = new ArrayList<>();
        paths(scenario, scenario.start(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThanOrEqualTo(3);

        signInAs("chantal.meijer@demo.example");
        open("training/voorbeeld");
        _click(_get(Button.class, spec -> spec.withId("start-module")));
        assertThat(_get(ConfidenceScale.class, spec -> spec.withId("before-recognise")).isInvalid())
                .as("start refused without the confidence answers").isTrue();
        assertThat(_get(H2.class, spec -> spec.withId("step-heading")).getText()).isEqualTo(module.title().nl());
        answerAssessment("before", 2);
        _click(_get(Button.class, spec -> spec.withId("start-module")));

        assertThat(_get(com.vaadin.flow.component.html.Image.class, spec -> spec.withClasses("lesson-image")).getAlt().orElseThrow())
                .contains("Iemand belt aan bij een huis");
        List<Step> steps = module.stepsFor(Audience.SHOP);
        for (Step step : steps) {
            if (step == scenario) {
                break;
            }
            assertThat(_get(H2.class, spec -> spec.withId("step-heading")).getText()).isEqualTo(step.title().nl());
            _click(_get(Button.class, spec -> spec.withId("next-step")));
        }
        assertThat(_get(H2.class, spec -> spec.withId("step-heading")).getText()).isEqualTo(scenario.title().nl());
        assertThat(_get(Button.class, spec -> spec.withId("next-step")).isEnabled()).as("next waits for an outcome").isFalse();

        for (List<Integer> path : paths) {
            String at = scenario.start();
            for (int replyIndex : path) {
                ScenarioStep.Reply reply = scenario.node(at).replies().get(replyIndex);
                Button button = _find(Button.class, spec -> spec.withClasses("scenario-reply")).stream()
                        .filter(b -> b.getText().equals(reply.text().nl())).findFirst().orElseThrow();
                _click(button);
                at = reply.next();
            }
            ScenarioStep.Outcome expected = scenario.node(at).outcome();
            Div outcome = _get(Div.class, spec -> spec.withId("scenario-outcome"));
            assertThat(outcome.getElement().getTextRecursively()).contains(expected.text().nl());
            assertThat(outcome.getClassNames()).contains("quality-" + expected.result().name().toLowerCase());
            assertThat(_get(Button.class, spec -> spec.withId("next-step")).isEnabled()).isTrue();
            _click(_get(Button.class, spec -> spec.withId("scenario-try-again")));
        }
    }
}
