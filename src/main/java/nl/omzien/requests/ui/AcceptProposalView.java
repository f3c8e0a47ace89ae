package nl.omzien.requests.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.LanguageSwitch;
import nl.omzien.base.ui.PublicPage;
import nl.omzien.requests.TrainingRequest;
import nl.omzien.requests.TrainingRequestService;
import nl.omzien.sessions.SessionTimes;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Where the requester's mailed link lands: the trainer's proposal and a button to accept it. Opening the link
 * changes nothing (mail scanners open links); only the button plans the session.
 */
@Route(value = "training-aanvraag/:token", autoLayout = false)
@AnonymousAllowed
public class AcceptProposalView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TrainingRequestService requests;
    private final VerticalLayout content = new VerticalLayout();

    public AcceptProposalView(TrainingRequestService requests) {
        this.requests = requests;
        addClassName("accept-proposal");
        setAlignItems(Alignment.CENTER);
        content.setPadding(false);
        content.setMaxWidth("40rem");
        add(content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        content.removeAll();
        content.add(PublicPage.brand(), new H1(getTranslation("requests.accept.title")));
        Paragraph status = new Paragraph();
        status.setId("accept-status");
        status.getElement().setAttribute("role", "status");
        var request = requests.proposalFor(token);
        if (request.isEmpty()) {
            status.setText(getTranslation("requests.link-invalid"));
            content.add(status, new LanguageSwitch());
            return;
        }
        TrainingRequest r = request.get();
        var start = SessionTimes.local(r.proposedStartsAt());
        Paragraph proposal = new Paragraph(getTranslation("requests.accept.proposal", r.organisationName(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(getLocale()).format(start),
                start.toLocalTime().toString(), SessionTimes.local(r.proposedEndsAt()).toLocalTime().toString(),
                r.proposedPlace(), r.peopleCount()));
        proposal.setId("accept-proposal");
        Button accept = new Button(getTranslation("requests.accept.button"));
        accept.setId("accept-button");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        accept.setDisableOnClick(true);
        accept.addClickListener(click -> {
            try {
                requests.acceptByToken(token);
                status.setText(getTranslation("requests.accept.done"));
            } catch (InvalidInputException problem) {
                status.setText(getTranslation(problem.errors().values().iterator().next()));
            }
            accept.setVisible(false);
        });
        content.add(proposal, status, accept, new LanguageSwitch());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("requests.accept.title");
    }
}
