package nl.omzien.onboarding.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import nl.omzien.base.ui.LanguageSwitch;
import nl.omzien.base.ui.PublicPage;
import nl.omzien.onboarding.SignInLinkService;

/** Participants ask for a sign-in link here. The answer is the same whether or not the address is known. */
@Route(value = "inloggen", autoLayout = false)
@AnonymousAllowed
public class SignInLinkRequestView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final SignInLinkService signInLinks;
    private final EmailField email = new EmailField();
    private final Paragraph notice = new Paragraph();
    private final Checkbox rememberMe = new Checkbox();
    private final Paragraph checkInNote = new Paragraph();
    /** A check-in address to return to after the link, when someone came here from a QR code. */
    private String next;

    public SignInLinkRequestView(SignInLinkService signInLinks) {
        this.signInLinks = signInLinks;
        addClassName("sign-in-link");
        setAlignItems(Alignment.CENTER);
        H1 title = new H1(getTranslation("signin.request.title"));
        Paragraph intro = new Paragraph(getTranslation("signin.request.intro"));

        email.setLabel(getTranslation("signin.request.email"));
        email.setId("sign-in-email");
        email.setWidthFull();
        email.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.EMAIL);
        email.setErrorMessage(getTranslation("validation.email"));
        email.setRequired(true);

        Button send = new Button(getTranslation("signin.request.send"), click -> send());
        send.setId("send-sign-in-link");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        send.setWidthFull();
        send.addClickShortcut(Key.ENTER);

        notice.addClassName("sign-in-notice");
        notice.getElement().setAttribute("role", "status");

        // Kept with the link request and applied when the link is used, maybe minutes later.
        rememberMe.setLabel(getTranslation("login.remember-me"));
        rememberMe.setId("sign-in-remember-me");

        Anchor staff = new Anchor("login", getTranslation("signin.request.staff"));
        // Issue 20: anyone may ask for a group training, without an account.
        Anchor training = new Anchor("training-aanvragen", getTranslation("signin.request.training"));
        training.setId("sign-in-request-training");
        checkInNote.setId("sign-in-check-in-note");
        checkInNote.addClassName("sign-in-notice");
        checkInNote.setVisible(false);
        VerticalLayout content = new VerticalLayout(PublicPage.brand(), title, checkInNote, intro, notice, email, rememberMe, send, staff, training, new LanguageSwitch());
        content.addClassName("sign-in-link-content");
        content.setPadding(false);
        add(content);
    }

    private void send() {
        String address = email.getValue();
        if (!SignInLinkService.looksLikeEmail(address)) {
            email.setInvalid(true);
            email.focus();
            return;
        }
        email.setInvalid(false);
        signInLinks.request(address, VaadinRequest.getCurrent().getRemoteAddr(), rememberMe.getValue(), next);
        showNotice("signin.request.sent", false);
    }

    private void showNotice(String key, boolean problem) {
        notice.setText(getTranslation(key));
        notice.setClassName("sign-in-problem", problem);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        next = params.getOrDefault("next", java.util.List.of()).stream().filter(n -> SignInLinkService.LANDING.matcher(n).matches())
                .findFirst().orElse(null);
        // Vaadin may reuse this view with other query parameters: what an earlier address showed goes.
        checkInNote.setText(next == null ? "" : getTranslation("signin.request.check-in"));
        checkInNote.setVisible(next != null);
        if (params.containsKey("link-invalid")) {
            showNotice("signin.request.invalid", true);
        } else if (params.containsKey("link-sent")) {
            showNotice("signin.request.sent", false);
        } else {
            notice.setText("");
            notice.setClassName("sign-in-problem", false);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signin.request.page-title");
    }
}
