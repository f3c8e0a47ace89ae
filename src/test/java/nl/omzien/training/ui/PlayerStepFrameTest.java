package nl.omzien.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.internal.change.NodeChange;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.test.KaribuTest;
import nl.omzien.training.TrainingService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.ArrayList;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23: from step to step the player's frame (module title, progress, back and next, the variant choice) stays
 * in place and only what changes is sent; a step change sent ~150 changes when the frame was made again each time.
 */
class PlayerStepFrameTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    TrainingService training;

    private void startAsShopLearner(String moduleId) {
        signInAs(new SessionFixtures(db, accounts).participants(1, "Supermarkt De Brink").getFirst());
        open("training/" + moduleId);
        for (String key : List.of("recognise", "raise", "refer")) {
            _get(ConfidenceScale.class, spec -> spec.withId("before-" + key)).setValue(3);
        }
        _click(_get(Button.class, spec -> spec.withId("start-module")));
    }

    @Test
    void theFrameStaysFromStepToStepAndOnlyTheStepIsSentAgain() {
        startAsShopLearner("herkennen");
        var tree = UI.getCurrent().getInternals().getStateTree();
        Button next = _get(Button.class, spec -> spec.withId("next-step"));
        Button back = _get(Button.class, spec -> spec.withId("previous-step"));
        Details choice = _get(Details.class, spec -> spec.withId("audience-choice"));
        String firstHeading = _get(H2.class, spec -> spec.withId("step-heading")).getText();
        tree.runExecutionsBeforeClientResponse();
        tree.collectChanges(change -> { });

        _click(next);
        tree.runExecutionsBeforeClientResponse();
        List<NodeChange> changes = new ArrayList<>();
        tree.collectChanges(changes::add);

        assertThat(_get(H2.class, spec -> spec.withId("step-heading")).getText()).isNotEqualTo(firstHeading);
        assertThat(_get(Button.class, spec -> spec.withId("next-step"))).isSameAs(next);
        assertThat(_get(Button.class, spec -> spec.withId("previous-step"))).isSameAs(back);
        assertThat(back.isEnabled()).as("back to the first step").isTrue();
        assertThat(_get(Details.class, spec -> spec.withId("audience-choice"))).isSameAs(choice);
        assertThat(changes.stream().filter(change -> change.getNode() == next.getElement().getNode()))
                .as("next keeps its node: no detach or attach, only its new listener")
                .noneMatch(change -> change instanceof com.vaadin.flow.internal.change.NodeDetachChange
                        || change instanceof com.vaadin.flow.internal.change.NodeAttachChange);

        // Back again: the same frame, the first step's heading.
        _click(back);
        assertThat(_get(H2.class, spec -> spec.withId("step-heading")).getText()).isEqualTo(firstHeading);
        assertThat(_get(Button.class, spec -> spec.withId("next-step"))).isSameAs(next);
        assertThat(back.isEnabled()).isFalse();
    }

    /** A reflection the app refuses (a control character pasted in) keeps the learner on the step, "next" usable. */
    @Test
    void aRefusedReflectionLeavesNextUsable() {
        startAsShopLearner("voorbeeld");
        var attempt = training.openAttempt("voorbeeld").orElseThrow();
        training.goTo(attempt.id(), "reflectie");
        open("training/voorbeeld");
        TextArea answer = _get(TextArea.class, spec -> spec.withId("reflection-answer"));
        Button next = _get(Button.class, spec -> spec.withId("next-step"));
        answer.setValue("Ik let op\u0007 mijn buren.");
        _click(next);

        assertThat(answer.isInvalid()).isTrue();
        assertThat(next.isEnabled()).as("the learner can try again").isTrue();
        answer.setValue("Ik let op mijn buren.");
        _click(next);
        assertThat(training.myReflection(attempt.id(), "reflectie")).contains("Ik let op mijn buren.");
    }
}
