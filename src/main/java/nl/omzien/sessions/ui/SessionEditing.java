package nl.omzien.sessions.ui;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;

import nl.omzien.sessions.SessionId;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.sessions.SessionDraft;
import nl.omzien.sessions.SessionService;
import nl.omzien.sessions.TrainingSession;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The dialog to plan a session or change one occurrence. */
final class SessionEditing {

    private SessionEditing() {
    }

    static void open(SessionService sessions, TrainingSession session, Consumer<SessionId> onSaved) {
        UI ui = UI.getCurrent();
        SessionDraft draft = session == null ? sessions.newDraft() : SessionDraft.of(session);
        MunicipalityId municipality = draft.getMunicipalityId();
        // A trainer already on the session stays selectable, also when their qualification lapsed meanwhile.
        Map<PersonId, String> trainers = new LinkedHashMap<>(sessions.trainers(municipality));
        if (session != null) {
            for (int i = 0; i < session.trainerIds().size(); i++) {
                trainers.putIfAbsent(session.trainerIds().get(i), session.trainerNames().get(i));
            }
        }
        SessionForm form = new SessionForm(draft, sessions.moduleTitles(ui.getLocale()), trainers,
                sessions.organisations(municipality), false);
        Dialog dialog = new Dialog(ui.getTranslation(session == null ? "session.new" : "session.edit"));
        Button save = new Button(ui.getTranslation("action.save"));
        save.setId("save-session");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(click -> {
            try {
                form.writeTo(draft);
                SessionId id;
                if (draft.getId() == null) {
                    id = sessions.create(draft);
                } else {
                    sessions.update(draft);
                    id = draft.getId();
                }
                dialog.close();
                FormErrors.saved(ui.getTranslation("action.saved"));
                warnAboutQualifications(sessions, draft);
                onSaved.accept(id);
            } catch (InvalidInputException problem) {
                FormErrors.show(problem, form.fields());
            } finally {
                save.setEnabled(true);
            }
        });
        dialog.add(form);
        dialog.getFooter().add(new Button(ui.getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.setWidth("min(48rem, 100vw)");
        dialog.open();
        form.title.focus();
    }

    /** Planning goes ahead, but the planner hears when a trainer's qualification ends on or before the day. */
    static void warnAboutQualifications(SessionService sessions, SessionDraft draft) {
        UI ui = UI.getCurrent();
        var format = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG).withLocale(ui.getLocale());
        for (SessionService.TrainerWarning warning : sessions.trainerWarnings(draft)) {
            var notification = com.vaadin.flow.component.notification.Notification.show(ui.getTranslation(
                    "session.trainer-expires-warning", warning.name(), format.format(warning.validUntil())), 10_000,
                    com.vaadin.flow.component.notification.Notification.Position.MIDDLE);
            notification.addThemeVariants(com.vaadin.flow.component.notification.NotificationVariant.LUMO_WARNING);
            notification.setId("trainer-expires-warning");
        }
    }
}
