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
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.RegistrationService.OfferDetails;
import nl.omzien.sessions.RegistrationStatus;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The page behind the "take the seat" link in an offer mail. Opening it changes nothing (mail scanners
 * open links too); one click on the button accepts. The secret in the link is the proof, so it works
 * without signing in, on any phone.
 */
@Route(value = "aanbod", autoLayout = false)
@AnonymousAllowed
public class OfferView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final RegistrationService registrations;
    private final Clock clock;
    private String token;

    public OfferView(RegistrationService registrations, Clock clock) {
        this.registrations = registrations;
        this.clock = clock;
        addClassName("public-page");
        setMaxWidth("40rem");
        // Centred on a laptop; Lumo's margin would come on top of the full width and scroll sideways on a phone.
        getStyle().set("margin-inline", "auto");
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        this.token = token;
        render(null);
    }

    private void render(String message) {
        removeAll();
        add(new H2(getTranslation("offer.heading")));
        if (message != null) {
            Paragraph result = new Paragraph(message);
            result.setId("offer-result");
            add(result);
        }
        Optional<OfferDetails> offer = registrations.offer(token);
        if (offer.isEmpty()) {
            if (message == null) {
                Paragraph unknown = new Paragraph(getTranslation("offer.unknown"));
                unknown.setId("offer-result");
                add(unknown);
            }
            return;
        }
        OfferDetails details = offer.get();
        add(new Paragraph(getTranslation("offer.for", details.personName())),
                new Paragraph(details.session().title()),
                new Paragraph(SessionFormat.when(details.session(), getLocale())),
                new Paragraph(details.session().place()));
        if (details.status() == RegistrationStatus.OFFERED && OffsetDateTime.now(clock).isBefore(details.expiresAt())) {
            add(new Paragraph(getTranslation("sessions.offer-until", SessionFormat.shortWhen(details.expiresAt(), getLocale()))));
            Button accept = new Button(getTranslation("mail.accept-offer"), click -> {
                try {
                    registrations.acceptOffer(token);
                    render(getTranslation("offer.accepted"));
                } catch (InvalidInputException problem) {
                    render(getTranslation(problem.errors().values().iterator().next()));
                }
            });
            accept.setId("accept-offer");
            accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
            accept.setDisableOnClick(true);
            // Cannot come? Pass the seat on now, so the next person in line hears it today.
            Button passOn = new Button(getTranslation("offer.pass-on"), click -> {
                try {
                    registrations.declineOffer(token);
                    render(getTranslation("offer.passed-on"));
                } catch (InvalidInputException problem) {
                    render(getTranslation(problem.errors().values().iterator().next()));
                }
            });
            passOn.setId("pass-on-offer");
            passOn.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            passOn.setDisableOnClick(true);
            add(accept, passOn);
        } else if (message == null) {
            Paragraph state = new Paragraph(details.status() == RegistrationStatus.CONFIRMED ? getTranslation("offer.accepted")
                    : details.status() == RegistrationStatus.CANCELLED ? getTranslation("offer.passed-on") : getTranslation("offer.expired"));
            state.setId("offer-result");
            add(state);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("offer.heading") + " · Omzien";
    }
}
