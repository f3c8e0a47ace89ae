package nl.omzien.onboarding.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.LanguageSwitch;
import nl.omzien.base.ui.PublicPage;
import nl.omzien.onboarding.InviteRegistrationService;

import java.util.Optional;

/**
 * The flyer's short address for whoever cannot scan its QR code: {@code /code/K7Q3-M9XP} opens the
 * organisation's sign-up form; {@code /code} asks for the code. Typed in any case, with or without the dash.
 */
@Route(value = "code/:code?", autoLayout = false)
@AnonymousAllowed
public class ShortCodeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final InviteRegistrationService registrations;
    private final TextField code = new TextField();
    private final Paragraph problem = new Paragraph();

    public ShortCodeView(InviteRegistrationService registrations) {
        this.registrations = registrations;
        addClassName("register");
        setAlignItems(Alignment.CENTER);
        VerticalLayout content = new VerticalLayout();
        content.addClassName("register-content");
        content.setPadding(false);
        code.setLabel(getTranslation("short-code.label"));
        code.setHelperText(getTranslation("short-code.help"));
        code.setId("short-code");
        code.setMaxLength(20);
        code.setWidthFull();
        problem.setId("short-code-problem");
        problem.addClassNames("sign-in-notice", "sign-in-problem");
        problem.getElement().setAttribute("role", "alert");
        Button go = new Button(getTranslation("short-code.go"), click -> open(code.getValue()));
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        go.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        go.setId("short-code-go");
        content.add(PublicPage.brand(), new H1(getTranslation("short-code.title")), new Paragraph(getTranslation("short-code.intro")),
                problem, code, go, new LanguageSwitch());
        add(content);
    }

    private void open(String typed) {
        lookUp(typed).ifPresent(token -> getUI().ifPresent(ui -> ui.navigate("aanmelden/" + token)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        problem.setText("");
        event.getRouteParameters().get("code").ifPresent(typed -> lookUp(typed).ifPresentOrElse(
                token -> event.forwardTo("aanmelden/" + token), () -> code.setValue(typed)));
    }

    /** The token, or empty with the reason shown above the field (unknown, or too many wrong codes lately). */
    private Optional<String> lookUp(String typed) {
        try {
            Optional<String> token = registrations.tokenOfShortCode(typed, VaadinRequest.getCurrent().getRemoteAddr());
            if (token.isEmpty()) {
                problem.setText(getTranslation("short-code.unknown"));
            }
            return token;
        } catch (InvalidInputException tooMany) {
            problem.setText(getTranslation(tooMany.errors().values().iterator().next()));
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("short-code.title") + " · " + getTranslation("app.name");
    }
}
