package nl.omzien.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.nodefeature.ElementPropertyMap;
import com.vaadin.flow.internal.nodefeature.PropertyChangeDeniedException;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.test.KaribuTest;
import nl.omzien.training.TrainingService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23: the confidence statements keep one state node each on the server; their buttons are made in the
 * browser, and whatever the browser sends back is checked here.
 */
class ConfidenceScaleTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    TrainingService training;

    private static ConfidenceScale statement(String key) {
        return _get(ConfidenceScale.class, spec -> spec.withId("before-" + key));
    }

    /** What the browser sends when the learner picks a button: the property, through the same path as Vaadin's RPC. */
    private static void browserSends(ConfidenceScale scale, String value) {
        try {
            scale.getElement().getNode().getFeature(ElementPropertyMap.class).deferredUpdateFromClient("value", value).run();
        } catch (PropertyChangeDeniedException denied) {
            throw new AssertionError("the browser may not change the value", denied);
        }
    }

    private void openModule() {
        signInAs(new SessionFixtures(db, accounts).participants(1, "Supermarkt De Brink").getFirst());
        open("training/herkennen");
    }

    @Test
    void eachStatementIsOneNodeAndItsFiveLabelledButtonsAreMadeInTheBrowser() {
        openModule();
        ConfidenceScale recognise = statement("recognise");
        assertThat(recognise.getElement().getChildCount()).as("no server-side buttons").isZero();
        assertThat(recognise.getElement().getProperty("label")).isEqualTo("Ik herken signalen van eenzaamheid.");
        assertThat(recognise.getElement().getProperty("required", false)).isTrue();

        // Karibu has sent the first page already; attached again (as after a detach), the buttons are asked for again.
        Element form = recognise.getElement().getParent();
        int at = form.indexOfChild(recognise.getElement());
        form.removeChild(recognise.getElement());
        form.insertChild(at, recognise.getElement());
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        List<List<Object>> sent = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .filter(js -> js.getOwner() == recognise.getElement().getNode())
                .map(js -> js.getInvocation().getParameters()).toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().toString()).contains("1 · helemaal niet", "5 · heel sterk");
    }

    @Test
    void aPickedButtonCountsAndAnythingElseTheBrowserSendsIsNoAnswer() {
        openModule();
        browserSends(statement("recognise"), "4");
        browserSends(statement("raise"), "9");
        browserSends(statement("refer"), "<b>");
        assertThat(statement("recognise").getValue()).isEqualTo(4);
        assertThat(statement("raise").getValue()).isNull();

        _click(_get(Button.class, spec -> spec.withId("start-module")));
        assertThat(training.openAttempt("herkennen")).as("not started with a missing answer").isEmpty();
        assertThat(statement("raise").isInvalid()).isTrue();
        assertThat(statement("raise").getErrorMessage()).isEqualTo("Kies een cijfer.");
        assertThat(statement("recognise").isInvalid()).isFalse();

        browserSends(statement("raise"), "2");
        browserSends(statement("refer"), "5");
        _click(_get(Button.class, spec -> spec.withId("start-module")));
        assertThat(training.openAttempt("herkennen")).isPresent();
    }
}
