package nl.omzien.security.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletRequest;
import nl.omzien.base.ui.LanguageSwitch;
import nl.omzien.security.IdentityProviderService;
import nl.omzien.security.internal.ProviderSignIn;

import java.util.Set;

/** Password sign-in for staff, their organisation's identity provider when configured, and the way to e-mail links. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Session attribute with the address typed at a failed sign-in, shown once on the next login page. */
    static final String TYPED_EMAIL = LoginView.class.getName() + ".typedEmail";

    /** Why a sign-in through the organisation's provider did not work (login.provider.*); anything else reads "failed". */
    private static final Set<String> PROVIDER_REFUSALS = Set.of("unknown", "unverified", "not-staff", "other-municipality",
            "admin", "disabled", "password-off", "failed");

    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();

    public LoginView(IdentityProviderService identityProviders) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        H1 brand = new H1(getTranslation("app.name"));
        brand.addClassName("login-brand");
        Paragraph tagline = new Paragraph(getTranslation("login.tagline"));
        tagline.addClassName("login-tagline");

        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(loginI18n());

        notice.addClassName("login-notice");
        notice.setVisible(false);

        // Participants do not need a password: the link page is in the onboarding feature (by path, not by class).
        Anchor signInByLink = new Anchor("inloggen", getTranslation("login.by-link"));
        signInByLink.setId("sign-in-by-link");
        signInByLink.addClassName("login-by-link");

        // Posted with the form: the login form sends named fields in its custom form area along.
        Checkbox rememberMe = new Checkbox(getTranslation("login.remember-me"));
        rememberMe.setId("remember-me");
        rememberMe.getElement().setAttribute("name", "remember-me");
        rememberMe.getElement().setAttribute("slot", "custom-form-area");
        form.getElement().appendChild(rememberMe.getElement());

        add(brand, tagline, notice, signInByLink, form);
        // Staff of an organisation with its own identity provider: a plain link, since the browser must leave the app.
        for (IdentityProviderService.Provider provider : identityProviders.providers()) {
            Anchor signInThere = new Anchor(ProviderSignIn.START_PATH.substring(1) + provider.id(),
                    getTranslation("login.provider.button", provider.name()));
            signInThere.setId("sign-in-with-" + provider.id());
            signInThere.addClassNames("login-by-link", "login-provider");
            signInThere.setRouterIgnore(true);
            add(signInThere);
        }
        add(new LanguageSwitch());
    }

    private LoginI18n loginI18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.title"));
        f.setUsername(getTranslation("login.email"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        i18n.getErrorMessage().setUsername(getTranslation("login.error.email-required"));
        i18n.getErrorMessage().setPassword(getTranslation("login.error.password-required"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        // A reused view (the login page opened again) starts without the previous visit's error or notice.
        form.setI18n(loginI18n());
        form.setError(false);
        notice.setVisible(false);
        if (params.containsKey("throttled")) {
            LoginI18n i18n = loginI18n();
            i18n.getErrorMessage().setTitle(getTranslation("login.throttled.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.throttled.message"));
            form.setI18n(i18n);
            form.setError(true);
        } else if (params.containsKey("unavailable")) {
            LoginI18n i18n = loginI18n();
            i18n.getErrorMessage().setTitle(getTranslation("login.unavailable.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.unavailable.message"));
            form.setI18n(i18n);
            form.setError(true);
        } else if (params.containsKey(ProviderSignIn.REFUSED_PARAMETER)) {
            String reason = params.get(ProviderSignIn.REFUSED_PARAMETER).getFirst();
            LoginI18n i18n = loginI18n();
            i18n.getErrorMessage().setTitle(getTranslation("login.provider.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.provider." + (PROVIDER_REFUSALS.contains(reason) ? reason : "failed")));
            form.setI18n(i18n);
            form.setError(true);
        } else if (params.containsKey("error")) {
            form.setError(true);
        }
        restoreTypedEmail();
        if (params.containsKey("logout")) {
            notice.setText(getTranslation("login.logged-out"));
            notice.setVisible(true);
        }
    }

    /**
     * Called by the sign-in's failure handler: keeps what was typed as the address in the session, so a
     * wrong password does not also cost the e-mail address. Only something that could be an address is kept.
     */
    public static void keepTypedEmail(HttpServletRequest request) {
        String typed = request.getParameter("username");
        if (typed != null && !typed.isBlank() && typed.length() <= 254 && typed.chars().noneMatch(Character::isISOControl)) {
            request.getSession().setAttribute(TYPED_EMAIL, typed.trim());
        }
    }

    private void restoreTypedEmail() {
        VaadinSession vaadinSession = VaadinSession.getCurrent();
        if (vaadinSession == null || vaadinSession.getSession() == null) {
            return;
        }
        Object typed = vaadinSession.getSession().getAttribute(TYPED_EMAIL);
        vaadinSession.getSession().removeAttribute(TYPED_EMAIL);
        if (typed instanceof String email) {
            // Passed as a value, never as markup; the cursor goes to the password, which is what was wrong.
            // LoginForm has no server API for its fields (25.2); they exist once the element has rendered
            // (updateComplete). Its own autofocus on the address field is switched off so the password keeps focus.
            form.getElement().setAttribute("no-autofocus", true);
            form.getElement().executeJs("""
                    customElements.whenDefined('vaadin-login-form').then(() => this.updateComplete).then(() => {
                      this.querySelector('[name=username]').value = $0;
                      this.querySelector('[name=password]').focus();
                    });""", email);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.page-title");
    }
}
