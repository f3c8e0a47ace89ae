package nl.omzien.sessions.ui;

import nl.omzien.base.PersonId;

import nl.omzien.sessions.RegistrationId;
import nl.omzien.sessions.SessionId;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.people.Audience;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.sessions.Attendance;
import nl.omzien.sessions.MyRegistration;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.RegistrationStatus;
import nl.omzien.sessions.SignUpOutcome;
import nl.omzien.sessions.TrainingSession;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Group sessions for participants: their own places first (with what to do next), then what is
 * planned in their municipality, with free seats and one button to sign up or join the waitlist.
 */
@Route("sessies")
@Menu(order = 11, title = "nav.sessions", icon = "CALENDAR")
@RolesAllowed({Role.PARTICIPANT_ROLE, Role.ORG_CONTACT_ROLE})
public class SessionsView extends VerticalLayout implements HasTitleKey, BeforeEnterObserver {

    private final RegistrationService registrations;
    private final java.time.Clock clock;
    private final boolean contact;
    private final Div mine = new Div();
    private final Div upcoming = new Div();
    private final DatePicker from = new DatePicker();
    private final DatePicker until = new DatePicker();
    private final ComboBox<Audience> audience = new ComboBox<>();
    private final TextField place = new TextField();
    // The person's own places, read once per refresh and shown in both lists.
    private List<MyRegistration> own = List.of();

