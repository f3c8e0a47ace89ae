package nl.omzien.trainers.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.people.Audience;
import nl.omzien.security.Role;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.trainers.KitPart;
import nl.omzien.trainers.MyTrainerStanding;
import nl.omzien.trainers.SessionFiguresForTrainer;
import nl.omzien.trainers.TrainerService;
import nl.omzien.trainers.TrainerStatus;
import nl.omzien.training.content.TrainingModule;

import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/**
 * The trainer's own page: their qualification and sessions given, the figures of each session they gave
 * (attendance, evaluation, their group's confidence before and after when enough answered), and the trainer kit.
 */
@Route("mijn-trainerschap")
@Menu(order = 14, title = "nav.my-trainer", icon = "SPECIALIST")
@RolesAllowed(Role.TRAINER_ROLE)
public class MyTrainerView extends VerticalLayout implements HasTitleKey, BeforeEnterObserver {

    private final TrainerService trainers;
    private final Div downloads = new Div();
    private Div standing = new Div();
    private Div figures = new Div();

    public MyTrainerView(TrainerService trainers) {
        this.trainers = trainers;
        addClassName("my-trainer-view");
        setMaxWidth("48rem");
        add(standing, kit(), figures);
    }

    /** Standing and figures anew on every visit, also to a reused view (the menu item clicked again); the kit choice stays. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        MyTrainerStanding mine = trainers.mine();
        Div freshStanding = standing(mine);
        replace(standing, freshStanding);
        standing = freshStanding;
        Div freshFigures = figures(mine);
        replace(figures, freshFigures);
        figures = freshFigures;
    }

    private DateTimeFormatter dates() {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
    }

    private Div standing(MyTrainerStanding mine) {
        Div section = new Div();
        section.setId("my-standing");
        TrainerStatus status = mine.status();
        if (status == null || status.state() == TrainerStatus.State.EXPIRED && status.expiresOn() == null) {
            section.add(new Paragraph(getTranslation("my-trainer.not-qualified")));
            return section;
        }
        Span state = new Span(getTranslation("trainers.state." + status.state().name()));
        state.getElement().getThemeList().add("badge" + switch (status.state()) {
            case ACTIVE -> " success";
            case EXPIRED -> " error";
            case NOT_ACTIVE, EXPIRING -> " warning";
            case CANDIDATE -> "";
        });
        state.setId("my-state");
        section.add(new H2(getTranslation("my-trainer.standing")), state);
        if (status.expiresOn() != null) {
            section.add(new Paragraph(getTranslation(status.state() == TrainerStatus.State.EXPIRED ? "trainers.expired-on"
                    : "trainers.valid-until", dates().format(status.expiresOn()))));
        } else {
            section.add(new Paragraph(getTranslation("trainers.candidate-needs")));
        }
        Paragraph sessions = new Paragraph(getTranslation("trainers.sessions-last-year", status.sessionsLastYear(),
                mine.rule().minSessionsPerYear(), status.sessionsLed()));
        sessions.setId("my-sessions-led");
        section.add(sessions);
        return section;
    }

    private Div kit() {
        Div section = new Div(new H2(getTranslation("my-trainer.kit")), new Paragraph(getTranslation("my-trainer.kit.intro")));
        section.setId("trainer-kit");
        section.addClassName("trainer-form");
        Map<String, TrainingModule> modules = trainers.kitModules();
        ComboBox<String> module = new ComboBox<>(getTranslation("my-trainer.kit.module"), modules.keySet());
        module.setItemLabelGenerator(id -> modules.get(id).title().in(getLocale()) + " (v" + modules.get(id).version() + ")");
        module.setId("kit-module");
        ComboBox<Audience> audience = new ComboBox<>(getTranslation("my-trainer.kit.audience"));
        audience.setItemLabelGenerator(a -> getTranslation("audience." + a.name()));
        audience.setId("kit-audience");
        module.addValueChangeListener(change -> {
            TrainingModule chosen = change.getValue() == null ? null : modules.get(change.getValue());
            audience.setItems(chosen == null ? java.util.List.of() : chosen.audiences().stream().sorted().toList());
            audience.setValue(chosen == null ? null : chosen.audiences().stream().sorted().findFirst().orElse(null));
            showDownloads(module.getValue(), audience.getValue());
        });
        audience.addValueChangeListener(change -> showDownloads(module.getValue(), change.getValue()));
        downloads.setId("kit-downloads");
        downloads.addClassName("kit-downloads");
        section.add(module, audience, downloads);
        if (!modules.isEmpty()) {
            module.setValue(modules.keySet().iterator().next());
        }
        return section;
    }

    private void showDownloads(String moduleId, Audience audience) {
        downloads.removeAll();
        if (moduleId == null || audience == null) {
            return;
        }
        Locale locale = getLocale();
        for (KitPart part : KitPart.values()) {
            Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
                TrainerService.KitDocument document = trainers.kit(moduleId, audience, part, locale);
                return new DownloadResponse(new ByteArrayInputStream(document.pdf()), document.fileName(), "application/pdf",
                        document.pdf().length);
            }), getTranslation("kit.part." + part.name().toLowerCase(Locale.ROOT)));
            link.getElement().setAttribute("download", true);
            link.setId("kit-" + part.name().toLowerCase(Locale.ROOT));
            link.addClassName("kit-download");
            downloads.add(new Div(link));
        }
    }

    private Div figures(MyTrainerStanding mine) {
        Div section = new Div(new H2(getTranslation("my-trainer.figures")));
        section.setId("my-figures");
        if (mine.sessions().isEmpty()) {
            section.add(new Paragraph(getTranslation("my-trainer.figures.none")));
        }
        for (SessionFiguresForTrainer f : mine.sessions()) {
            Div card = new Div(new H3(f.title() + " · " + dates().format(SessionTimes.local(f.startsAt()).toLocalDate())));
            card.addClassName("trainer-session-figures");
            card.addClassName("trainer-card");
            card.setId("figures-" + f.sessionId().value());
            card.add(new Paragraph(getTranslation("my-trainer.figures.attendance", f.present(), f.places())));
            card.add(new Paragraph(f.evaluationAverage() == null ? getTranslation("my-trainer.figures.no-evaluations")
                    : getTranslation("my-trainer.figures.evaluation", String.format(getLocale(), "%.1f", f.evaluationAverage()),
                    f.evaluations())));
            Paragraph confidence = new Paragraph(f.confidenceBefore() == null
                    ? getTranslation("my-trainer.figures.confidence-too-few", f.confidenceAnswered(), SessionFiguresForTrainer.MIN_ANSWERS)
                    : getTranslation("my-trainer.figures.confidence", String.format(getLocale(), "%.1f", f.confidenceBefore()),
                    String.format(getLocale(), "%.1f", f.confidenceAfter()), f.confidenceAnswered()));
            confidence.addClassName("figures-confidence");
            card.add(confidence);
            section.add(card);
        }
        return section;
    }

    @Override
    public String titleKey() {
        return "nav.my-trainer";
    }
}
