package nl.omzien.onboarding.ui;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import nl.omzien.onboarding.InviteRegistrationService;

/**
 * The form a session's sign-up link opens: the same as an organisation's invite, but the person picks
 * their organisation (unless the session is closed) and is signed up for the session once they confirm
 * their e-mail address.
 */
@Route(value = "aanmelden/sessie/:token", autoLayout = false)
@AnonymousAllowed
public class SessionRegisterView extends RegisterView {

    public SessionRegisterView(InviteRegistrationService registrations) {
        super(registrations, true);
    }
}
