package nl.omzien.sessions.ui;

import nl.omzien.sessions.SessionId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.base.ui.ListSearch;
import nl.omzien.base.ui.TapList;
import nl.omzien.security.Role;
import nl.omzien.sessions.SeriesRule;
import nl.omzien.sessions.SessionDraft;
import nl.omzien.sessions.SessionService;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.sessions.TrainingSession;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The trainer's sessions: plan one or a series, see numbers at a glance, open one for its participants. */
@Route("sessies/beheer")
@Menu(order = 12, title = "nav.session-admin", icon = "CALENDAR_USER")
@RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
public class TrainerSessionsView extends VerticalLayout implements HasTitleKey, BeforeEnterObserver {

    private final SessionService sessions;
    private final Clock clock;
    private final Grid<TrainingSession> grid = new Grid<>();
    private final Checkbox showPast = new Checkbox();
    private final TapList<TrainingSession> list;

    private final com.vaadin.flow.component.checkbox.Checkbox bySeries = new com.vaadin.flow.component.checkbox.Checkbox();
    private java.util.Map<Long, Long> seriesSizes = java.util.Map.of();
    private final ListSearch search = new ListSearch("session-search", getTranslation("session.search"), this::refresh);

    public TrainerSessionsView(SessionService sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
        setSizeFull();
        Button add = new Button(getTranslation("session.new"), VaadinIcon.PLUS.create(), click -> edit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("new-session");
        Button series = new Button(getTranslation("series.new"), VaadinIcon.CALENDAR.create(), click -> newSeries());
        series.setId("new-series");
        showPast.setLabel(getTranslation("session.show-past"));
        showPast.setId("show-past");
        showPast.addValueChangeListener(change -> refresh());
        HorizontalLayout toolbar = new HorizontalLayout(add, series, showPast);
        toolbar.setWrap(true);
        toolbar.setAlignItems(Alignment.CENTER);

        grid.addColumn(s -> SessionFormat.shortWhen(s.startsAt(), getLocale())).setHeader(getTranslation("session.column.when"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::titleWithSeries).setHeader(getTranslation("session.field.title")).setFlexGrow(2);
        grid.addColumn(s -> s.seatsTaken() + " / " + s.capacity()).setHeader(getTranslation("session.column.seats"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TrainingSession::waitlisted).setHeader(getTranslation("session.column.waitlist"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TrainingSession::place).setHeader(getTranslation("session.column.place")).setFlexGrow(1);
        grid.addComponentColumn(s -> {
            Span status = new Span(getTranslation(s.isCancelled() ? "session.status.cancelled"
                    : s.isClosed() ? "session.status.closed" : "session.status.open"));
            status.getElement().getThemeList().add(s.isCancelled() ? "badge error" : "badge");
            return status;
        }).setHeader(getTranslation("session.column.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(s -> {
            Button open = new Button(getTranslation("session.open"), click -> open(s));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            // The accessible name starts with the visible word, so "klik Openen" works for voice control.
            open.setAriaLabel(getTranslation("session.open-named", s.title(), SessionFormat.shortWhen(s.startsAt(), getLocale())));
            return open;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setAriaLabel(getTranslation("nav.session-admin"));
        grid.addClassName("wide-only");
        // Tapping a row opens the session, as the list on a phone does.
        grid.addItemClickListener(click -> open(click.getItem()));
        // On a phone: one column, the whole item is the link to the session.
        list = new TapList<TrainingSession>("session-list", getTranslation("nav.session-admin"), this::titleWithSeries,
                s -> List.of(SessionFormat.shortWhen(s.startsAt(), getLocale()) + " · " + s.place(),
                        getTranslation("session.list.numbers", s.seatsTaken(), s.capacity(), s.waitlisted(),
                                getTranslation(s.isCancelled() ? "session.status.cancelled" : s.isClosed() ? "session.status.closed" : "session.status.open"))))
                .linkTo(s -> new RouterLink(SessionDetailView.class, s.id().value())).itemIds(s -> "session-item-" + s.id());
        bySeries.setLabel(getTranslation("session.by-series"));
        bySeries.setId("by-series");
        bySeries.addValueChangeListener(change -> refresh());
        HorizontalLayout filters = new HorizontalLayout(search, bySeries);
        filters.setWrap(true);
        filters.setAlignItems(Alignment.BASELINE);
        add(toolbar, filters, grid, list);
    }

    /** Vaadin keeps this view when the menu item is clicked again: the sessions are read anew, the filters stay. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void open(TrainingSession session) {
        getUI().ifPresent(ui -> ui.navigate(SessionDetailView.class, session.id().value()));
    }

    private void refresh() {
        // A series of twelve dates is found by its title; a place or trainer finds theirs.
        List<TrainingSession> visible = sessions.visible(showPast.getValue()).stream()
                .filter(s -> search.matches(s.title(), s.place(), String.join(" ", s.trainerNames()),
                        SessionFormat.shortWhen(s.startsAt(), getLocale())))
                .toList();
        seriesSizes = visible.stream().filter(s -> s.seriesId() != null)
                .collect(java.util.stream.Collectors.groupingBy(TrainingSession::seriesId, java.util.stream.Collectors.counting()));
        if (bySeries.getValue()) {
            // One row per series (its first date in the list), so twelve dates of one series do not bury the rest.
            java.util.Set<Long> seen = new java.util.HashSet<>();
            visible = visible.stream().filter(s -> s.seriesId() == null || seen.add(s.seriesId())).toList();
        }
        grid.setItems(visible);
        list.setItems(visible);
    }

    /** With one row per series, the title says how many dates it stands for. */
    private String titleWithSeries(TrainingSession session) {
        Long dates = session.seriesId() == null ? null : seriesSizes.get(session.seriesId());
        return bySeries.getValue() && dates != null && dates > 1
                ? getTranslation("session.series-dates", session.title(), dates) : session.title();
    }

    /** New (null) or existing session in a dialog; also used by the detail view. */
    void edit(TrainingSession session) {
        SessionEditing.open(sessions, session, saved -> refresh());
    }

    private void newSeries() {
        SessionDraft template = sessions.newDraft();
        template.setStartTime(LocalTime.of(19, 30)).setEndTime(LocalTime.of(21, 0));
        SessionForm form = new SessionForm(template, sessions.moduleTitles(getLocale()), sessions.trainers(template.getMunicipalityId()),
                sessions.organisations(template.getMunicipalityId()), true);
        ComboBox<Integer> ordinal = new ComboBox<>(getTranslation("series.field.ordinal"), List.of(1, 2, 3, 4, -1));
        ordinal.setId("series-ordinal");
        ordinal.setItemLabelGenerator(o -> getTranslation("series.ordinal." + o));
        ordinal.setValue(1);
        ComboBox<DayOfWeek> day = new ComboBox<>(getTranslation("series.field.day"), DayOfWeek.values());
        day.setId("series-day");
        day.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.FULL, getLocale()));
        day.setValue(DayOfWeek.TUESDAY);
        ComboBox<Integer> every = new ComboBox<>(getTranslation("series.field.every"), List.of(1, 2, 3, 6));
        every.setId("series-every");
        every.setItemLabelGenerator(m -> getTranslation("series.every." + m));
        every.setValue(3);
        LocalDate today = LocalDate.now(clock.withZone(SessionTimes.ZONE));
        DatePicker from = new DatePicker(getTranslation("series.field.from"), today.withDayOfMonth(1).plusMonths(1));
        from.setId("series-from");
        DatePicker until = new DatePicker(getTranslation("series.field.until"), today.withDayOfMonth(1).plusMonths(13).minusDays(1));
        until.setId("series-until");
        nl.omzien.base.ui.ComponentTexts.datePicker(from);
        nl.omzien.base.ui.ComponentTexts.datePicker(until);
        Paragraph preview = new Paragraph();
        preview.setId("series-preview");
        Runnable showPreview = () -> preview.setText(rule(ordinal, day, every, from, until)
                .map(r -> getTranslation("series.preview", r.dates().stream()
                        .map(d -> d.format(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy", getLocale())))
                        .collect(Collectors.joining(", "))))
                .orElse(getTranslation("series.preview-invalid")));
        List.of(ordinal, day, every).forEach(f -> f.addValueChangeListener(change -> showPreview.run()));
        from.addValueChangeListener(change -> showPreview.run());
        until.addValueChangeListener(change -> showPreview.run());
        showPreview.run();
        FormLayout ruleForm = new FormLayout(ordinal, day, every, from, until);
        ruleForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 3));

        Dialog dialog = new Dialog(getTranslation("series.new"));
        Button save = new Button(getTranslation("series.create"));
        save.setId("save-series");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(click -> {
            try {
                SeriesRule rule = rule(ordinal, day, every, from, until)
                        .orElseThrow(() -> new InvalidInputException(Map.of("until", "series.preview-invalid")));
                List<SessionId> ids = sessions.createSeries(form.writeTo(template), rule);
                dialog.close();
                FormErrors.saved(getTranslation("series.created", ids.size()));
                SessionEditing.warnAboutQualifications(sessions, template.onDate(rule.dates().getLast()));
                refresh();
            } catch (InvalidInputException problem) {
                Map<String, com.vaadin.flow.component.HasValidation> fields = new HashMap<>(form.fields());
                fields.put("until", until);
                fields.put("date", from);
                FormErrors.show(problem, fields);
            } finally {
                save.setEnabled(true);
            }
        });
        dialog.add(new Paragraph(getTranslation("series.intro")), ruleForm, preview, form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.setWidth("min(52rem, 100vw)");
        dialog.open();
    }

    private static java.util.Optional<SeriesRule> rule(ComboBox<Integer> ordinal, ComboBox<DayOfWeek> day,
                                                       ComboBox<Integer> every, DatePicker from, DatePicker until) {
        try {
            return java.util.Optional.of(new SeriesRule(ordinal.getValue() == null ? 0 : ordinal.getValue(), day.getValue(),
                    every.getValue() == null ? 0 : every.getValue(), from.getValue(), until.getValue()));
        } catch (IllegalArgumentException invalid) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String titleKey() {
        return "nav.session-admin";
    }
}
