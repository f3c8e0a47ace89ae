package nl.omzien.requests.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
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
public class ContactRequestView extends VerticalLayout implements BeforeEnterObserver, HasTitleKey {

    private final TrainingRequestService requests;
    private final Paragraph intro = new Paragraph();
    private final Paragraph done = new Paragraph();
    private final Button send = new Button();
    private RequestFormFields form = new RequestFormFields(false);

    public ContactRequestView(TrainingRequestService requests) {
        this.requests = requests;
        addClassName("contact-request");
        setMaxWidth("40rem");
        done.setId("request-received");
        done.getElement().setAttribute("role", "status");
        send.setText(getTranslation("requests.form.send"));
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

    /**
     * Vaadin reuses this view when its own route is opened again: the organisation is read anew, and after a sent
     * request the menu item opens an empty form for the next one. A form being filled in is left as it is.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String organisation = requests.ownOrganisation().map(o -> o.name()).orElse("");
        intro.setText(getTranslation("requests.contact.intro", organisation));
        if (!form.isVisible()) {
            RequestFormFields empty = new RequestFormFields(false);
            replace(form, empty);
            form = empty;
            done.setText("");
            send.setVisible(true);
            send.setEnabled(true);
        }
    }

    @Override
    public String titleKey() {
        return "nav.request-training";
    }
}