    public SessionsView(RegistrationService registrations, CurrentUser currentUser, java.time.Clock clock) {
        this.registrations = registrations;
        this.clock = clock;
        this.contact = currentUser.require().has(Role.ORG_CONTACT);
        addClassName("sessions-view");
        mine.setId("my-sessions");
        mine.addClassName("card-list");
        upcoming.setId("upcoming-sessions");
        upcoming.addClassName("card-list");

        from.setLabel(getTranslation("sessions.filter.from"));
        until.setLabel(getTranslation("sessions.filter.until"));
        audience.setLabel(getTranslation("session.field.audience"));
        audience.setItems(Audience.values());
        audience.setItemLabelGenerator(a -> getTranslation("session.audience." + a.name()));
        audience.setClearButtonVisible(true);
        place.setLabel(getTranslation("sessions.filter.place"));
        place.setValueChangeMode(ValueChangeMode.LAZY);
        place.setClearButtonVisible(true);
        from.addValueChangeListener(change -> showUpcoming());
        until.addValueChangeListener(change -> showUpcoming());
        audience.addValueChangeListener(change -> showUpcoming());
        place.addValueChangeListener(change -> showUpcoming());
        FormLayout filters = new FormLayout(from, until, audience, place);
        filters.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2), new FormLayout.ResponsiveStep("40em", 4));
        Details filterBox = new Details(getTranslation("sessions.filter"), filters);
        filterBox.setId("session-filters");

        Button feed = new Button(getTranslation("sessions.calendar-feed"), VaadinIcon.CALENDAR_CLOCK.create(), click -> showFeed());
        feed.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        feed.setId("calendar-feed");

        // The page title is the h1 (app shell): its sections are h2.
        add(new H2(getTranslation("sessions.mine")), mine, feed, new H2(getTranslation("sessions.upcoming")), filterBox,
                upcoming);
    }

    /**
     * Read at every navigation here, not once: Vaadin keeps the view when its own route is opened again (the
     * menu item), and that must show the places as they are now.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        own = registrations.mine();
        showMine();
        showUpcoming();
    }

    private void showMine() {
        mine.removeAll();
        if (own.isEmpty()) {
            mine.add(new Paragraph(getTranslation("sessions.mine-empty")));
        }
        for (MyRegistration registration : own) {
            mine.add(myCard(registration));
        }
    }

    private Component myCard(MyRegistration registration) {
        TrainingSession session = registration.session();
        Div card = card(session);
        card.getElement().setAttribute("data-registration", String.valueOf(registration.registrationId()));
        Span badge = new Span(status(registration));
        badge.addClassName("registration-status");
        badge.getElement().getThemeList().add(registration.status() == RegistrationStatus.CONFIRMED ? "badge success"
                : registration.status() == RegistrationStatus.OFFERED ? "badge" : "badge contrast");
        card.add(badge);
        if (registration.attendance() != null) {
            card.add(new Paragraph(getTranslation(registration.attendance().translationKey())));
        } else if (registration.checkedIn()) {
            card.add(new Paragraph(getTranslation("sessions.checked-in")));
        }
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        RegistrationId id = registration.registrationId();
        if (registration.status() == RegistrationStatus.OFFERED) {
            Button accept = new Button(getTranslation("sessions.accept"), click -> act(() -> registrations.acceptOffer(id),
                    "sessions.accepted"));
            accept.setId("accept-" + id);
            accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(accept);
        }
        // Someone who is here (checked in, or recorded by the trainer) does not cancel any more.
        if (registration.status().isLive() && !session.startsAt().isBefore(now) && !registration.checkedIn()
                && registration.attendance() == null) {
            Button cancel = new Button(getTranslation(registration.status() == RegistrationStatus.WAITLISTED
                    ? "sessions.leave-waitlist" : "sessions.cancel"), click -> act(() -> registrations.cancel(id),
                    "sessions.cancelled"));
            cancel.setId("cancel-" + id);
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Button move = new Button(getTranslation("sessions.reschedule"), click -> reschedule(registration));
            move.setId("reschedule-" + id);
            move.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(cancel, move);
        }
        if (registration.attendance() == Attendance.PRESENT && !registration.evaluated() && !now.isBefore(session.endsAt())) {
            Button evaluate = new Button(getTranslation("evaluation.open"), click -> evaluate(registration));
            evaluate.setId("evaluate-" + id);
            evaluate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(evaluate);
        }
        card.add(actions);
        return card;
    }

    /** Where someone stands, in the same words on their own card and in the list of all sessions. */
    private String status(MyRegistration registration) {
        return switch (registration.status()) {
            case WAITLISTED -> getTranslation("sessions.waitlist-position", registration.waitlistPosition());
            case OFFERED -> getTranslation("sessions.offer-until", SessionFormat.shortWhen(registration.offerExpiresAt(), getLocale()));
            case CONFIRMED -> getTranslation("sessions.you-are-registered");
            default -> getTranslation(registration.status().translationKey());
        };
    }

    private Div card(TrainingSession session) {
        Div card = new Div();
        card.addClassName("session-card");
        Span title = new Span(session.title());
        title.addClassName("session-card-title");
        card.add(title, new Paragraph(SessionFormat.when(session, getLocale())), new Paragraph(session.place()));
        if (session.notes() != null) {
            Paragraph notes = new Paragraph(session.notes());
            notes.addClassName("session-notes");
            card.add(notes);
        }
        return card;
    }

    /** "3 seats free", or "full" with the waitlist, by the rule a sign-up is decided by. */
    private String seatsText(TrainingSession session) {
        return session.seatForNewcomer() ? getTranslation("sessions.free-seats", session.freeSeats())
                : getTranslation("sessions.full", session.waitlisted());
    }

    private void showUpcoming() {
        upcoming.removeAll();
        List<TrainingSession> sessions = registrations.upcoming(new RegistrationService.Filter(from.getValue(),
                until.getValue(), audience.getValue(), place.getValue()));
        java.util.Map<SessionId, MyRegistration> mineBySession = new java.util.HashMap<>();
        own.stream().filter(r -> r.status().isLive()).forEach(r -> mineBySession.put(r.session().id(), r));
        for (TrainingSession session : sessions) {
            Div card = card(session);
            card.getElement().setAttribute("data-session", String.valueOf(session.id()));
            Span seats = new Span(seatsText(session));
            seats.addClassName("free-seats");
            card.add(seats);
            HorizontalLayout actions = new HorizontalLayout();
            actions.setWrap(true);
            boolean open = session.openForSignUp(java.time.OffsetDateTime.now(clock));
            if (mineBySession.containsKey(session.id())) {
                Span where = new Span(status(mineBySession.get(session.id())));
                where.addClassName("registration-status");
                where.setId("my-status-" + session.id());
                actions.add(where);
            } else if (open) {
                Button signUp = new Button(getTranslation(session.seatForNewcomer() ? "sessions.sign-up" : "sessions.join-waitlist"),
                        click -> signUp(session));
                signUp.setId("signup-" + session.id());
                signUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                signUp.setDisableOnClick(true);
                actions.add(signUp);
            } else {
                actions.add(new Span(getTranslation("session.sign-up-closed")));
            }
            if (contact && open) {
                Button colleagues = new Button(getTranslation("sessions.sign-up-colleagues"), VaadinIcon.USERS.create(),
                        click -> signUpColleagues(session));
                colleagues.setId("colleagues-" + session.id());
                colleagues.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                actions.add(colleagues);
            }
            card.add(actions);
            upcoming.add(card);
        }
        if (sessions.isEmpty()) {
            upcoming.add(new Paragraph(getTranslation("sessions.none")));
        }
        upcoming.add(interest());
    }

    private Component interest() {
        Div box = new Div();
        box.addClassName("interest-box");
        if (registrations.hasInterest()) {
            box.add(new Paragraph(getTranslation("sessions.interest-registered")));
            return box;
        }
        Button button = new Button(getTranslation("sessions.interest"), VaadinIcon.BELL.create(), click -> {
            registrations.registerInterest();
            FormErrors.saved(getTranslation("sessions.interest-registered"));
            showUpcoming();
        });
        button.setId("interest");
        box.add(new Paragraph(getTranslation("sessions.interest-intro")), button);
        return box;
    }

    private void signUp(TrainingSession session) {
        try {
            SignUpOutcome outcome = registrations.signUp(session.id());
            FormErrors.saved(getTranslation(outcome.status() == RegistrationStatus.CONFIRMED
                    ? "sessions.signed-up" : "sessions.waitlisted"));
        } catch (InvalidInputException problem) {
            FormErrors.error(getTranslation(problem.errors().values().iterator().next()));
        }
        refresh();
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            FormErrors.saved(getTranslation(doneKey));
        } catch (InvalidInputException problem) {
            FormErrors.error(getTranslation(problem.errors().values().iterator().next()));
        }
        refresh();
    }

    private void reschedule(MyRegistration registration) {
        List<TrainingSession> alternatives = registrations.alternatives(registration.registrationId());
        Dialog dialog = new Dialog(getTranslation("sessions.reschedule"));
        dialog.setWidth("min(36rem, 100vw)");
        if (alternatives.isEmpty()) {
            dialog.add(new Paragraph(getTranslation("sessions.no-alternatives")));
        }
        for (TrainingSession alternative : alternatives) {
            Div card = card(alternative);
            card.add(new Span(seatsText(alternative)));
            Button move = new Button(getTranslation("sessions.move-here"), click -> {
                try {
                    registrations.reschedule(registration.registrationId(), alternative.id());
                    dialog.close();
                    FormErrors.saved(getTranslation("sessions.moved"));
                } catch (InvalidInputException problem) {
                    FormErrors.error(getTranslation(problem.errors().values().iterator().next()));
                }
                refresh();
            });
            move.setId("move-to-" + alternative.id());
            // Moving only into a free seat, never onto a waitlist: the same rule the seat decision applies.
            move.setEnabled(alternative.seatForNewcomer());
            card.add(move);
            dialog.add(card);
        }
        dialog.getFooter().add(new Button(getTranslation("action.close"), click -> dialog.close()));
        dialog.open();
    }

    private void signUpColleagues(TrainingSession session) {
        Map<PersonId, String> colleagues = registrations.colleagues();
        CheckboxGroup<PersonId> choice = new CheckboxGroup<>(getTranslation("sessions.choose-colleagues"));
        choice.setId("colleague-choice");
        choice.setItems(colleagues.keySet());
        choice.setItemLabelGenerator(colleagues::get);
        choice.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        Dialog dialog = new Dialog(getTranslation("sessions.sign-up-colleagues"));
        dialog.setWidth("min(32rem, 100vw)");
        Button save = new Button(getTranslation("sessions.sign-up-selected"));
        save.setId("sign-up-colleagues");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(click -> {
            try {
                List<SignUpOutcome> outcomes = registrations.signUpColleagues(session.id(), choice.getValue());
                long confirmed = outcomes.stream().filter(o -> o.status() == RegistrationStatus.CONFIRMED).count();
                dialog.close();
                FormErrors.saved(getTranslation("sessions.colleagues-signed-up", confirmed, outcomes.size() - confirmed));
                refresh();
            } catch (InvalidInputException problem) {
                FormErrors.error(getTranslation(problem.errors().values().iterator().next()));
            } finally {
                save.setEnabled(true);
            }
        });
        dialog.add(new Paragraph(SessionFormat.when(session, getLocale())), choice);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void evaluate(MyRegistration registration) {
        RadioButtonGroup<Integer> score = new RadioButtonGroup<>(getTranslation("evaluation.score"));
        score.setId("evaluation-score");
        score.setItems(IntStream.rangeClosed(1, 10).boxed().toList());
        score.addClassName("score-scale");
        score.setRequiredIndicatorVisible(true);
        TextArea differently = new TextArea(getTranslation("evaluation.do-differently"));
        differently.setId("evaluation-differently");
        differently.setMaxLength(2000);
        differently.setRequiredIndicatorVisible(true);
        TextArea comment = new TextArea(getTranslation("evaluation.comment"));
        comment.setId("evaluation-comment");
        comment.setMaxLength(2000);
        Dialog dialog = new Dialog(getTranslation("evaluation.title", registration.session().title()));
        dialog.setWidth("min(36rem, 100vw)");
        Button save = new Button(getTranslation("evaluation.send"));
        save.setId("send-evaluation");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(click -> {
            try {
                registrations.evaluate(registration.registrationId(), score.getValue(), differently.getValue(), comment.getValue());
                dialog.close();
                FormErrors.saved(getTranslation("evaluation.thanks"));
                refresh();
            } catch (InvalidInputException problem) {
                FormErrors.show(problem, Map.of("score", score, "doDifferently", differently, "comment", comment));
            } finally {
                save.setEnabled(true);
            }
        });
        dialog.add(new VerticalLayout(score, differently, comment));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void showFeed() {
        String url = registrations.newCalendarFeed();
        Dialog dialog = new Dialog(getTranslation("sessions.calendar-feed"));
        dialog.setWidth("min(36rem, 100vw)");
        TextField address = new TextField(getTranslation("sessions.feed-address"));
        address.setId("feed-url");
        address.setValue(url);
        address.setReadOnly(true);
        address.setWidthFull();
        // On a phone the calendar app opens the webcal address itself; on a laptop it is copied and pasted.
        com.vaadin.flow.component.html.Anchor openInCalendar = new com.vaadin.flow.component.html.Anchor();
        openInCalendar.setText(getTranslation("sessions.feed-open"));
        // webcal: is not on Vaadin's list of safe schemes; this address is our own feed.
        openInCalendar.setUnsafeHref(url);
        openInCalendar.setId("feed-open");
        openInCalendar.addClassName("feed-open");
        Button copy = new Button(getTranslation("sessions.feed-copy"), VaadinIcon.COPY.create());
        copy.setId("feed-copy");
        Span copied = new Span();
        copied.getElement().setAttribute("role", "status");
        copy.addClickListener(click -> {
            copy.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", url);
            copied.setText(getTranslation("sessions.feed-copied"));
        });
        HorizontalLayout feedActions = new HorizontalLayout(openInCalendar, copy, copied);
        feedActions.setWrap(true);
        feedActions.setAlignItems(Alignment.CENTER);
        dialog.add(new Paragraph(getTranslation("sessions.feed-help")), address, feedActions);
        dialog.getFooter().add(new Button(getTranslation("action.close"), click -> dialog.close()));
        dialog.open();
    }

    @Override
    public String titleKey() {
        return "nav.sessions";
    }

}
