package nl.omzien.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import nl.omzien.base.ui.PublicPage;
import nl.omzien.dashboard.PartnerService;
import nl.omzien.dashboard.PublicPartnerList;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The public list of a municipality's current Omzien-partners ({@code /partners/coevorden}); gone (page
 * not found) when the coalition lead switched it off. Organisations only, no counts.
 */
@Route(value = "partners/:municipality", autoLayout = false)
@AnonymousAllowed
public class PartnerListView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private final PartnerService partners;
    private String municipality = "";

    public PartnerListView(PartnerService partners) {
        this.partners = partners;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PublicPartnerList list = partners.publicList(event.getRouteParameters().get("municipality").orElse(""))
                .orElseThrow(NotFoundException::new);
        municipality = list.municipality();
        startPage();
        content.add(new H1(getTranslation("partner.list.title", list.municipality())),
                new Paragraph(getTranslation("partner.list.intro")));
        if (list.partners().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("partner.list.none"));
            none.setId("partner-list-none");
            content.add(none);
            return;
        }
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
        UnorderedList items = new UnorderedList();
        items.setId("partner-list");
        items.addClassName("partner-list");
        for (PublicPartnerList.Entry entry : list.partners()) {
            Anchor name = new Anchor("partner/" + entry.publicId(), entry.organisation());
            Span since = new Span(" · " + getTranslation("partner.list.since", date.format(entry.since())));
            items.add(new ListItem(name, since));
        }
        content.add(items);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("partner.list.title", municipality);
    }
}
