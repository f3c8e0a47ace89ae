package nl.omzien.requests.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.requests.TrainingRequestService;
import nl.omzien.security.Role;

/** An organisation contact asks for a group training for their own organisation. */
@Route("mijn-organisatie/training-aanvragen")
@Menu(order = 31, title = "nav.request-training", icon = "CLIPBOARD_TEXT")
@RolesAllowed(Role.ORG_CONTACT_ROLE)
public class ContactRequestView extends VerticalLayout implements HasTitleKey {

    public ContactRequestView(TrainingRequestService requests) {
        addClassName("contact-request");
        setMaxWidth("40rem");
        String organisation = requests.ownOrganisation().map(o -> o.name()).orElse("");
        Paragraph intro = new Paragraph(getTranslation("requests.contact.intro", organisation));
        RequestFormFields form = new RequestFormFields(false);
        Paragraph done = new Paragraph();
        done.setId("request-received");
        done.getElement().setAttribute("role", "status");
        Button send = new Button(getTranslation("requests.form.send"));
        send.setId("request-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setDisableOnClick(true);
        send.addClickListener(click -> {
            try {
                requests.submitAsContact(form.draft(), getLocale());
                form.setVisible(false);
                send.setVisible(false);
                done.setText(getTranslation("requests.contact.received"));
            } catch (InvalidInputException problem) {
                FormErrors.show(problem, form.fields);
                send.setEnabled(true);
            }
        });
        add(intro, done, form, send);
    }

    @Override
    public String titleKey() {
        return "nav.request-training";
    }
}
