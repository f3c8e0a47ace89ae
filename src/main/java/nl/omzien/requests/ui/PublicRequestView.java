package nl.omzien.requests.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.LanguageSwitch;
import nl.omzien.base.ui.PublicPage;
import nl.omzien.people.Municipality;
import nl.omzien.requests.TrainingRequestService;

/**
 * The public request form of one municipality ({@code /training-aanvragen/coevorden}), no account needed; without a
 * known municipality, the list of municipalities to choose from. The answer after sending is the same for everyone.
 */
@Route(value = "training-aanvragen/:municipality?", autoLayout = false)
@AnonymousAllowed
public class PublicRequestView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TrainingRequestService requests;
    private final VerticalLayout content = new VerticalLayout();

    public PublicRequestView(TrainingRequestService requests) {
        this.requests = requests;
        addClassName("public-request");
        setAlignItems(Alignment.CENTER);
        content.setPadding(false);
        content.setMaxWidth("40rem");
        content.addClassName("public-request-content");
        add(content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        content.removeAll();
        content.add(PublicPage.brand());
        var municipality = requests.municipalityBySlug(event.getRouteParameters().get("municipality").orElse(null));
        if (municipality.isEmpty()) {
            content.add(new H1(getTranslation("requests.public.choose")));
            for (Municipality m : requests.municipalities()) {
                Anchor link = new Anchor("training-aanvragen/" + TrainingRequestService.slug(m.name()), m.name());
                link.addClassName("request-municipality");
                content.add(link);
            }
        } else {
            form(municipality.get());
        }
        content.add(new LanguageSwitch());
    }

    private void form(Municipality municipality) {
        H1 title = new H1(getTranslation("requests.public.title", municipality.name()));
        Paragraph intro = new Paragraph(getTranslation("requests.public.intro"));
        RequestFormFields form = new RequestFormFields(true);
        Paragraph done = new Paragraph();
        done.setId("request-received");
        done.getElement().setAttribute("role", "status");
        Button send = new Button(getTranslation("requests.form.send"));
        send.setId("request-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        send.setDisableOnClick(true);
        send.addClickListener(click -> {
            try {
                requests.submitPublic(municipality.id(), form.draft(), getLocale(), VaadinRequest.getCurrent().getRemoteAddr());
                form.setVisible(false);
                send.setVisible(false);
                done.setText(getTranslation("requests.public.received"));
            } catch (InvalidInputException problem) {
                FormErrors.show(problem, form.fields);
                send.setEnabled(true);
            }
        });
        Paragraph privacy = new Paragraph(getTranslation("requests.public.privacy", requests.retentionMonths()));
        privacy.setId("request-privacy");
        privacy.addClassName("request-privacy");
        content.add(title, intro, done, form, send, privacy, new Anchor("login", getTranslation("requests.public.staff")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("requests.public.page-title");
    }
}
