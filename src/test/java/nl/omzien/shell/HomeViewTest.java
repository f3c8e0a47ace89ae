package nl.omzien.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import nl.omzien.dashboard.ui.DashboardView;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionId;
import nl.omzien.test.KaribuTest;
import nl.omzien.training.SelfAssessment;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The start page says where to continue; a coalition lead lands on the dashboard after signing in. */
class HomeViewTest extends KaribuTest {

    @org.springframework.beans.factory.annotation.Autowired nl.omzien.training.TrainingService training;
    @org.springframework.beans.factory.annotation.Autowired org.jooq.DSLContext db;
    @org.springframework.beans.factory.annotation.Autowired org.springframework.security.core.userdetails.UserDetailsService accounts;
    @org.springframework.beans.factory.annotation.Autowired nl.omzien.sessions.SessionService sessions;
    @org.springframework.beans.factory.annotation.Autowired nl.omzien.sessions.RegistrationService registrations;

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

    @Test
    void aModuleStartedSinceIsWhereToContinueWhenTheStartPageIsOpenedAgain() {
        String newcomer = new SessionFixtures(db, accounts).participants(1, "Kapsalon Knip & Zo").getFirst();
        signInAs(newcomer);
        open("");
        HomeView view = _get(HomeView.class);
        Anchor first = _get(Anchor.class, spec -> spec.withId("home-continue"));
        assertThat(first.getText()).startsWith("Begin met:");
        String moduleId = first.getHref().substring("training/".length());
        training.start(moduleId, training.currentModule(moduleId).orElseThrow().audiences().iterator().next(),
                new SelfAssessment(3, 3, 3));
        open("");
        assertThat(_get(HomeView.class)).as("Vaadin reuses the open view").isSameAs(view);
        Anchor again = _get(Anchor.class, spec -> spec.withId("home-continue"));
        assertThat(again.getText()).startsWith("Verder waar je was:");
        assertThat(again.getHref()).isEqualTo("training/" + moduleId);
        assertThat(_find(view, H2.class)).hasSize(1);
    }

    @Test
    void aSessionSignedUpForSinceShowsOnTheStartPageWhenItIsOpenedAgain() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Koffie op maandag", 8, 5)));
        String newcomer = fx.participants(1, "Kapsalon Knip & Zo").getFirst();
        signInAs(newcomer);
        open("");
        assertThat(_find(Anchor.class, spec -> spec.withId("home-next-session"))).isEmpty();
        registrations.signUp(session);
        open("");
        assertThat(_get(Anchor.class, spec -> spec.withId("home-next-session")).getText()).contains("Koffie op maandag");
        assertThat(_find(_get(HomeView.class), Div.class, spec -> spec.withClasses("role-card"))).hasSize(1);
    }
}
