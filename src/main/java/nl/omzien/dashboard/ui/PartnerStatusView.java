package nl.omzien.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.dashboard.OrganisationStatus;
import nl.omzien.dashboard.PartnerService;
import nl.omzien.dashboard.PartnerState;
import nl.omzien.dashboard.PartnerStatus;
import nl.omzien.security.Role;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * An organisation contact's view of their own organisation as an Omzien-partner (issue 21): "X of Y
 * trained, N more to become a partner", who has not started yet, and certificates expiring soon. The
 * service decides the organisation from the signed-in contact.
 */
@Route("partnerstatus")
@Menu(order = 21, title = "nav.partner-status", icon = "HANDSHAKE")
@RolesAllowed(Role.ORG_CONTACT_ROLE)
public class PartnerStatusView extends VerticalLayout implements BeforeEnterObserver, HasTitleKey {

    private final PartnerService partners;

    public PartnerStatusView(PartnerService partners) {
        this.partners = partners;
    }

    /** Vaadin reuses this view when its own route is opened again: the status is read anew every time. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        OrganisationStatus mine = partners.myOrganisation();
        PartnerStatus status = mine.status();
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
        H2 heading = new H2(status.organisation());
        Paragraph trained = new Paragraph(getTranslation("partner.status.trained", status.trained(), status.staff()));
        trained.setId("partner-status-trained");
        Paragraph state = new Paragraph(switch (status.state()) {
            case PARTNER -> getTranslation("partner.status.partner", date.format(status.since()), date.format(status.validUntil()));
            case EXPIRED -> getTranslation("partner.status.expired", date.format(status.validUntil()));
            default -> status.moreNeeded() == 0 ? getTranslation("partner.status.almost")
                    : getTranslation("partner.status.more", status.moreNeeded());
        });
        state.setId("partner-status-state");
        state.addClassName(status.state() == PartnerState.PARTNER ? "verify-ok" : "partner-status-open");
        add(heading, trained, state);
        if (status.publicId() != null) {
            Anchor page = new Anchor(partners.pageUrl(status.publicId()), getTranslation("partner.status.public-page"));
            page.setId("partner-status-page");
            add(page);
        }
        add(new H2(getTranslation("partner.status.not-started")));
        add(list("partner-not-started", mine.notStarted(), "partner.status.everyone-started"));
        add(new H2(getTranslation("partner.status.expiring", PartnerService.EXPIRY_HORIZON_DAYS)));
        add(list("partner-expiring", mine.expiring().stream()
                .map(e -> getTranslation("partner.status.expires-on", e.name(), date.format(e.expiresOn()))).toList(),
                "partner.status.none-expiring"));
    }

    private com.vaadin.flow.component.Component list(String id, List<String> lines, String emptyKey) {
        if (lines.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation(emptyKey));
            none.setId(id + "-none");
            return none;
        }
        UnorderedList list = new UnorderedList();
        list.setId(id);
        lines.forEach(line -> list.add(new ListItem(line)));
        return list;
    }

    @Override
    public String titleKey() {
        return "nav.partner-status";
    }
}
