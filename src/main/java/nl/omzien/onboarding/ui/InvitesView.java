package nl.omzien.onboarding.ui;

import nl.omzien.base.OrganisationId;

import nl.omzien.sessions.SessionId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.base.ui.ListSearch;
import nl.omzien.onboarding.InviteLinkService;
import nl.omzien.onboarding.InviteLinkService.OrganisationInvite;
import nl.omzien.onboarding.InviteLinkService.SessionInvite;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Invite links for staff: an organisation's link with its printable flyer (coalition lead, the
 * organisation's contact, admin) and the sign-up links of upcoming sessions (trainer, lead, admin).
 * What each person sees and may change is decided by {@link InviteLinkService}; this only shows it.
 */
@Route("uitnodigingen")
@Menu(order = 45, title = "nav.invites", icon = "QRCODE")
@RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE, Role.ORG_CONTACT_ROLE, Role.TRAINER_ROLE})
public class InvitesView extends VerticalLayout implements BeforeEnterObserver, HasTitleKey {

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private final InviteLinkService invites;
    private final SignedInUser user;
    private final Locale locale;

    private final ListSearch search = new ListSearch("invite-search", getTranslation("invites.search"), this::applySearch);
    private final java.util.Map<Div, String[]> searchable = new java.util.LinkedHashMap<>();

    public InvitesView(InviteLinkService invites, CurrentUser currentUser) {
        this.invites = invites;
        this.user = currentUser.require();
        this.locale = getLocale();
        addClassName("invites");
        setMaxWidth("56rem");
    }

    /** Vaadin reuses this view when its own route is opened again: the links are read anew every time. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        removeAll();
        searchable.clear();
        add(search);
        boolean managesOrganisations = user.isAdmin() || user.has(Role.COALITION_LEAD) || user.has(Role.ORG_CONTACT);
        boolean managesSessions = user.isAdmin() || user.has(Role.COALITION_LEAD) || user.has(Role.TRAINER);
        if (managesOrganisations) {
            add(new H2(getTranslation("invites.organisations.title")), new Paragraph(getTranslation("invites.organisations.intro")));
            invites.organisationInvites().forEach(invite -> add(organisationCard(invite)));
        }
        if (managesSessions) {
            add(new H2(getTranslation("invites.sessions.title")), new Paragraph(getTranslation("invites.sessions.intro")));
            var sessionInvites = invites.sessionInvites();
            if (sessionInvites.isEmpty()) {
                add(new Paragraph(getTranslation("invites.sessions.none")));
            }
            sessionInvites.forEach(invite -> add(sessionCard(invite)));
        }
        applySearch();
    }

    /** Shows only the cards whose name, place or date contains what was typed; the field keeps focus. */
    private void applySearch() {
        searchable.forEach((card, texts) -> card.setVisible(search.matches(texts)));
    }

    private Div organisationCard(OrganisationInvite invite) {
        OrganisationId id = invite.organisation().id();
        String name = invite.organisation().name();
        Div card = card("invite-organisation-" + id, name, invite.organisation().municipalityName());
        searchable.put(card, new String[] {name, invite.organisation().municipalityName()});
        Anchor flyer = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = invites.flyer(id, locale);
            return new DownloadResponse(new ByteArrayInputStream(pdf), "omzien-flyer-" + id + ".pdf", "application/pdf", pdf.length);
        }), getTranslation("invites.flyer"));
        flyer.getElement().setAttribute("download", true);
        flyer.getElement().setAttribute("aria-label", getTranslation("invites.flyer.label", name));
        flyer.setId("flyer-" + id);
        flyer.addClassName("invite-flyer");
        Button rotate = rotateButton(name, () -> invites.rotateOrganisationInvite(id));
        rotate.setId("rotate-organisation-" + id);
        TextField shortLink = linkField(invite.shortLink(), name);
        shortLink.setLabel(getTranslation("invites.short-link"));
        shortLink.getElement().setAttribute("aria-label", getTranslation("invites.short-link.label", name));
        shortLink.setId("short-link-" + id);
        shortLink.removeClassName("invite-link");
        shortLink.addClassName("invite-short-link");
        card.add(linkField(invite.link(), name), shortLink, actions(copyButton(invite.link(), name), flyer, rotate));
        return card;
    }

    private Div sessionCard(SessionInvite invite) {
        SessionId id = invite.session().id();
        String when = invite.session().startsAt().atZoneSameInstant(DUTCH_TIME)
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale));
        String title = invite.session().title();
        Div card = card("invite-session-" + id, title, when + " · " + invite.session().place());
        searchable.put(card, new String[] {title, when, invite.session().place()});
        Button rotate = rotateButton(title, () -> invites.rotateSessionInvite(id));
        rotate.setId("rotate-session-" + id);
        card.add(linkField(invite.link(), title), actions(copyButton(invite.link(), title), rotate));
        return card;
    }

    private Div card(String id, String title, String subtitle) {
        Div card = new Div();
        card.setId(id);
        card.addClassName("invite-card");
        Paragraph sub = new Paragraph(subtitle);
        sub.addClassName("invite-subtitle");
        card.add(new H3(title), sub);
        return card;
    }

    private TextField linkField(String link, String name) {
        TextField field = new TextField(getTranslation("invites.link"));
        field.setValue(link);
        field.setReadOnly(true);
        field.setWidthFull();
        field.addClassName("invite-link");
        field.getElement().setAttribute("aria-label", getTranslation("invites.link.label", name));
        return field;
    }

    private Button copyButton(String link, String name) {
        Button copy = new Button(getTranslation("invites.copy"), VaadinIcon.COPY.create(), click -> {
            getElement().executeJs("return navigator.clipboard.writeText($0)", link);
            FormErrors.saved(getTranslation("invites.copied"));
        });
        copy.getElement().setAttribute("aria-label", getTranslation("invites.copy.label", name));
        return copy;
    }

    private Button rotateButton(String name, Runnable rotate) {
        Button button = new Button(getTranslation("invites.rotate"), VaadinIcon.REFRESH.create());
        button.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        button.getElement().setAttribute("aria-label", getTranslation("invites.rotate.label", name));
        button.addClickListener(click -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("invites.rotate.title", name),
                    getTranslation("invites.rotate.confirm"), getTranslation("invites.rotate"), yes -> {
                        rotate.run();
                        FormErrors.saved(getTranslation("invites.rotated"));
                        refresh();
                    });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        return button;
    }

    private static Div actions(com.vaadin.flow.component.Component... components) {
        Div actions = new Div(components);
        actions.addClassName("invite-actions");
        return actions;
    }

    @Override
    public String titleKey() {
        return "nav.invites";
    }
}
