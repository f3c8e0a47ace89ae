package nl.omzien.training.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import nl.omzien.people.Audience;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.test.KaribuTest;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.TrainingService;
import nl.omzien.training.content.Step;
import nl.omzien.training.content.TrainingModule;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: shop staff play a short core first, see the real remaining time per chapter, and may finish
 * without the optional practice. Quiz options are shuffled from the first try, the same way after a reload.
 */
class ShopCorePlayerTest extends KaribuTest {

    @Autowired
    ModuleCatalog catalog;
    @Autowired
    TrainingService training;
    @Autowired
    DSLContext db;
    @Autowired
    UserDetailsService accounts;

    private static int minutesIn(String text) {
        Matcher m = Pattern.compile("(\\d+) min").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @SuppressWarnings("unchecked")
    private static void answerAssessment(String prefix) {
        for (String key : List.of("recognise", "raise", "refer")) {
            _get(ConfidenceScale.class, spec -> spec.withId(prefix + "-" + key)).setValue(4);
        }
    }

    private static String heading() {
        return _get(H2.class, spec -> spec.withId("step-heading")).getText();
    }

    @Test
    void aShopLearnerDoesTheTwoCoreScreensSeesTheTimeLeftAndFinishesWithoutTheOptionalPractice() {
        String email = new SessionFixtures(db, accounts).participants(1, "Supermarkt De Brink").getFirst();
        signInAs(email);
        TrainingModule herkennen = catalog.current("herkennen").orElseThrow();
        List<Step> core = herkennen.requiredStepsFor(Audience.SHOP);
        assertThat(core).hasSize(2);

        open("training/herkennen");
        int before = minutesIn(_get(Paragraph.class, spec -> spec.withId("module-minutes")).getText());
        assertThat(before).as("the shop chapter, not the full module").isBetween(2, 5);
        answerAssessment("before");
        _click(_get(Button.class, spec -> spec.withId("start-module")));

        assertThat(heading()).isEqualTo(core.get(0).title().nl());
        int first = minutesIn(_get(Span.class, spec -> spec.withId("remaining-time")).getText());
        _assertNone(Button.class, spec -> spec.withId("skip-step"));
        _click(_get(Button.class, spec -> spec.withId("next-step")));

        assertThat(heading()).isEqualTo(core.get(1).title().nl());
        int second = minutesIn(_get(Span.class, spec -> spec.withId("remaining-time")).getText());
        assertThat(second).as("the time left goes down").isLessThanOrEqualTo(first);
        _click(_get(Button.class, spec -> spec.withId("next-step")));

        // Past the core: optional practice, which may be skipped, and the module can be finished now.
        assertThat(_get(Span.class, spec -> spec.withId("progress-text")).getText()).startsWith("Extra oefening 1 van");
        assertThat(_get(Button.class, spec -> spec.withId("skip-step")).isEnabled()).isTrue();
        _click(_get(Button.class, spec -> spec.withId("finish-core")));
        answerAssessment("after");
        _click(_get(Button.class, spec -> spec.withId("finish-module")));

        assertThat(training.lastCompleted("herkennen")).isPresent();
    }

    @Test
    void quizOptionsAreShuffledOnTheFirstTryAndStayTheSameAfterAReload() {
        String email = new SessionFixtures(db, accounts).participants(1, "Supermarkt De Brink").getFirst();
        signInAs(email);
        var attempt = training.start("doorverwijzen", Audience.SHOP, new nl.omzien.training.SelfAssessment(3, 3, 3));
        training.goTo(attempt.id(), "kern-quiz");
        var quiz = (nl.omzien.training.content.QuizStep) catalog.current("doorverwijzen").orElseThrow().steps().stream()
                .filter(s -> s.id().equals("kern-quiz")).findFirst().orElseThrow();

        open("training/doorverwijzen");
        List<List<Integer>> first = shownOrders(quiz);
        open("training/doorverwijzen");
        assertThat(shownOrders(quiz)).as("a reload shows the same order").isEqualTo(first);
        assertThat(first).isEqualTo(quiz.questions().stream()
                .map(q -> nl.omzien.training.content.QuizOrder.of(attempt.id(), quiz.id(), 0).options(q)).toList());
    }

    @SuppressWarnings("unchecked")
    private static List<List<Integer>> shownOrders(nl.omzien.training.content.QuizStep quiz) {
        return quiz.questions().stream().map(q -> {
            var field = _get(com.vaadin.flow.component.AbstractField.class, spec -> spec.withId("question-" + q.id()));
            if (field instanceof RadioButtonGroup<?> radio) {
                return ((RadioButtonGroup<Integer>) radio).getListDataView().getItems().toList();
            }
            return ((com.vaadin.flow.component.checkbox.CheckboxGroup<Integer>) field).getListDataView().getItems().toList();
        }).toList();
    }

    @Test
    void goingFromOneModuleToAnotherShowsEachModuleWhereTheLearnerStands() {
        String newcomer = new SessionFixtures(db, accounts).participants(1, "Kapsalon Knip & Zo").getFirst();
        signInAs(newcomer);
        var attempt = training.start("doorverwijzen", Audience.SHOP, new nl.omzien.training.SelfAssessment(3, 3, 3));
        String current = training.moduleOf(attempt).stepsFor(attempt.audience()).stream()
                .filter(s -> s.id().equals(attempt.currentStepId())).findFirst().orElseThrow().title().nl();
        open("training/doorverwijzen");
        PlayerView view = _get(PlayerView.class);
        assertThat(heading()).isEqualTo(current);

        open("training/herkennen");
        assertThat(_get(PlayerView.class)).as("Vaadin reuses the open view").isSameAs(view);
        assertThat(heading()).isEqualTo(catalog.current("herkennen").orElseThrow().title().nl());
        _get(Button.class, spec -> spec.withId("start-module"));
        _assertNone(Button.class, spec -> spec.withId("next-step"));

        open("training/doorverwijzen");
        assertThat(heading()).isEqualTo(current);
        _assertNone(Button.class, spec -> spec.withId("start-module"));
        _get(Button.class, spec -> spec.withId("next-step"));
    }

    /** The variant picker under a step is made when the learner opens it, and changing it there moves them to that variant. */
    @Test
    @SuppressWarnings("unchecked")
    void theVariantPickerUnderAStepComesWhenOpenedAndChangesTheVariant() {
        String email = new SessionFixtures(db, accounts).participants(1, "Supermarkt De Brink").getFirst();
        signInAs(email);
        open("training/herkennen");
        answerAssessment("before");
        _click(_get(Button.class, spec -> spec.withId("start-module")));
        Details choice = _get(Details.class, spec -> spec.withId("audience-choice"));
        assertThat(choice.getSummaryText()).contains("Winkel, kapper en horeca");
        _assertNone(Select.class, spec -> spec.withId("audience"));

        choice.setOpened(true);
        Select<Audience> picker = _get(Select.class, spec -> spec.withId("audience"));
        assertThat(picker.getValue()).isEqualTo(Audience.SHOP);
        // As the browser does it (Karibu's _setValue does not run on Vaadin 25.2): the new value, then the client's event.
        picker.setValue(Audience.CHURCH);
        ComponentUtil.fireEvent(picker, new AbstractField.ComponentValueChangeEvent<>(picker, picker, Audience.SHOP, true));

        assertThat(training.openAttempt("herkennen").orElseThrow().audience()).isEqualTo(Audience.CHURCH);
        assertThat(_get(Details.class, spec -> spec.withId("audience-choice")).getSummaryText()).contains("Kerk en vrijwilligers");
    }
}
