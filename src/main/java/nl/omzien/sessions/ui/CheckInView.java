package nl.omzien.sessions.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import nl.omzien.security.CurrentUser;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.sessions.SessionService;

/**
 * Where the session's QR code leads: the signed-in participant is marked present (or arrived, before
 * the start), if they have a seat and the session is on. Someone not signed in is sent to the e-mail
 * link page — participants have no password — and the link brings them back here, so one scan is enough.
 */
@Route(value = "inchecken", autoLayout = false)
@AnonymousAllowed
public class CheckInView extends VerticalLayout implements HasUrlParameter<String>, HasTitleKey {

    private final SessionService sessions;
    private final CurrentUser currentUser;

    public CheckInView(SessionService sessions, CurrentUser currentUser) {
        this.sessions = sessions;
        this.currentUser = currentUser;
        // Outside the app shell: it also opens for someone not signed in yet (see setParameter).
        addClassName("check-in-page");
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        removeAll();
        if (currentUser.find().isEmpty()) {
            event.forwardTo("inloggen", com.vaadin.flow.router.QueryParameters.of("next", "/inchecken/" + token));
            return;
        }
        SessionService.CheckInResult result = sessions.checkIn(token);
        add(new H1(getTranslation("checkin.heading")));
        Paragraph message = new Paragraph(getTranslation("checkin." + result.name()));
        message.setId("checkin-result");
        add(message, new com.vaadin.flow.component.html.Anchor("sessies", getTranslation("sessions.mine")));
    }

    @Override
    public String titleKey() {
        return "checkin.heading";
    }
}
