package nl.omzien.trainers.ui;

import nl.omzien.base.MunicipalityId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.PersonId;
import nl.omzien.base.ui.ComponentTexts;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.people.MunicipalityService;
import nl.omzien.people.chooser.MunicipalityChooser;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.trainers.LapsedTrainerSession;
import nl.omzien.trainers.TrainerRule;
import nl.omzien.trainers.TrainerService;
import nl.omzien.trainers.TrainerStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

/**
 * The lead's trainers: who is qualified until when, who is not active or about to expire, planned sessions whose
 * trainer will not be qualified on the day, recording a qualification gained elsewhere, and the municipality's rule.
 * Cards rather than a grid, so it reads on a phone.
 */
@Route("trainers")
@Menu(order = 13, title = "nav.trainers", icon = "USER_STAR")
@RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
public class TrainersView extends VerticalLayout implements HasTitleKey, BeforeEnterObserver {

    private final TrainerService trainers;
    private final Clock clock;
    private final MunicipalityService municipalities;
    private final Div content = new Div();
    /** Only for an admin, who looks at one municipality at a time. */
    private final MunicipalityChooser choice;
    private MunicipalityId municipalityId;

    public TrainersView(TrainerService trainers, MunicipalityService municipalities, CurrentUser currentUser, Clock clock) {
        this.trainers = trainers;
        this.clock = clock;
        this.municipalities = municipalities;
        addClassName("trainers-view");
        setMaxWidth("52rem");
        var user = currentUser.require();
        municipalityId = user.municipalityId();
        choice = user.isAdmin() ? new MunicipalityChooser("trainers-municipality", getTranslation("trainers.municipality")) : null;
        if (choice != null) {
            choice.onChoose(chosen -> {
                municipalityId = chosen;
                refresh();
            });
            add(choice);
        }
        content.setWidthFull();
        add(content);
    }

