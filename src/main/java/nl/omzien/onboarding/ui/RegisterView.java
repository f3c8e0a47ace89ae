package nl.omzien.onboarding.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.LanguageSwitch;
import nl.omzien.base.ui.PublicPage;
import nl.omzien.onboarding.InviteRegistrationService;
import nl.omzien.onboarding.InviteRegistrationService.Invite;
import nl.omzien.people.Organisation;
import nl.omzien.sessions.TrainingSession;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.Optional;

/**
 * The form an organisation's invite link (or QR code on the flyer) opens: name, e-mail and consent,
 * nothing more. Made for a phone: one column, large fields, the organisation already filled in.
 */
@Route(value = "aanmelden/:token", autoLayout = false)
@AnonymousAllowed
public class RegisterView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private final InviteRegistrationService registrations;
    private final boolean sessionLink;
    private final VerticalLayout content = new VerticalLayout();
    private final TextField fullName = new TextField();
    private final EmailField email = new EmailField();
    private final ComboBox<Organisation> organisation = new ComboBox<>();
    private final Checkbox consent = new Checkbox();
    private final Span consentError = new Span();
    private final Paragraph problem = new Paragraph();
    private final Button send = new Button();
    private String token;
    /** The link came from the public agenda (issue 21): a confirmed sign-up counts as one from the agenda. */
    private boolean viaAgenda;

    public RegisterView(InviteRegistrationService registrations) {
        this(registrations, false);
    }

    protected RegisterView(InviteRegistrationService registrations, boolean sessionLink) {
        this.registrations = registrations;
        this.sessionLink = sessionLink;
        addClassName("register");
        setAlignItems(Alignment.CENTER);
        content.addClassName("register-content");
        content.setPadding(false);
        add(content);
        send.addClickListener(click -> submit());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        viaAgenda = event.getLocation().getQueryParameters().getParameters().containsKey("via")
                && event.getLocation().getQueryParameters().getParameters().get("via").contains("agenda");
        Optional<Invite> invite = sessionLink ? registrations.sessionInvite(token) : registrations.organisationInvite(token);
        content.removeAll();
        // Vaadin may reuse this view for the same address: start from an empty form with a live button.
        fullName.clear();
        email.clear();
        consent.clear();
        problem.setText("");
        consentError.setText("");
        send.setEnabled(true);
        content.add(PublicPage.brand());
        invite.ifPresentOrElse(this::showForm, this::showInvalidLink);
        content.add(new LanguageSwitch());
    }

    private void showInvalidLink() {
        H1 title = new H1(getTranslation("register.invalid.title"));
        Paragraph text = new Paragraph(getTranslation("register.invalid.text"));
        text.setId("register-invalid");
        Anchor signIn = new Anchor("inloggen", getTranslation("register.invalid.sign-in"));
        signIn.addClassName("login-by-link");
        content.add(title, text, signIn);
    }

    private void showForm(Invite invite) {
        H1 title = new H1(getTranslation(invite.forSession() ? "register.session.title" : "register.title"));
        Paragraph intro = new Paragraph(getTranslation("register.intro"));
        content.add(title);
        if (invite.forSession()) {
            content.add(sessionSummary(invite.session()));
        }
        content.add(intro);

        problem.setId("register-problem");
        problem.addClassName("sign-in-notice");
        problem.addClassName("sign-in-problem");
        problem.getElement().setAttribute("role", "alert");

        fullName.setLabel(getTranslation("register.name"));
        fullName.setId("register-name");
        fullName.setAutocomplete(Autocomplete.NAME);
        fullName.setRequired(true);
        fullName.setMaxLength(150);
        fullName.setWidthFull();

        email.setLabel(getTranslation("register.email"));
        email.setId("register-email");
        email.setAutocomplete(Autocomplete.EMAIL);
        email.setHelperText(getTranslation("register.email.helper"));
        email.setRequired(true);
        email.setWidthFull();

        organisation.setLabel(getTranslation("register.organisation"));
        organisation.setId("register-organisation-choice");
        organisation.setItems(invite.choices());
        organisation.setItemLabelGenerator(Organisation::name);
        organisation.setWidthFull();
        organisation.setRequired(true);
        organisation.setHelperText(getTranslation("register.organisation.choose"));
        organisation.setValue(invite.organisation());
        // Decided by the link: plain read-only text, so nobody taps a dropdown arrow that does nothing.
        TextField fixedOrganisation = new TextField(getTranslation("register.organisation"));
        fixedOrganisation.setId("register-organisation");
        fixedOrganisation.setReadOnly(true);
        fixedOrganisation.setWidthFull();
        if (invite.organisation() != null) {
            fixedOrganisation.setValue(invite.organisation().name());
        }
        TextField municipality = new TextField(getTranslation("register.municipality"));
        municipality.setId("register-municipality");
        municipality.setValue(invite.municipalityName());
        municipality.setReadOnly(true);
        municipality.setWidthFull();

        consent.setId("register-consent");
        consent.setLabelComponent(consentLabel());
        consentError.addClassName("register-consent-error");
        consentError.setId("register-consent-error");

        send.setText(getTranslation("register.send"));
        send.setId("register-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        send.setWidthFull();
        send.setDisableOnClick(true);

        content.add(problem, fullName, email, invite.organisation() != null ? fixedOrganisation : organisation, municipality,
                consent, consentError, send);
    }

    private Div sessionSummary(TrainingSession session) {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(getLocale());
        Div summary = new Div();
        summary.addClassName("register-session");
        summary.setId("register-session");
        Span name = new Span(session.title());
        name.addClassName("register-session-title");
        summary.add(name, new Paragraph(session.startsAt().atZoneSameInstant(DUTCH_TIME).format(when)),
                new Paragraph(session.place()));
        // Say before the form is filled in whether there is a seat or the person joins the waitlist.
        Paragraph seats = new Paragraph(session.seatForNewcomer()
                ? getTranslation("sessions.free-seats", session.freeSeats())
                : getTranslation("register.session.full", session.waitlisted()));
        seats.setId("register-session-seats");
        seats.addClassName("free-seats");
        summary.add(seats);
        return summary;
    }

    private Span consentLabel() {
        Anchor statement = new Anchor("privacy", getTranslation("register.consent.link"));
        statement.setTarget(AnchorTarget.BLANK);
        statement.setId("register-privacy-link");
        return new Span(new Span(getTranslation("register.consent.before") + " "), statement,
                new Span(" " + getTranslation("register.consent.after")));
    }

    private void submit() {
        Map<String, HasValidation> fields = Map.of("fullName", fullName, "email", email, "organisation", organisation);
        FormErrors.clear(fields);
        problem.setText("");
        consentError.setText("");
        Organisation chosen = organisation.getValue();
        var form = new InviteRegistrationService.Form(fullName.getValue(), email.getValue(), chosen == null ? null : chosen.id(),
                consent.getValue(), getLocale());
        try {
            registrations.register(token, sessionLink, form, VaadinRequest.getCurrent().getRemoteAddr(), viaAgenda);
            showSent(email.getValue().trim());
        } catch (InvalidInputException e) {
            String consentKey = e.errors().get("consent");
            if (consentKey != null) {
                consentError.setText(getTranslation(consentKey));
            }
            String general = e.errors().getOrDefault("invite", e.errors().get("form"));
            if (general != null) {
                problem.setText(getTranslation(general));
            }
            FormErrors.show(new InvalidInputException(withoutGeneral(e.errors())), fields);
            if (consentKey != null && !e.errors().containsKey("fullName") && !e.errors().containsKey("email")) {
                consent.focus();
            }
            send.setEnabled(true);
        }
    }

    private static Map<String, String> withoutGeneral(Map<String, String> errors) {
        var fieldErrors = new java.util.LinkedHashMap<>(errors);
        fieldErrors.keySet().removeAll(java.util.Set.of("consent", "invite", "form"));
        return fieldErrors;
    }

    private void showSent(String address) {
        content.removeAll();
        H1 title = new H1(getTranslation("register.sent.title"));
        Paragraph text = new Paragraph(getTranslation("register.sent.text", address));
        text.setId("register-sent");
        text.getElement().setAttribute("role", "status");
        Paragraph spam = new Paragraph(getTranslation("register.sent.spam"));
        content.add(PublicPage.brand(), title, text, spam);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("register.page-title");
    }
}
