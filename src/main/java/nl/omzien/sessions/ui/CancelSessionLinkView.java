package nl.omzien.sessions.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.sessions.SessionService;
import nl.omzien.sessions.TrainingSession;

import java.util.Optional;

/** The go/no-go mail's cancel link: shows the count, and cancels after one click on the button. */
@Route(value = "sessie-annuleren", autoLayout = false)
@AnonymousAllowed
public class CancelSessionLinkView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final SessionService sessions;

    public CancelSessionLinkView(SessionService sessions) {
        this.sessions = sessions;
        setMaxWidth("40rem");
        // Centred on a laptop; Lumo's margin would come on top of the full width and scroll sideways on a phone.
        getStyle().set("margin-inline", "auto");
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        removeAll();
        add(new H2(getTranslation("go-no-go.heading")));
        Optional<TrainingSession> found = sessions.sessionForCancelLink(token);
        if (found.isEmpty() || !sessions.cancellable(found.get())) {
            Paragraph message = new Paragraph(getTranslation(found.isEmpty() ? "session.link-unknown"
                    : found.get().isCancelled() ? "session.cancelled" : "session.already-started"));
            message.setId("go-no-go-result");
            add(message);
            return;
        }
        TrainingSession session = found.get();
        add(new Paragraph(session.title()), new Paragraph(SessionFormat.when(session, getLocale())),
                new Paragraph(getTranslation("go-no-go.count", session.confirmed(), session.minParticipants())));
        Button cancel = new Button(getTranslation("mail.cancel-session"), click -> {
            try {
                sessions.cancelByLink(token);
            } catch (InvalidInputException startedMeanwhile) {
                // The page was opened before the start and clicked after it: the page says so.
            }
            setParameter(event, token);
        });
        cancel.setId("confirm-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        cancel.setDisableOnClick(true);
        add(cancel);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("go-no-go.heading") + " · Omzien";
    }
}
