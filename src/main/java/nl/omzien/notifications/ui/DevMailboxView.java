package nl.omzien.notifications.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.notifications.MailOutbox;
import nl.omzien.notifications.OutboxMail;
import nl.omzien.security.Role;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outbox for admins: without SMTP it is where mail ends up (sign-up links, invitations), so a demo
 * or a test can follow them; with SMTP it shows what was sent or still waits. In production it shows only
 * the list (to whom, subject, status), never a mail's text or links.
 */
@Route("dev-mailbox")
@Menu(order = 90, title = "nav.dev-mailbox", icon = "ENVELOPE")
@RolesAllowed(Role.ADMIN_ROLE)
public class DevMailboxView extends VerticalLayout implements HasTitleKey, BeforeEnterObserver {

    /** Only http(s): the text is untrusted, and a javascript: link must never become clickable. */
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");

    private final MailOutbox outbox;
    private final Clock clock;
    private final Grid<OutboxMail> grid = new Grid<>();
    private final Div details = new Div();

    public DevMailboxView(MailOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
        setSizeFull();
        Paragraph notice = new Paragraph(getTranslation(outbox.deliversViaSmtp() ? "mailbox.smtp-notice"
                : outbox.deliversToDevMailbox() ? "mailbox.intro" : "mailbox.no-smtp-notice"));
        notice.setId("mailbox-notice");
        Button refresh = new Button(getTranslation("mailbox.refresh"), VaadinIcon.REFRESH.create(), click -> refresh());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        grid.addColumn(mail -> format(mail.createdAt())).setHeader(getTranslation("mailbox.created")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OutboxMail::recipient).setHeader(getTranslation("mailbox.recipient")).setSortable(true);
        grid.addColumn(OutboxMail::subject).setHeader(getTranslation("mailbox.subject")).setFlexGrow(2);
        grid.addColumn(mail -> getTranslation("mailbox.status." + mail.status().name()))
                .setHeader(getTranslation("mailbox.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(mail -> mail.deliveredTo() == null ? "" : getTranslation("mailbox.delivery." + mail.deliveredTo().name()))
                .setHeader(getTranslation("mailbox.delivered-to")).setAutoWidth(true).setFlexGrow(0);
        grid.setAriaLabel(getTranslation("nav.dev-mailbox"));
        grid.asSingleSelect().addValueChangeListener(event -> show(event.getValue()));

        details.setId("mail-details");
        details.setWidthFull();
        add(notice, refresh, grid, details);
        setFlexGrow(1, grid);
    }

    /** Read on every visit: a reused view (the menu item clicked again) shows mail sent since. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        grid.setItems(outbox.latest());
        show(null);
    }

    private void show(OutboxMail mail) {
        details.removeAll();
        if (mail == null) {
            details.add(new Paragraph(getTranslation("mailbox.select")));
            return;
        }
        details.add(new H3(mail.subject()), new Paragraph(getTranslation("mailbox.to", mail.recipient(), format(mail.createdAt()))));
        if (mail.text() == null) {
            // Production: the service does not hand out texts (sign-in links of other people).
            details.add(new Paragraph(getTranslation("mailbox.text-hidden")));
        } else {
            // Text, not HTML: the body is shown exactly as written, so nothing in it can run in the admin's browser.
            Paragraph body = new Paragraph(mail.text());
            body.addClassName("mail-body");
            details.add(body);
        }
        List<String> links = mail.text() == null ? List.of() : links(mail.text());
        if (!links.isEmpty()) {
            UnorderedList list = new UnorderedList();
            links.forEach(url -> list.add(new ListItem(new Anchor(url, url, AnchorTarget.BLANK))));
            details.add(new Paragraph(getTranslation("mailbox.links")), list);
        }
        if (mail.attachmentName() != null) {
            details.add(new Paragraph(getTranslation("mailbox.attachment", mail.attachmentName())));
        }
        if (mail.status() == OutboxMail.Status.PENDING && mail.lastError() != null) {
            details.add(new Paragraph(getTranslation("mailbox.retry", mail.attempts(), format(mail.nextAttemptAt()), mail.lastError())));
        } else if (mail.status() == OutboxMail.Status.FAILED) {
            details.add(new Paragraph(getTranslation("mailbox.failed", mail.attempts(), mail.lastError())));
        }
    }

    static List<String> links(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            // A sentence often ends right after a link; that full stop or bracket is not part of it.
            found.add(matcher.group().replaceAll("[.,;:!?)\\]]+$", ""));
        }
        return List.copyOf(found);
    }

    private String format(OffsetDateTime time) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .format(time.atZoneSameInstant(clock.getZone()));
    }

    @Override
    public String titleKey() {
        return "nav.dev-mailbox";
    }
}
