package nl.omzien.contacts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.util.function.Function;

/**
 * A municipality's contacts as a phone-friendly list (tap to call or mail) with a link to the printable
 * card. Other features embed it: the module player shows it in the "doorverwijzen" module.
 */
public class LocalHelpPanel extends Div {

    /** The signed-in person's own municipality; a short note when they have none. */
    public static LocalHelpPanel forMe(LocalContactService service) {
        return new LocalHelpPanel(service, service.mine().orElse(null), null, 3);
    }

    /** As a page of its own: its headings are h2, under the page's h1. */
    public LocalHelpPanel(LocalContactService service, MunicipalityContacts card, Function<LocalContact, Component> actions) {
        this(service, card, actions, 2);
    }

    /**
     * @param actions extra buttons per contact (the editor's change and delete), or null
     */
    public LocalHelpPanel(LocalContactService service, MunicipalityContacts card, Function<LocalContact, Component> actions,
                          int headingLevel) {
        this.headingLevel = headingLevel;
        addClassName("local-help");
        setId("local-help");
        // First, whatever the municipality: someone facing a person in crisis looks at the phone, not the card.
        add(nationalLines());
        if (card == null) {
            add(new Paragraph(getTranslation("contact.no-municipality")));
            return;
        }
        Component heading = heading(getTranslation("contact.heading", card.municipalityName()));
        add(heading);
        Anchor pdf = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = service.card(card.municipalityId(), getLocale());
            return new DownloadResponse(new ByteArrayInputStream(bytes), service.cardFileName(card), "application/pdf", bytes.length);
        }), "");
        pdf.setId("contacts-card-pdf");
        pdf.addClassName("local-help-pdf");
        pdf.setTarget(AnchorTarget.BLANK);
        pdf.add(VaadinIcon.PRINT.create(), new Span(getTranslation("contact.card.download")));
        // At the top: on a phone the last contact is far down, and printing is what a shop does first.
        add(pdf);
        // Issue 21: the signal card (signals, tips, steps and these contacts) is printed from its own page.
        Anchor signalCard = new Anchor("signaleringskaart", "");
        signalCard.setId("signal-card-link");
        signalCard.addClassName("local-help-pdf");
        signalCard.add(VaadinIcon.CLIPBOARD_TEXT.create(), new Span(getTranslation("signalcard.link")));
        add(signalCard);
        if (card.contacts().isEmpty()) {
            add(new Paragraph(getTranslation("contact.none")));
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("local-help-list");
        for (LocalContact contact : card.contacts()) {
            list.add(item(contact, actions));
        }
        add(list);

    }

    private final int headingLevel;

    private Component heading(String text) {
        Component heading = headingLevel == 2 ? new com.vaadin.flow.component.html.H2(text) : new H3(text);
        ((com.vaadin.flow.component.HasStyle) heading).addClassName("local-help-heading");
        return heading;
    }

    /** 112, 113 and De Luisterlijn, tap to call: the same national lines as on the printed card. */
    private Component nationalLines() {
        Div box = new Div();
        box.setId("national-lines");
        box.addClassName("national-lines");
        Component heading = heading(getTranslation("contact.national.heading"));
        UnorderedList lines = new UnorderedList();
        lines.addClassName("national-lines-list");
        lines.add(line("112", "contact.national.112", "112"),
                line("113", "contact.national.113", "113", "0800-0113"),
                line("luisterlijn", "contact.national.luisterlijn", "088 0767 000"));
        box.add(heading, lines);
        return box;
    }

    private ListItem line(String id, String whatKey, String... numbers) {
        ListItem item = new ListItem();
        item.addClassName("national-line");
        item.setId("national-" + id);
        Span what = new Span(getTranslation(whatKey));
        what.addClassName("national-line-what");
        Div calls = new Div();
        calls.addClassName("local-help-reach");
        for (String number : numbers) {
            Anchor call = new Anchor("tel:" + number.replaceAll("[^0-9+]", ""), "");
            call.add(VaadinIcon.PHONE.create(), new Span(getTranslation("contact.national.call", number)));
            call.addClassName("national-call");
            calls.add(call);
        }
        item.add(what, calls);
        return item;
    }

    private Component item(LocalContact contact, Function<LocalContact, Component> actions) {
        ListItem item = new ListItem();
        item.addClassName("local-help-item");
        // Issue 21: a contact for one kern (village or district) says which; contacts of the reader's kern come first.
        Span kind = new Span(getTranslation(contact.kind().translationKey())
                + (contact.kern() == null ? "" : " · " + contact.kern()));
        kind.addClassName("local-help-kind");
        Div name = new Div(new Span(contact.name()));
        name.addClassName("local-help-name");
        if (contact.example()) {
            Span example = new Span(getTranslation("contact.example"));
            example.getElement().getThemeList().add("badge contrast small");
            example.getElement().setAttribute("title", getTranslation("contact.example.long"));
            name.add(example);
        }
        item.add(kind, name, new Paragraph(contact.offer()));
        Div reach = new Div();
        reach.addClassName("local-help-reach");
        if (contact.phone() != null) {
            Anchor phone = new Anchor("tel:" + contact.phone().replaceAll("[^0-9+]", ""), "");
            phone.add(VaadinIcon.PHONE.create(), new Span(contact.phone()));
            phone.getElement().setAttribute("aria-label", getTranslation("contact.call", contact.name(), contact.phone()));
            reach.add(phone);
        }
        if (contact.email() != null) {
            Anchor mail = new Anchor("mailto:" + contact.email(), "");
            mail.add(VaadinIcon.ENVELOPE.create(), new Span(contact.email()));
            reach.add(mail);
        }
        if (contact.website() != null) {
            Anchor web = new Anchor(contact.website(), "");
            web.add(VaadinIcon.GLOBE.create(), new Span(contact.website().replaceFirst("^https?://", "")));
            web.setTarget(AnchorTarget.BLANK);
            web.getElement().setAttribute("rel", "noopener noreferrer");
            reach.add(web);
        }
        item.add(reach);
        if (contact.openingHours() != null) {
            Paragraph hours = new Paragraph(getTranslation("contact.card.hours", contact.openingHours()));
            hours.addClassName("local-help-hours");
            item.add(hours);
        }
        if (actions != null) {
            item.add(actions.apply(contact));
        }
        return item;
    }
}
