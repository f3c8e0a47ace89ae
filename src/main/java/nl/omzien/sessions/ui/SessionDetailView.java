package nl.omzien.sessions.ui;

import nl.omzien.sessions.SessionId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.PersonId;
import nl.omzien.people.WalkIns;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.security.Role;
import nl.omzien.sessions.Attendance;
import nl.omzien.sessions.EvaluationSummary;
import nl.omzien.sessions.RegistrationStatus;
import nl.omzien.sessions.SessionPageExtension;
import nl.omzien.sessions.SessionParticipant;
import nl.omzien.sessions.SessionService;
import nl.omzien.sessions.TrainingSession;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One session for its trainer: who comes, attendance in a few taps (made for a phone), the check-in
 * QR code, the presence list PDF, and what participants thought of it.
 */
@Route("sessies/beheer")
@RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
public class SessionDetailView extends VerticalLayout implements HasTitleKey, HasUrlParameter<Long> {

    private final SessionService sessions;
    private final List<SessionPageExtension> extensions;
    private final WalkIns walkIns;
    private SessionId sessionId;
    private java.util.Set<nl.omzien.sessions.RegistrationId> evaluated = java.util.Set.of();

    public SessionDetailView(SessionService sessions, List<SessionPageExtension> extensions, WalkIns walkIns) {
        this.sessions = sessions;
        this.extensions = extensions;
        this.walkIns = walkIns;
        addClassName("session-detail");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        if (id == null || id <= 0) {
            throw new com.vaadin.flow.router.NotFoundException();
        }
        sessionId = SessionId.of(id);
        render();
    }

    private void render() {
        removeAll();
        TrainingSession session = sessions.get(sessionId);
        Locale locale = getLocale();
        add(new H2(session.title()));
        Paragraph when = new Paragraph(SessionFormat.when(session, locale));
        when.addClassName("session-when");
        add(when, new Paragraph(session.place()));
        Paragraph numbers = new Paragraph(getTranslation("session.numbers", session.confirmed(), session.capacity(),
                session.offered(), session.waitlisted()));
        numbers.setId("session-numbers");
        add(numbers);
        if (session.isClosed()) {
            add(new Paragraph(getTranslation("session.closed-for", session.organisationName())));
        }
        if (session.isCancelled()) {
            Span cancelled = new Span(getTranslation("session.status.cancelled"));
            cancelled.getElement().getThemeList().add("badge error");
            add(cancelled);
        }

        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        if (!session.isCancelled()) {
            Button edit = new Button(getTranslation("session.edit"), VaadinIcon.EDIT.create(),
                    click -> SessionEditing.open(sessions, sessions.get(sessionId), saved -> render()));
            edit.setId("edit-session");
            Button qr = new Button(getTranslation("session.qr"), VaadinIcon.QRCODE.create(), click -> showQr());
            qr.setId("show-qr");
            Button cancel = new Button(getTranslation("session.cancel"), VaadinIcon.CLOSE_CIRCLE.create(), click -> confirmCancel());
            cancel.setId("cancel-session");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            // Colleagues see the session to stand in at the door; moving or cancelling it is not theirs.
            boolean mayChange = sessions.mayChange(sessionId);
            edit.setVisible(mayChange);
            cancel.setVisible(mayChange && sessions.cancellable(session));
            Button walkIn = new Button(getTranslation("walk-in.add"), VaadinIcon.USER_CHECK.create(),
                    click -> new WalkInDialog(sessions, sessions.get(sessionId), this::render).open());
            walkIn.setId("add-walk-in");
            actions.add(walkIn, edit, qr, cancel);
        }
        Anchor pdf = new Anchor(DownloadHandler.fromInputStream(download -> {
            byte[] bytes = sessions.presenceListPdf(sessionId, locale);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "presentielijst-" + sessionId + ".pdf",
                    "application/pdf", bytes.length);
        }), getTranslation("session.presence-list"));
        pdf.setId("presence-list");
        pdf.getElement().setAttribute("download", true);
        pdf.addClassName("download-link");
        actions.add(pdf);
        if (sessions.mayChange(sessionId) && sessions.accreditationNumber(sessionId).isPresent()) {
            actions.add(peOnlineDownload());
        }
        extensions.forEach(extension -> extension.actionFor(session).ifPresent(actions::add));
        add(actions);