    /** On every visit, also to a reused view: the trainers, sessions and rule as they are now; an admin's choice stays. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (choice != null) {
            choice.offerKeeping(municipalities.visible(), municipalityId);
        }
        refresh();
    }

    private DateTimeFormatter dates() {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
    }

    private void refresh() {
        content.removeAll();
        if (municipalityId == null) {
            return;
        }
        TrainerRule rule = trainers.rule(municipalityId);
        content.add(new H2(getTranslation("trainers.list")));
        List<TrainerStatus> all = trainers.trainers(municipalityId);
        if (all.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("trainers.none"));
            none.setId("trainers-none");
            content.add(none);
        }
        for (TrainerStatus trainer : all) {
            content.add(card(trainer, rule));
        }
        content.add(lapsed());
        content.add(recordForm());
        content.add(ruleForm(rule));
    }

    private Div card(TrainerStatus trainer, TrainerRule rule) {
        Div card = new Div();
        card.addClassName("trainer-card");
        card.setId("trainer-" + trainer.personId());
        Span state = new Span(getTranslation("trainers.state." + trainer.state().name()));
        state.getElement().getThemeList().add("badge" + switch (trainer.state()) {
            case ACTIVE -> " success";
            case EXPIRED -> " error";
            case NOT_ACTIVE, EXPIRING -> " warning";
            case CANDIDATE -> "";
        });
        state.addClassName("trainer-state");
        card.add(new H3(trainer.name()), state);
        if (trainer.expiresOn() != null) {
            card.add(new Paragraph(getTranslation(trainer.state() == TrainerStatus.State.EXPIRED ? "trainers.expired-on"
                    : "trainers.valid-until", dates().format(trainer.expiresOn()))));
            card.add(new Paragraph(getTranslation("trainers.source." + trainer.source().name())));
        } else {
            card.add(new Paragraph(getTranslation("trainers.candidate-needs")));
        }
        Paragraph sessions = new Paragraph(getTranslation("trainers.sessions-last-year", trainer.sessionsLastYear(),
                rule.minSessionsPerYear(), trainer.sessionsLed()));
        sessions.addClassName("trainer-sessions");
        card.add(sessions);
        return card;
    }

    private Div lapsed() {
        Div section = new Div(new H2(getTranslation("trainers.lapsed")));
        section.setId("trainers-lapsed");
        List<LapsedTrainerSession> list = trainers.sessionsWithoutQualifiedTrainer(municipalityId);
        if (list.isEmpty()) {
            section.add(new Paragraph(getTranslation("trainers.lapsed.none")));
            return section;
        }
        section.add(new Paragraph(getTranslation("trainers.lapsed.intro")));
        for (LapsedTrainerSession session : list) {
            Paragraph item = new Paragraph(getTranslation("trainers.lapsed.item", session.title(),
                    dates().format(SessionTimes.local(session.startsAt()).toLocalDate()), session.trainerName(),
                    session.validUntil() == null ? getTranslation("trainers.lapsed.never") : dates().format(session.validUntil())));
            item.addClassName("lapsed-session");
            section.add(item);
        }
        return section;
    }

    private Div recordForm() {
        Div section = new Div(new H2(getTranslation("trainers.record")), new Paragraph(getTranslation("trainers.record.intro")));
        section.setId("trainers-record");
        section.addClassName("trainer-form");
        Map<PersonId, String> people = trainers.people(municipalityId);
        ComboBox<PersonId> person = new ComboBox<>(getTranslation("trainers.record.person"), people.keySet());
        person.setItemLabelGenerator(id -> people.getOrDefault(id, ""));
        person.setId("record-person");
        person.setWidthFull();
        TextArea evidence = new TextArea(getTranslation("trainers.record.evidence"));
        evidence.setHelperText(getTranslation("trainers.record.evidence-help"));
        evidence.setMaxLength(TrainerService.MAX_EVIDENCE);
        evidence.setId("record-evidence");
        evidence.setWidthFull();
        DatePicker expires = new DatePicker(getTranslation("trainers.record.expires"));
        ComponentTexts.datePicker(expires);
        expires.setMin(LocalDate.now(clock.withZone(SessionTimes.ZONE)).plusDays(1));
        expires.setId("record-expires");
        Button save = new Button(getTranslation("trainers.record.save"));
        save.setId("record-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("person", person, "evidence", evidence, "expiresOn", expires);
        save.addClickListener(click -> {
            FormErrors.clear(fields);
            try {
                trainers.recordExternal(municipalityId, person.getValue(),
                        evidence.getValue(), expires.getValue());
                FormErrors.saved(getTranslation("trainers.record.saved"));
                refresh();
            } catch (InvalidInputException problem) {
                FormErrors.show(problem, fields);
            }
        });
        section.add(person, evidence, expires, save);
        return section;
    }

    private Div ruleForm(TrainerRule rule) {
        Div section = new Div(new H2(getTranslation("trainers.rule")), new Paragraph(getTranslation(
                rule.ownRule() ? "trainers.rule.own" : "trainers.rule.default")));
        section.setId("trainers-rule");
        section.addClassName("trainer-form");
        IntegerField validity = new IntegerField(getTranslation("trainers.rule.validity"));
        validity.setValue(rule.validityMonths());
        validity.setId("rule-validity");
        IntegerField minimum = new IntegerField(getTranslation("trainers.rule.minimum"));
        minimum.setValue(rule.minSessionsPerYear());
        minimum.setId("rule-minimum");
        Button save = new Button(getTranslation("action.save"));
        save.setId("rule-save");
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("validityMonths", validity, "minSessionsPerYear", minimum);
        save.addClickListener(click -> {
            FormErrors.clear(fields);
            try {
                trainers.changeRule(municipalityId, validity.getValue(), minimum.getValue());
                FormErrors.saved(getTranslation("action.saved"));
                refresh();
            } catch (InvalidInputException problem) {
                FormErrors.show(problem, fields);
            }
        });
        section.add(validity, minimum, save);
        return section;
    }

    @Override
    public String titleKey() {
        return "nav.trainers";
    }
}
