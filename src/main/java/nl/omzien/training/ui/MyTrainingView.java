package nl.omzien.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.security.Role;
import nl.omzien.training.ModuleOverview;
import nl.omzien.training.TrainingService;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** "Mijn training": every module with where the participant stands, and one button to go on. */
@Route("mijn-training")
@Menu(order = 5, title = "nav.my-training", icon = "ACADEMY_CAP")
@RolesAllowed(Role.PARTICIPANT_ROLE)
public class MyTrainingView extends VerticalLayout implements HasTitleKey, BeforeEnterObserver {

    private final TrainingService training;
    private final Clock clock;
    private final ReferralTally tally;

    public MyTrainingView(TrainingService training, nl.omzien.training.ReferralService referrals, Clock clock) {
        this.training = training;
        this.clock = clock;
        addClassName("my-training");
        setMaxWidth("48rem");
        // Issue 21: after the modules, the two-tap tally of people noticed or referred.
        tally = new ReferralTally(referrals::record);
    }

    /** Read at every entry, not once: Vaadin keeps this view when its menu item is clicked again. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
        nl.omzien.people.Audience myAudience = java.util.Objects.requireNonNullElse(training.defaultAudience(),
                nl.omzien.people.Audience.PROFESSIONAL);
        for (ModuleOverview overview : training.myModules()) {
            String id = overview.module().id();
            Div card = new Div();
            card.addClassName("module-card");
            card.setId("module-" + id);
            H2 title = new H2(overview.module().title().in(getLocale()));
            Paragraph summary = new Paragraph(overview.module().summary().in(getLocale()));
            Span status = new Span(switch (overview.status()) {
                // Issue 18: the time of the learner's own variant (for shop staff the core), read at 150 words per minute.
                case NOT_STARTED -> getTranslation("training.status.not-started", nl.omzien.training.content.ReadingTime.minutes(
                        overview.module().requiredStepsFor(myAudience), t -> t.in(getLocale())) + 1);
                case IN_PROGRESS -> getTranslation("training.status.in-progress", overview.percent());
                case COMPLETED -> getTranslation("training.status.completed",
                        overview.completedAt().atZoneSameInstant(clock.getZone()).format(date), overview.score());
            });
            status.addClassName("module-status");
            card.add(title, summary, status);
            if (overview.status() == ModuleOverview.Status.IN_PROGRESS) {
                ProgressBar bar = new ProgressBar(0, 100, overview.percent());
                bar.getElement().setAttribute("aria-label", getTranslation("training.status.in-progress", overview.percent()));
                card.add(bar);
            }
            Button go = new Button(getTranslation(switch (overview.status()) {
                case NOT_STARTED -> "training.action.start";
                case IN_PROGRESS -> "training.action.continue";
                case COMPLETED -> "training.action.again";
            }), click -> getUI().ifPresent(ui -> ui.navigate(PlayerView.class, new RouteParameters("moduleId", id))));
            go.setId("open-" + id);
            go.getElement().setAttribute("aria-label", go.getText() + ": " + title.getText());
            if (overview.status() != ModuleOverview.Status.COMPLETED) {
                go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            card.add(go);
            add(card);
        }
        add(tally);
    }

    @Override
    public String titleKey() {
        return "nav.my-training";
    }
}
