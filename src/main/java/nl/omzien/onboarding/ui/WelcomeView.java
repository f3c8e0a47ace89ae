package nl.omzien.onboarding.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.onboarding.InviteRegistrationService;
import nl.omzien.onboarding.InviteRegistrationService.SessionSignUp;
import nl.omzien.onboarding.InviteRegistrationService.Welcome;

/**
 * Where the link in the welcome mail lands after sign-in: carries out a session sign-up asked for on
 * the form, then opens module 1 straight away, so the person is learning within a minute.
 */
@Route("welkom")
@PermitAll
public class WelcomeView extends VerticalLayout implements BeforeEnterObserver, HasTitleKey {

    private final InviteRegistrationService registrations;

    public WelcomeView(InviteRegistrationService registrations) {
        this.registrations = registrations;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Welcome welcome = registrations.afterSignIn();
        for (SessionSignUp signUp : welcome.sessions()) {
            String message = signUp.status() == null
                    ? getTranslation("welcome.session.failed", signUp.session().title(), getTranslation(signUp.problemKey()))
                    : getTranslation("welcome.session." + signUp.status().name(), signUp.session().title());
            Notification notification = Notification.show(message, 10_000, Notification.Position.TOP_CENTER);
            notification.addThemeVariants(signUp.status() == null ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
        }
        if (welcome.firstModuleId().isPresent()) {
            event.forwardTo("training/" + welcome.firstModuleId().get());
            return;
        }
        // Vaadin may reuse this view for the same address: replace, not add to, what an earlier visit showed.
        removeAll();
        add(new H1(getTranslation("welcome.title")), new Anchor("mijn-training", getTranslation("nav.my-training")));
    }

    @Override
    public String titleKey() {
        return "welcome.title";
    }
}
