package nl.omzien.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.UI;
import nl.omzien.base.Translations;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.people.EmailChangeResult;
import nl.omzien.people.ProfileService;

/**
 * Where the link in the "confirm your new address" mail leads. Confirming takes a button press, so a mail
 * scanner that only opens links cannot use the link up. No sign-in needed: the link is the proof.
 */
@Route(value = "profiel/e-mail", autoLayout = false)
@AnonymousAllowed
public class ConfirmEmailView extends VerticalLayout implements BeforeEnterObserver, HasTitleKey {

    private final ProfileService profiles;

    public ConfirmEmailView(ProfileService profiles) {
        this.profiles = profiles;
        addClassName("public-page");
        setMaxWidth("40rem");
        // Centred on a laptop; Lumo's margin would come on top of the full width and scroll sideways on a phone.
        getStyle().set("margin-inline", "auto");
    }

    @Override
    public String titleKey() {
        return "profile.confirm.title";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // The mail says which language the link is in: the person may not be signed in on this device.
        if ("en".equals(event.getLocation().getQueryParameters().getSingleParameter("lang").orElse(""))) {
            UI.getCurrent().setLocale(Translations.ENGLISH);
        }
        removeAll();
        add(new H1(getTranslation("profile.confirm.title")));
        String token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        var address = profiles.emailForLink(token);
        if (address.isEmpty()) {
            // Unknown or expired: confirming changes nothing then, and tells which of the two it was.
            result(profiles.confirmEmailChange(token));
            return;
        }
        Paragraph text = new Paragraph(getTranslation("profile.confirm.text", address.get()));
        Button confirm = new Button(getTranslation("profile.confirm.button"));
        confirm.setId("confirm-email");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(click -> {
            removeAll();
            add(new H1(getTranslation("profile.confirm.title")));
            result(profiles.confirmEmailChange(token));
        });
        add(text, confirm);
    }

    private void result(EmailChangeResult result) {
        Paragraph message = new Paragraph(getTranslation("profile.confirm.result." + result.name()));
        message.setId("confirm-result");
        add(message, new Anchor("profiel", getTranslation("profile.confirm.to-profile")));
    }
}
