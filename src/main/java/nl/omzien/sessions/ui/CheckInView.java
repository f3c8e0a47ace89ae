package nl.omzien.sessions.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.sessions.SessionService;

/**
 * Where the session's QR code leads: the signed-in participant (the login page comes first when
 * needed) is marked present, if they have a seat and the session is on.
 */
@Route("inchecken")
@PermitAll
public class CheckInView extends VerticalLayout implements HasUrlParameter<String>, HasTitleKey {

    private final SessionService sessions;

    public CheckInView(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        removeAll();
        SessionService.CheckInResult result = sessions.checkIn(token);
        add(new H2(getTranslation("checkin.heading")));
        Paragraph message = new Paragraph(getTranslation("checkin." + result.name()));
        message.setId("checkin-result");
        add(message);
    }

    @Override
    public String titleKey() {
        return "checkin.heading";
    }
}
