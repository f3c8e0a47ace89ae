package nl.omzien.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.PermitAll;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import nl.omzien.sessions.MyRegistration;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.training.ModuleOverview;
import nl.omzien.training.TrainingService;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

/**
 * The start page: a greeting; for a participant where to continue and their next session; per role
 * what this person can do here. A coalition lead lands on the dashboard right after signing in.
 */
@Route("")
@Menu(order = 0, title = "nav.home", icon = "HOME")
@PermitAll
public class HomeView extends VerticalLayout implements HasTitleKey, BeforeEnterObserver {

    /** Set once per browser session: only the first visit after signing in goes on to the dashboard. */
    private static final String LANDED = "omzien.home.landed";

    private final CurrentUser currentUser;
    private final TrainingService training;
    private final RegistrationService registrations;
    private final Clock clock;

    public HomeView(CurrentUser currentUser, TrainingService training, RegistrationService registrations, Clock clock) {
        this.currentUser = currentUser;
        this.training = training;
        this.registrations = registrations;
        this.clock = clock;
        addClassName("home-view");
    }

    /** Built at every entry, not once: Vaadin keeps this view when the Home menu item is clicked again. */
    private void show(SignedInUser user) {
        removeAll();
        add(new H2(getTranslation("home.greeting", user.fullName())));
        add(new Paragraph(getTranslation("home.intro")));
        if (user.has(Role.PARTICIPANT)) {
            Optional<ModuleOverview> next = training.myModules().stream().filter(m -> m.status() == ModuleOverview.Status.IN_PROGRESS)
                    .findFirst().or(() -> training.myModules().stream().filter(m -> m.status() == ModuleOverview.Status.NOT_STARTED).findFirst());
            next.ifPresent(m -> {
                // "Where you were" names the step the player opens at, so the learner knows what comes.
                Optional<String> step = m.status() == ModuleOverview.Status.IN_PROGRESS ? currentStep(training, m) : Optional.empty();
                String text = step.map(title -> getTranslation("home.continue.step", m.module().title().in(getLocale()), m.percent(), title))
                        .orElseGet(() -> getTranslation(m.status() == ModuleOverview.Status.IN_PROGRESS ? "home.continue" : "home.start",
                                m.module().title().in(getLocale()), m.percent()));
                Anchor go = new Anchor("training/" + m.module().id(), text);
                go.setId("home-continue");
                go.addClassName("home-next");
                add(go);
            });
            OffsetDateTime now = OffsetDateTime.now(clock);
            registrations.mine().stream().filter(r -> r.status().isLive() && r.session().endsAt().isAfter(now)).findFirst()
                    .ifPresent(r -> add(nextSession(r, clock)));
        }
        for (Role role : Role.values()) {
            if (user.has(role)) {
                Div card = new Div(new Paragraph(getTranslation("home.role." + role.name())));
                card.addClassName("role-card");
                card.getElement().setAttribute("data-role", role.name());
                add(card);
            }
        }
    }

    /** The title of the step the open attempt stands at (the player resumes there). */
    private Optional<String> currentStep(TrainingService training, ModuleOverview overview) {
        return training.openAttempt(overview.module().id()).flatMap(attempt -> training.moduleOf(attempt).stepsFor(attempt.audience())
                .stream().filter(s -> s.id().equals(attempt.currentStepId())).findFirst()).map(s -> s.title().in(getLocale()));
    }

    private Anchor nextSession(MyRegistration registration, Clock clock) {
        String when = registration.session().startsAt().atZoneSameInstant(clock.getZone())
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(getLocale()));
        Anchor session = new Anchor("sessies", getTranslation("home.next-session", registration.session().title(), when));
        session.setId("home-next-session");
        session.addClassName("home-next");
        return session;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SignedInUser user = currentUser.require();
        VaadinSession session = VaadinSession.getCurrent();
        boolean first = session != null && session.getAttribute(LANDED) == null;
        if (session != null) {
            session.setAttribute(LANDED, Boolean.TRUE);
        }
        if (first && user.has(Role.COALITION_LEAD) && !user.has(Role.PARTICIPANT)) {
            event.forwardTo("dashboard");
            return;
        }
        show(user);
    }

    @Override
    public String titleKey() {
        return "nav.home";
    }
}