        List<SessionParticipant> participants = sessions.participants(sessionId);
        evaluated = sessions.evaluatedRegistrations(sessionId);
        add(new H3(getTranslation("session.participants")));
        Div list = new Div();
        list.addClassName("participant-list");
        boolean any = false;
        for (SessionParticipant participant : participants) {
            if (participant.status() == RegistrationStatus.WAITLISTED) {
                continue;
            }
            any = true;
            list.add(participantRow(participant));
        }
        if (!any) {
            list.add(new Paragraph(getTranslation("session.no-participants")));
        }
        add(list);
        List<SessionParticipant> waiting = participants.stream()
                .filter(p -> p.status() == RegistrationStatus.WAITLISTED).toList();
        if (!waiting.isEmpty()) {
            add(new H3(getTranslation("session.waitlist", waiting.size())));
            UnorderedList waitlist = new UnorderedList();
            waitlist.setId("waitlist");
            waiting.forEach(p -> waitlist.add(new ListItem(p.fullName() + (p.organisationName() == null ? "" : " · " + p.organisationName()))));
            add(waitlist);
        }
        add(evaluations(sessions.evaluations(sessionId)));
    }

    private Div participantRow(SessionParticipant participant) {
        Div row = new Div();
        row.addClassName("participant-row");
        Span name = new Span(participant.fullName());
        name.addClassName("participant-name");
        Span organisation = new Span(participant.organisationName() == null ? "" : participant.organisationName());
        organisation.addClassName("participant-organisation");
        Div who = new Div(name, organisation);
        who.addClassName("participant-who");
        if (participant.email() == null) {
            // A walk-in without e-mail (issue 20): their certificate is printed; an address can follow.
            Span noEmail = new Span(getTranslation("walk-in.no-email"));
            noEmail.getElement().getThemeList().add("badge");
            Button giveEmail = new Button(getTranslation("walk-in.give-email"), click -> giveEmail(participant));
            giveEmail.setId("give-email-" + participant.registrationId());
            giveEmail.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            who.add(noEmail, giveEmail);
        }
        if (participant.attendance() == Attendance.PRESENT && !evaluated.contains(participant.registrationId())) {
            Button paper = new Button(getTranslation("paper-evaluation.open"),
                    click -> new PaperEvaluationDialog(sessions, participant, this::render).open());
            paper.setId("paper-evaluation-" + participant.registrationId());
            paper.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            who.add(paper);
        }
        row.add(who);
        if (participant.status() == RegistrationStatus.CONFIRMED) {
            RadioButtonGroup<Attendance> attendance = new RadioButtonGroup<>();
            attendance.setId("attendance-" + participant.registrationId());
            attendance.setAriaLabel(getTranslation("session.attendance-of", participant.fullName()));
            attendance.setItems(Attendance.values());
            attendance.setItemLabelGenerator(a -> getTranslation(a.translationKey()));
            attendance.addThemeVariants(RadioGroupVariant.LUMO_HELPER_ABOVE_FIELD);
            attendance.addClassName("attendance-choice");
            attendance.setValue(participant.attendance());
            attendance.addValueChangeListener(change -> {
                if (!change.isFromClient() && change.getValue() == null) {
                    return;
                }
                try {
                    sessions.markAttendance(participant.registrationId(), change.getValue());
                    FormErrors.saved(getTranslation("session.attendance-saved", participant.fullName(),
                            getTranslation(change.getValue().translationKey())));
                } catch (InvalidInputException problem) {
                    FormErrors.error(getTranslation(problem.errors().values().iterator().next()));
                    attendance.setValue(change.getOldValue());
                }
            });
            row.add(attendance);
        } else {
            Span status = new Span(getTranslation(participant.status().translationKey()));
            status.getElement().getThemeList().add("badge contrast");
            row.add(status);
        }
        return row;
    }

    private Div evaluations(EvaluationSummary summary) {
        Div box = new Div();
        box.setId("evaluations");
        box.add(new H3(getTranslation("evaluation.heading")));
        if (summary.answers() == 0) {
            box.add(new Paragraph(getTranslation("evaluation.none")));
            return box;
        }
        box.add(new Paragraph(getTranslation("evaluation.average", summary.answers(),
                String.format(getLocale(), "%.1f", summary.average()))));
        UnorderedList differently = new UnorderedList();
        summary.doDifferently().forEach(text -> differently.add(new ListItem(text)));
        box.add(new Paragraph(getTranslation("evaluation.do-differently")), differently);
        if (!summary.comments().isEmpty()) {
            UnorderedList comments = new UnorderedList();
            summary.comments().forEach(text -> comments.add(new ListItem(text)));
            box.add(new Paragraph(getTranslation("evaluation.comments")), comments);
        }
        return box;
    }

    private void giveEmail(SessionParticipant participant) {
        Dialog dialog = new Dialog(getTranslation("walk-in.give-email-title", participant.fullName()));
        com.vaadin.flow.component.textfield.EmailField email = new com.vaadin.flow.component.textfield.EmailField(getTranslation("walk-in.email"));
        email.setId("walk-in-new-email");
        email.setHelperText(getTranslation("walk-in.give-email-help"));
        dialog.add(email);
        Button save = new Button(getTranslation("walk-in.save-email"), click -> {
            try {
                PersonId now = walkIns.giveEmail(participant.userId(), email.getValue());
                FormErrors.saved(getTranslation(now.equals(participant.userId()) ? "walk-in.email-saved" : "walk-in.joined",
                        participant.fullName()));
                dialog.close();
                render();
            } catch (InvalidInputException problem) {
                FormErrors.show(problem, java.util.Map.of("email", email));
            }
        });
        save.setId("walk-in-save-email");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.back"), click -> dialog.close()), save);
        dialog.open();
    }

    /** The attendance file for PE-online, for sessions with an accreditation number (issue 22). */
    private Anchor peOnlineDownload() {
        Anchor file = new Anchor(DownloadHandler.fromInputStream(download -> {
            SessionService.PeOnlineFile export = sessions.peOnlineAttendance(sessionId);
            return new DownloadResponse(new ByteArrayInputStream(export.csv()), export.fileName(), "text/csv",
                    export.csv().length);
        }), getTranslation("session.pe-online"));
        file.setId("pe-online-file");
        file.getElement().setAttribute("download", true);
        file.addClassName("download-link");
        file.setTitle(getTranslation("session.pe-online-help"));
        return file;
    }

    private void showQr() {
        SessionService.CheckInCode code = sessions.newCheckInCode(sessionId);
        Image image = new Image("data:image/png;base64," + Base64.getEncoder().encodeToString(code.png()),
                getTranslation("session.qr-alt"));
        image.setId("qr-image");
        image.setWidth("min(24rem, 80vw)");
        Dialog dialog = new Dialog(getTranslation("session.qr"));
        Paragraph help = new Paragraph(getTranslation("session.qr-help"));
        Anchor link = new Anchor(code.link(), getTranslation("session.qr-link"));
        link.setId("qr-link");
        dialog.add(new VerticalLayout(help, image, link));
        dialog.getFooter().add(new Button(getTranslation("action.close"), click -> dialog.close()));
        dialog.open();
    }

    private void confirmCancel() {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("session.cancel-confirm-title"),
                getTranslation("session.cancel-confirm-text"), getTranslation("session.cancel"), click -> {
            try {
                sessions.cancel(sessionId);
                FormErrors.saved(getTranslation("session.cancelled"));
            } catch (InvalidInputException startedMeanwhile) {
                FormErrors.error(getTranslation(startedMeanwhile.errors().values().iterator().next()));
            }
            render();
        });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.back"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    @Override
    public String titleKey() {
        return "session.detail-title";
    }
}
