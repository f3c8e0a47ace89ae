package nl.omzien.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.people.ProfessionalRegistration;
import nl.omzien.people.ProfileService;

import java.util.Map;

/**
 * The profile's part for accreditation points (issue 22): a BIG or register number, stored only with the
 * person's consent to pass it on to PE-online; removing it withdraws the consent.
 */
class RegistrationSection extends Section {

    private final ProfileService profiles;
    private final RadioButtonGroup<ProfessionalRegistration.Kind> kind = new RadioButtonGroup<>();
    private final TextField number = new TextField();
    private final Checkbox consent = new Checkbox();
    private final Paragraph status = new Paragraph();
    private final Button remove = new Button();

    RegistrationSection(ProfileService profiles) {
        this.profiles = profiles;
        addClassName("profile-section");
        setWidthFull();
        setId("registration-section");
        kind.setLabel(getTranslation("profile.registration.kind"));
        kind.setId("registration-kind");
        kind.setItems(ProfessionalRegistration.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("profile.registration.kind." + k.name()));
        kind.addThemeName("vertical");
        number.setLabel(getTranslation("profile.registration.number"));
        number.setId("registration-number");
        number.setHelperText(getTranslation("profile.registration.number-help"));
        number.setMaxLength(30);
        number.setWidthFull();
        consent.setLabel(getTranslation("profile.registration.consent"));
        consent.setId("registration-consent");
        status.setId("registration-status");
        status.addClassName("profile-notice");
        Button save = new Button(getTranslation("profile.registration.save"), click -> save());
        save.setId("save-registration");
        remove.setText(getTranslation("profile.registration.remove"));
        remove.setId("remove-registration");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.addClickListener(click -> {
            profiles.removeRegistration();
            kind.clear();
            number.clear();
            consent.clear();
            show(null);
            FormErrors.saved(getTranslation("profile.registration.removed"));
        });
        add(new H2(getTranslation("profile.registration.heading")), new Paragraph(getTranslation("profile.registration.text")),
                status, kind, number, consent, save, remove);
        ProfessionalRegistration current = profiles.myRegistration().orElse(null);
        if (current != null) {
            kind.setValue(current.kind());
            number.setValue(current.number());
            consent.setValue(true);
        }
        show(current);
    }

    private void save() {
        Map<String, com.vaadin.flow.component.HasValidation> fields =
                Map.of("registrationKind", kind, "registrationNumber", number, "registrationConsent", consent);
        try {
            ProfessionalRegistration saved = profiles.saveRegistration(kind.getValue(), number.getValue(), consent.getValue());
            FormErrors.clear(fields);
            number.setValue(saved.number());
            show(saved);
            FormErrors.saved(getTranslation("profile.registration.saved"));
        } catch (InvalidInputException e) {
            FormErrors.show(e, fields);
        }
    }

    private void show(ProfessionalRegistration registration) {
        status.setText(registration == null ? getTranslation("profile.registration.none")
                : getTranslation("profile.registration.current", getTranslation("profile.registration.kind." + registration.kind().name()),
                registration.number()));
        remove.setVisible(registration != null);
    }
}
