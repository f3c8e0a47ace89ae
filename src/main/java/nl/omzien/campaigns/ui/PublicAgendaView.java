package nl.omzien.campaigns.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import nl.omzien.base.ui.LanguageSwitch;
import nl.omzien.base.ui.PublicPage;
import nl.omzien.campaigns.Activity;
import nl.omzien.campaigns.CampaignService;
import nl.omzien.campaigns.PublicAgenda;
import nl.omzien.sessions.SessionTimes;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A municipality's public agenda, no sign-in (issue 21): trainings with free seats, each with its sign-up link (the
 * sessions' invite flow), and the activities of its campaigns. Lists of plain text and links, one column, so it reads
 * on a 360 px phone and with a screen reader; the calendar feed and the website snippet are linked at the end.
 */
@Route(value = "agenda/:slug", autoLayout = false)
@AnonymousAllowed
public class PublicAgendaView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private final CampaignService campaigns;
    private String title = "";

    public PublicAgendaView(CampaignService campaigns) {
        this.campaigns = campaigns;
        addClassName("verify");
        content.setId("agenda");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        PublicAgenda agenda = campaigns.publicAgenda(slug).orElse(null);
        if (agenda == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        title = getTranslation("agenda.title", agenda.municipalityName());
        startPage();
        content.add(new H1(title), new Paragraph(getTranslation("agenda.intro")));
        content.add(new H2(getTranslation("agenda.trainings")));
        if (agenda.trainings().isEmpty()) {
            content.add(new Paragraph(getTranslation("agenda.trainings.none")));
        } else {
            UnorderedList list = list("agenda-trainings");
            agenda.trainings().forEach(t -> list.add(training(t)));
            content.add(list);
        }
        for (PublicAgenda.CampaignActivities campaign : agenda.campaigns()) {
            content.add(new H2(campaign.name()), new Paragraph(getTranslation("agenda.campaign-days",
                    date(campaign.startsOn()), date(campaign.endsOn()))));
            if (campaign.activities().isEmpty()) {
                content.add(new Paragraph(getTranslation("agenda.activities.none")));
                continue;
            }
            UnorderedList list = list("agenda-activities");
            campaign.activities().forEach(a -> list.add(activity(a)));
            content.add(list);
        }
        content.add(new H2(getTranslation("agenda.elsewhere")));
        Anchor feed = new Anchor("/agenda/" + agenda.slug() + ".ics", getTranslation("agenda.feed"));
        feed.setId("agenda-feed");
        Anchor embed = new Anchor("/agenda/" + agenda.slug() + "/insluiten", getTranslation("agenda.embed"));
        embed.setId("agenda-embed");
        content.add(new Paragraph(feed), new Paragraph(embed), new LanguageSwitch());
    }

    private static UnorderedList list(String id) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        list.getStyle().set("list-style", "none").set("padding", "0").set("margin", "0");
        return list;
    }

    private ListItem training(PublicAgenda.Training t) {
        ListItem item = item();
        item.addClassName("agenda-training");
        item.add(new H3(t.title()), new Paragraph(when(t.startsAt(), t.endsAt())));
        if (t.place() != null) {
            item.add(new Paragraph(getTranslation("agenda.place", t.place())));
        }
        if (t.campaignName() != null) {
            item.add(new Paragraph(getTranslation("agenda.part-of", t.campaignName())));
        }
        item.add(new Paragraph(t.waitlistOnly() ? getTranslation("agenda.waitlist")
                : getTranslation("agenda.free-seats", t.freeSeats())));
        if (t.signUpLink() != null) {
            // On this page the form is on the same site: a path, whatever address the site is reached by.
            java.net.URI link = java.net.URI.create(t.signUpLink());
            Anchor signUp = new Anchor(link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()),
                    getTranslation("agenda.sign-up"));
            signUp.getElement().setAttribute("aria-label", getTranslation("agenda.sign-up-for", t.title()));
            signUp.addClassName("agenda-sign-up");
            item.add(new Paragraph(signUp));
        }
        return item;
    }

    private ListItem activity(Activity a) {
        ListItem item = item();
        item.addClassName("agenda-activity");
        item.add(new H3(a.title()), new Paragraph(when(a.startsAt(), a.endsAt())),
                new Paragraph(getTranslation("agenda.place", a.place())),
                new Paragraph(getTranslation("agenda.organiser", a.organiser())));
        if (a.description() != null) {
            item.add(new Paragraph(a.description()));
        }
        if (a.link() != null) {
            Anchor more = new Anchor(a.link(), getTranslation("agenda.more"));
            more.setTarget(AnchorTarget.BLANK);
            more.getElement().setAttribute("rel", "noopener");
            more.getElement().setAttribute("aria-label", getTranslation("agenda.more-about", a.title()));
            item.add(new Paragraph(more));
        }
        return item;
    }

    private static ListItem item() {
        ListItem item = new ListItem();
        item.getStyle().set("border-top", "1px solid var(--lumo-contrast-20pct)").set("padding", "var(--lumo-space-s) 0");
        return item;
    }

    private String when(OffsetDateTime from, OffsetDateTime until) {
        return SessionTimes.local(from).format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", getLocale()))
                + "–" + SessionTimes.local(until).format(DateTimeFormatter.ofPattern("HH:mm", getLocale()));
    }

    private String date(java.time.LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", getLocale()));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
