package nl.omzien.campaigns.internal;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Method;
import nl.omzien.base.SecurityHeadersFilter;
import nl.omzien.base.Translations;
import nl.omzien.campaigns.Activity;
import nl.omzien.campaigns.CampaignService;
import nl.omzien.campaigns.PublicAgenda;
import nl.omzien.sessions.SessionTimes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/**
 * The public agenda for calendar apps and municipal websites, without sign-in and without personal data: an
 * iCalendar feed ({@code /agenda/coevorden.ics}, written by biweekly; times in UTC, which every client shows in its
 * own zone) and a script-free HTML snippet for an iframe ({@code /agenda/coevorden/insluiten}), the one page that
 * other sites may frame (see {@link SecurityHeadersFilter}).
 */
@RestController
class AgendaController {

    private final CampaignService campaigns;
    private final Translations translations;
    private final Clock clock;
    private final String baseUrl;

    AgendaController(CampaignService campaigns, Translations translations, Clock clock,
                     @Value("${omzien.base-url}") String baseUrl) {
        this.campaigns = campaigns;
        this.translations = translations;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @GetMapping("/agenda/{slug}.ics")
    ResponseEntity<String> calendar(@PathVariable String slug) {
        return campaigns.publicAgenda(slug)
                .map(agenda -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                        .header("Cache-Control", "public, max-age=900").body(ics(agenda)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping(value = "/agenda/{slug}/insluiten")
    ResponseEntity<String> embed(@PathVariable String slug, @RequestParam(name = "taal", required = false) String language) {
        Locale locale = Translations.supported("en".equals(language) ? Locale.ENGLISH : Locale.of("nl"));
        return campaigns.publicAgenda(slug)
                .map(agenda -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html; charset=UTF-8"))
                        .header("Cache-Control", "public, max-age=300").body(html(agenda, locale)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private String ics(PublicAgenda agenda) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Omzien//Agenda//NL");
        calendar.setMethod(Method.publish());
        calendar.setName("Omzien " + agenda.municipalityName());
        Date stamp = Date.from(clock.instant());
        for (PublicAgenda.Training t : agenda.trainings()) {
            VEvent event = new VEvent();
            event.setUid("agenda-session-" + t.sessionId() + "@omzien");
            event.setDateTimeStamp(stamp);
            event.setSummary(t.title());
            event.setDateStart(Date.from(t.startsAt().toInstant()), true);
            event.setDateEnd(Date.from(t.endsAt().toInstant()), true);
            event.setLocation(t.place());
            String link = t.signUpLink() != null ? t.signUpLink() : baseUrl + "/agenda/" + agenda.slug();
            event.setDescription(translations.getTranslation("agenda.ics.training", Locale.of("nl"), t.freeSeats(), link));
            event.setUrl(link);
            if (t.campaignName() != null) {
                event.addCategories(t.campaignName());
            }
            calendar.addEvent(event);
        }
        for (PublicAgenda.CampaignActivities c : agenda.campaigns()) {
            for (Activity a : c.activities()) {
                VEvent event = new VEvent();
                event.setUid("activity-" + a.id() + "@omzien");
                event.setDateTimeStamp(stamp);
                event.setSummary(a.title());
                event.setDateStart(Date.from(a.startsAt().toInstant()), true);
                event.setDateEnd(Date.from(a.endsAt().toInstant()), true);
                event.setLocation(a.place());
                StringBuilder description = new StringBuilder(a.organiser());
                if (a.description() != null) {
                    description.append("\n\n").append(a.description());
                }
                event.setDescription(description.toString());
                if (a.link() != null) {
                    event.setUrl(a.link());
                }
                event.addCategories(c.name());
                calendar.addEvent(event);
            }
        }
        return Biweekly.write(calendar).go();
    }

    private String html(PublicAgenda agenda, Locale locale) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html><html lang=\"").append(locale.getLanguage()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(e(t(locale, "agenda.title", agenda.municipalityName()))).append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;margin:0;padding:8px;color:#1b1f23;background:#fff;"
                        + "font-size:16px;line-height:1.5}h1{font-size:1.25rem;margin:0 0 8px}h2{font-size:1.1rem;margin:16px 0 4px}"
                        + "ul{list-style:none;padding:0;margin:0}li{border-top:1px solid #c9d1d9;padding:8px 0}"
                        + "a{color:#14532d;font-weight:600}p{margin:2px 0}</style></head><body>");
        out.append("<h1>").append(e(t(locale, "agenda.title", agenda.municipalityName()))).append("</h1>");
        out.append("<h2>").append(e(t(locale, "agenda.trainings"))).append("</h2>");
        if (agenda.trainings().isEmpty()) {
            out.append("<p>").append(e(t(locale, "agenda.trainings.none"))).append("</p>");
        }
        out.append("<ul>");
        for (PublicAgenda.Training training : agenda.trainings()) {
            item(out, training.title(), training.startsAt(), training.endsAt(), training.place(), locale);
            out.append("<p>").append(e(training.waitlistOnly() ? t(locale, "agenda.waitlist")
                    : t(locale, "agenda.free-seats", training.freeSeats()))).append("</p>");
            link(out, training.signUpLink(), t(locale, "agenda.sign-up"), training.title());
            out.append("</li>");
        }
        out.append("</ul>");
        for (PublicAgenda.CampaignActivities campaign : agenda.campaigns()) {
            out.append("<h2>").append(e(campaign.name())).append("</h2><ul>");
            if (campaign.activities().isEmpty()) {
                out.append("<li>").append(e(t(locale, "agenda.activities.none"))).append("</li>");
            }
            for (Activity a : campaign.activities()) {
                item(out, a.title(), a.startsAt(), a.endsAt(), a.place(), locale);
                out.append("<p>").append(e(t(locale, "agenda.organiser", a.organiser()))).append("</p>");
                link(out, a.link(), t(locale, "agenda.more"), a.title());
                out.append("</li>");
            }
            out.append("</ul>");
        }
        out.append("<p><a target=\"_blank\" rel=\"noopener\" href=\"").append(e(baseUrl + "/agenda/" + agenda.slug()))
                .append("\">").append(e(t(locale, "agenda.full"))).append("</a></p></body></html>");
        return out.toString();
    }

    /** Opens a list item with the title, the time and the place. */
    private static void item(StringBuilder out, String title, java.time.OffsetDateTime from, java.time.OffsetDateTime to,
                             String place, Locale locale) {
        out.append("<li><p><strong>").append(e(title)).append("</strong></p><p>")
                .append(e(SessionTimes.local(from).format(DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", locale))))
                .append("–").append(e(SessionTimes.local(to).format(DateTimeFormatter.ofPattern("HH:mm", locale))))
                .append(place == null ? "" : ", " + e(place)).append("</p>");
    }

    /** A link that opens outside the frame; its hidden words name what it is for, for screen readers. */
    private static void link(StringBuilder out, String href, String text, String about) {
        if (href == null) {
            return;
        }
        out.append("<p><a target=\"_blank\" rel=\"noopener\" href=\"").append(e(href)).append("\">").append(e(text))
                .append("<span style=\"position:absolute;left:-9999px\"> ").append(e(about)).append("</span></a></p>");
    }

    private String t(Locale locale, String key, Object... params) {
        return translations.getTranslation(key, locale, params);
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
