package nl.omzien.dashboard.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import nl.omzien.base.ui.PublicPage;
import nl.omzien.dashboard.PartnerService;
import nl.omzien.dashboard.PartnerState;
import nl.omzien.dashboard.PublicPartner;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The public partner page behind the sticker's QR code (issue 21): anyone sees whether the organisation
 * is an Omzien-partner today, since when and until when. No sign-in, no counts, no names of people; the
 * address holds a random id, not the database id.
 */
@Route(value = "partner/:id", autoLayout = false)
@AnonymousAllowed
public class PartnerPageView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private final PartnerService partners;
    private String title = "";

    public PartnerPageView(PartnerService partners) {
        this.partners = partners;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PublicPartner partner = partners.publicPage(event.getRouteParameters().get("id").orElse(null))
                .orElseThrow(NotFoundException::new);
        startPage();
        title = partner.organisation();
        H1 name = new H1(partner.organisation());
        name.setId("partner-organisation");
        boolean current = partner.state() == PartnerState.PARTNER;
        H2 status = new H2(getTranslation(current ? "partner.page.is-partner" : "partner.page.not-partner"));
        status.setId("partner-status");
        status.addClassNames("verify-status", current ? "certificate-status-valid" : "certificate-status-revoked");
        // Read out at once by screen readers: it is the answer the visitor came for.
        status.getElement().setAttribute("role", "status");
        Div facts = new Div();
        facts.addClassName("verify-facts");
        fact(facts, "partner-municipality", "partner.page.municipality", partner.municipality());
        fact(facts, "partner-since", "partner.page.since", date(partner.since()));
        fact(facts, current ? "partner-valid-until" : "partner-was-valid-until",
                partner.state() == PartnerState.EXPIRED ? "partner.page.expired-on" : "partner.page.valid-until", date(partner.validUntil()));
        content.add(name, status, facts, new Paragraph(getTranslation(switch (partner.state()) {
            case PARTNER -> "partner.page.explain";
            case EXPIRED -> "partner.page.explain-expired";
            default -> "partner.page.explain-below";
        })));
    }

    private String date(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale()).format(day);
    }

    private void fact(Div facts, String id, String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("verify-label");
        Span text = new Span(value);
        text.setId(id);
        text.addClassName("verify-value");
        Div row = new Div(label, text);
        row.addClassName("verify-fact");
        facts.add(row);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("partner.page.title", title);
    }
}
