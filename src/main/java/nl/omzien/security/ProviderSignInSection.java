package nl.omzien.security;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.PersonId;
import nl.omzien.base.ui.FormErrors;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * For an admin in the user form: the person's accounts at organisations' identity providers, and the switch
 * that turns their password and authenticator app off (they then sign in through the provider only).
 */
public class ProviderSignInSection extends Details {

    public ProviderSignInSection(IdentityProviderService identityProviders, PersonId person, ZoneId zone) {
        setSummaryText(getTranslation("provider-sign-in.heading"));
        setId("user-provider-sign-in");
        IdentityProviderService.PersonSignIn signIn = identityProviders.of(person);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        if (signIn.linked().isEmpty()) {
            add(new Paragraph(getTranslation("provider-sign-in.none")));
        }
        for (IdentityProviderService.LinkedProvider linked : signIn.linked()) {
            add(new Paragraph(getTranslation("provider-sign-in.linked", linked.name(),
                    when.format(linked.linkedAt().atZoneSameInstant(zone)),
                    when.format(linked.lastSignInAt().atZoneSameInstant(zone)))));
        }
        Checkbox passwordOff = new Checkbox(getTranslation("provider-sign-in.password-off"), signIn.passwordSwitchedOff());
        passwordOff.setId("user-password-off");
        passwordOff.setHelperText(getTranslation("provider-sign-in.password-off-help"));
        passwordOff.setEnabled(signIn.passwordMayBeSwitchedOff() || signIn.passwordSwitchedOff());
        passwordOff.addValueChangeListener(change -> {
            if (!change.isFromClient()) {
                return;
            }
            try {
                if (change.getValue()) {
                    identityProviders.switchPasswordOff(person);
                    FormErrors.saved(getTranslation("provider-sign-in.switched-off"));
                } else {
                    identityProviders.switchPasswordOn(person);
                    FormErrors.saved(getTranslation("provider-sign-in.switched-on"));
                }
            } catch (InvalidInputException problem) {
                passwordOff.setValue(change.getOldValue());
                FormErrors.error(getTranslation(problem.errors().values().iterator().next()));
            }
        });
        add(passwordOff);
        setOpened(signIn.passwordSwitchedOff());
    }
}
