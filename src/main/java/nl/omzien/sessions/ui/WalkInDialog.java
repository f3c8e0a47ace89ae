package nl.omzien.sessions.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.OrganisationId;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.people.WalkIns;
import nl.omzien.sessions.SessionId;
import nl.omzien.sessions.SessionService;
import nl.omzien.sessions.TrainingSession;

import java.util.List;
import java.util.Map;

/**
 * Adds someone at the door in seconds (issue 20): name, organisation (the closed session's own, preset), e-mail
 * if they want. Saving makes them present at once. Three fields, one column: made for a phone at the door.
 */
final class WalkInDialog extends Dialog {

    WalkInDialog(SessionService sessions, TrainingSession session, Runnable added) {
        setHeaderTitle(getTranslation("walk-in.title"));
        SessionId sessionId = session.id();
        TextField name = new TextField(getTranslation("walk-in.name"));
        name.setId("walk-in-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(150);
        name.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        ComboBox<Map.Entry<OrganisationId, String>> organisation = new ComboBox<>(getTranslation("walk-in.organisation"));
        organisation.setId("walk-in-organisation");
        organisation.setRequiredIndicatorVisible(true);
        List<Map.Entry<OrganisationId, String>> organisations = List.copyOf(sessions.walkInOrganisations(sessionId).entrySet());
        organisation.setItems(organisations);
        organisation.setItemLabelGenerator(Map.Entry::getValue);
        if (session.organisationId() != null) {
            organisations.stream().filter(o -> o.getKey().equals(session.organisationId())).findFirst().ifPresent(organisation::setValue);
        }
        EmailField email = new EmailField(getTranslation("walk-in.email"));
        email.setId("walk-in-email");
        email.setHelperText(getTranslation("walk-in.email-help"));
        FormLayout form = new FormLayout(name, organisation, email);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("fullName", name, "organisation", organisation, "email", email);
        Button save = new Button(getTranslation("walk-in.save"), click -> {
            FormErrors.clear(fields);
            try {
                SessionService.WalkInAdded result = sessions.addWalkIn(sessionId, new WalkIns.WalkIn(name.getValue(),
                        organisation.getValue() == null ? null : organisation.getValue().getKey(), email.getValue()));
                FormErrors.saved(getTranslation(result.existingAccount() ? "walk-in.saved-existing" : "walk-in.saved", name.getValue().trim()));
                close();
                added.run();
            } catch (InvalidInputException problem) {
                FormErrors.show(problem, fields);
            }
        });
        save.setId("walk-in-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        Button cancel = new Button(getTranslation("action.back"), click -> close());
        getFooter().add(cancel, save);
        addOpenedChangeListener(e -> name.focus());
    }
}
