package nl.omzien.shell;

import com.vaadin.flow.component.html.Anchor;
import nl.omzien.dashboard.ui.DashboardView;
import nl.omzien.test.KaribuTest;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The start page says where to continue; a coalition lead lands on the dashboard after signing in. */
class HomeViewTest extends KaribuTest {

    @org.springframework.beans.factory.annotation.Autowired nl.omzien.training.TrainingService training;

    @Test
    void aParticipantSeesWhereToContinue() {
        signInAs(PARTICIPANT);
        open("");
        Anchor next = _get(Anchor.class, spec -> spec.withId("home-continue"));
        assertThat(next.getHref()).startsWith("training/");
        assertThat(next.getText()).startsWith("Verder waar je was:");
    }

    @Test
    void whereYouWereNamesTheStepThePlayerOpensAt() {
        signInAs(PARTICIPANT);
        open("");
        Anchor next = _get(Anchor.class, spec -> spec.withId("home-continue"));
        String moduleId = next.getHref().substring("training/".length());
        var attempt = training.openAttempt(moduleId).orElseThrow();
        String step = training.moduleOf(attempt).stepsFor(attempt.audience()).stream()
                .filter(s -> s.id().equals(attempt.currentStepId())).findFirst().orElseThrow().title().nl();
        assertThat(next.getText()).contains("bij \"" + step + "\"");
        // The player opens at that very step.
        open(next.getHref());
        assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("step-heading")).getText()).isEqualTo(step);
    }

    @Test
    void aCoalitionLeadLandsOnTheDashboardOnceAndCanStillOpenTheStartPage() {
        signInAs(LEAD_COEVORDEN);
        open("");
        assertThat(_find(DashboardView.class)).hasSize(1);
        open("");
        assertThat(_find(HomeView.class)).hasSize(1);
    }
}
