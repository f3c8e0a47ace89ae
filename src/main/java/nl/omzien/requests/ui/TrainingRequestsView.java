package nl.omzien.requests.ui;

import com.vaadin.flow.component.HasValidation;
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
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.base.PersonId;
import nl.omzien.base.ui.ComponentTexts;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.people.Municipality;
import nl.omzien.people.MunicipalityService;
import nl.omzien.requests.Proposal;
import nl.omzien.requests.RequestStatus;
import nl.omzien.requests.TrainingRequest;
import nl.omzien.requests.TrainingRequestService;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import nl.omzien.sessions.SessionTimes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

/**
 * Training requests: the lead sees the municipality's requests (admins choose a municipality) and assigns a trainer,
 * declines or accepts a proposal; a trainer proposes a date for the requests assigned to them. Cards, not a grid,
 * so it reads on a phone. Thin: every check is in {@link TrainingRequestService}.
 */
@Route("aanvragen")
@Menu(order = 15, title = "nav.requests", icon = "INBOX")
@RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE, Role.TRAINER_ROLE})
public class TrainingRequestsView extends VerticalLayout implements BeforeEnterObserver, HasTitleKey {

    private final TrainingRequestService requests;
    private final Clock clock;
    private final boolean lead;
    private final Div content = new Div();
    private MunicipalityId municipalityId;

    public TrainingRequestsView(TrainingRequestService requests, MunicipalityService municipalities, CurrentUser currentUser,
                                Clock clock) {
        this.requests = requests;
        this.clock = clock;
        addClassName("requests-view");
        setMaxWidth("52rem");
        SignedInUser user = currentUser.require();
        lead = user.isAdmin() || user.has(Role.COALITION_LEAD);
        municipalityId = user.municipalityId();
        if (user.isAdmin()) {
            List<Municipality> all = municipalities.visible();
            ComboBox<Municipality> choice = new ComboBox<>(getTranslation("requests.municipality"), all);
            choice.setId("requests-municipality");
            choice.setItemLabelGenerator(Municipality::name);
            choice.setClearButtonVisible(true);
            choice.setHelperText(getTranslation("requests.municipality-all"));
            choice.addValueChangeListener(change -> {
                municipalityId = change.getValue() == null ? null : change.getValue().id();
                refresh();
            });
            add(choice);
        }
        content.setWidthFull();
        add(content);
    }

    /** Vaadin reuses this view when its own route is opened again: the requests are read anew every time. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        content.removeAll();
        List<TrainingRequest> mine = requests.assignedToMe();
        if (!mine.isEmpty() || !lead) {
            Div section = new Div(new H2(getTranslation("requests.mine")));
            section.setId("requests-mine");
            if (mine.isEmpty()) {
                section.add(new Paragraph(getTranslation("requests.mine.none")));
            }
            mine.forEach(r -> section.add(card(r, false)));
            content.add(section);
        }
        if (lead) {
            Div section = new Div(new H2(getTranslation("requests.all")));
            section.setId("requests-all");
            List<TrainingRequest> all = requests.requests(municipalityId);
            if (all.isEmpty()) {
                section.add(new Paragraph(getTranslation("requests.none")));
            }
            all.forEach(r -> section.add(card(r, true)));
            content.add(section);
        }
    }

    private String date(OffsetDateTime at) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale()).format(SessionTimes.local(at));
    }

    private String dateTime(TrainingRequest r) {
        return getTranslation("requests.proposal", date(r.proposedStartsAt()),
                SessionTimes.local(r.proposedStartsAt()).toLocalTime().toString(),
                SessionTimes.local(r.proposedEndsAt()).toLocalTime().toString(), r.proposedPlace());
    }

    private static Span badge(String text, String theme, String className) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge" + (theme.isEmpty() ? "" : " " + theme));
        badge.addClassName(className);
        return badge;
    }

    private Div card(TrainingRequest r, boolean asLead) {
        Div card = new Div();
        card.addClassName("request-card");
        card.setId((asLead ? "request-" : "my-request-") + r.id().value());
        card.add(new H3(r.organisationName()));
        card.add(badge(getTranslation("requests.status." + r.status().name()), switch (r.status()) {
            case NEW -> "";
            case ASSIGNED -> "contrast";
            case PLANNED -> "success";
            case DECLINED -> "error";
        }, "request-status"));
        if (r.held()) {
            card.add(badge(getTranslation("requests.held"), "warning", "request-held"));
        }
        if (r.waitingTooLong()) {
            card.add(badge(getTranslation("requests.waiting-too-long"), "error", "request-waiting"));
        }
        card.add(new Paragraph(getTranslation("requests.details", getTranslation("audience." + r.audience().name()),
                r.peopleCount(), r.place())));
        card.add(new Paragraph(getTranslation("requests.periods", r.preferredPeriods())));
        if (r.remarks() != null) {
            card.add(new Paragraph(getTranslation("requests.remarks", r.remarks())));
        }
        card.add(new Paragraph(getTranslation("requests.contact", r.contactName(), r.contactEmail(), date(r.receivedAt()))));
        if (r.trainerName() != null) {
            card.add(new Paragraph(getTranslation("requests.trainer", r.trainerName())));
        }
        if (r.hasProposal()) {
            Paragraph proposal = new Paragraph(dateTime(r));
            proposal.addClassName("request-proposal");
            card.add(proposal);
        }
        if (r.status() == RequestStatus.DECLINED) {
            card.add(new Paragraph(getTranslation("requests.declined-because", r.declineReason())));
        }
        boolean open = r.status() == RequestStatus.NEW || r.status() == RequestStatus.ASSIGNED;
        if (open && asLead) {
            leadActions(card, r);
        } else if (open && !asLead) {
            proposeForm(card, r);
        }
        return card;
    }

    private void leadActions(Div card, TrainingRequest r) {
        if (r.hasProposal()) {
            Button accept = new Button(getTranslation("requests.accept"), click -> act(() -> requests.accept(r.id(), r.version()),
                    "requests.accepted", Map.of()));
            accept.addClassName("request-accept");
            accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            accept.setDisableOnClick(true);
            card.add(accept);
        }
        Map<PersonId, String> trainers = requests.qualifiedTrainers(r.id());
        ComboBox<PersonId> trainer = new ComboBox<>(getTranslation("requests.assign.trainer"), trainers.keySet());
        trainer.setItemLabelGenerator(id -> trainers.getOrDefault(id, ""));
        trainer.addClassName("request-trainer");
        trainer.setValue(r.trainerId() != null && trainers.containsKey(r.trainerId()) ? r.trainerId() : null);
        trainer.setWidthFull();
        Map<OrganisationId, String> organisations = requests.organisations(r.id());
        ComboBox<OrganisationId> organisation = new ComboBox<>(getTranslation("requests.assign.organisation"), organisations.keySet());
        organisation.setItemLabelGenerator(id -> organisations.getOrDefault(id, ""));
        organisation.addClassName("request-organisation");
        organisation.setHelperText(getTranslation("requests.assign.organisation-help"));
        organisation.setValue(r.organisationId());
        organisation.setWidthFull();
        Button assign = new Button(getTranslation(r.trainerId() == null ? "requests.assign" : "requests.reassign"));
        assign.addClassName("request-assign");
        Map<String, HasValidation> assignFields = Map.of("trainer", trainer, "organisation", organisation);
        assign.addClickListener(click -> act(() -> requests.assign(r.id(), r.version(), trainer.getValue(), organisation.getValue()),
                "requests.assigned", assignFields));
        TextArea reason = new TextArea(getTranslation("requests.decline.reason"));
        reason.addClassName("request-decline-reason");
        reason.setMaxLength(500);
        reason.setWidthFull();
        Button decline = new Button(getTranslation("requests.decline"));
        decline.addClassName("request-decline");
        decline.addThemeVariants(ButtonVariant.LUMO_ERROR);
        decline.addClickListener(click -> act(() -> requests.decline(r.id(), r.version(), reason.getValue()),
                "requests.declined", Map.of("reason", reason)));
        card.add(organisation, trainer, assign, reason, decline);
    }

    private void proposeForm(Div card, TrainingRequest r) {
        DatePicker date = new DatePicker(getTranslation("requests.propose.date"));
        ComponentTexts.datePicker(date);
        date.setMin(LocalDate.now(clock.withZone(SessionTimes.ZONE)));
        date.addClassName("propose-date");
        TimePicker start = new TimePicker(getTranslation("requests.propose.start"));
        start.setStep(java.time.Duration.ofMinutes(15));
        start.addClassName("propose-start");
        TimePicker end = new TimePicker(getTranslation("requests.propose.end"));
        end.setStep(java.time.Duration.ofMinutes(15));
        end.addClassName("propose-end");
        start.addValueChangeListener(e -> {
            if (e.getValue() != null && end.isEmpty()) {
                end.setValue(e.getValue().plusMinutes(90));
            }
        });
        TextField place = new TextField(getTranslation("requests.propose.place"));
        place.setValue(r.hasProposal() ? r.proposedPlace() : r.place());
        place.setMaxLength(300);
        place.setWidthFull();
        place.addClassName("propose-place");
        if (r.hasProposal()) {
            date.setValue(SessionTimes.local(r.proposedStartsAt()).toLocalDate());
            start.setValue(SessionTimes.local(r.proposedStartsAt()).toLocalTime());
            end.setValue(SessionTimes.local(r.proposedEndsAt()).toLocalTime());
        }
        Button propose = new Button(getTranslation(r.hasProposal() ? "requests.propose.again" : "requests.propose"));
        propose.addClassName("request-propose");
        propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Map<String, HasValidation> fields = Map.of("date", date, "startTime", start, "endTime", end, "place", place);
        propose.addClickListener(click -> act(() -> requests.propose(r.id(), r.version(),
                new Proposal(date.getValue(), start.getValue(), end.getValue(), place.getValue())), "requests.proposed", fields));
        card.add(date, start, end, place, propose);
    }

    private void act(Runnable action, String doneKey, Map<String, HasValidation> fields) {
        FormErrors.clear(fields);
        try {
            action.run();
            FormErrors.saved(getTranslation(doneKey));
            refresh();
        } catch (InvalidInputException problem) {
            FormErrors.show(problem, fields);
            if (problem.errors().containsKey("request")) {
                refresh();
            }
        }
    }

    @Override
    public String titleKey() {
        return "nav.requests";
    }
}
