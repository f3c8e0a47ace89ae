package nl.omzien.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.dashboard.Breakdown;
import nl.omzien.dashboard.CommentFilter;
import nl.omzien.dashboard.DashboardFigures;
import nl.omzien.dashboard.DashboardFilter;
import nl.omzien.dashboard.DashboardService;
import nl.omzien.dashboard.SmallNumbers;
import nl.omzien.dashboard.EvaluationComment;
import nl.omzien.dashboard.Granularity;
import nl.omzien.dashboard.OrganisationFigures;
import nl.omzien.dashboard.PartnerRule;
import nl.omzien.dashboard.TargetKind;
import nl.omzien.dashboard.TargetProgress;
import nl.omzien.dashboard.TimePoint;
import nl.omzien.people.Audience;
import nl.omzien.people.Municipality;
import nl.omzien.security.Role;

import java.io.ByteArrayInputStream;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.function.Supplier;

/**
 * The coalition dashboard: headline figures for a period and municipality, breakdowns with charts
 * and tables, organisations and Omzien-partners, targets, what participants say, and downloads.
 * Thin: every figure and every check comes from {@link DashboardService}.
 */
@Route("dashboard")
@Menu(order = 39, title = "dashboard.title", icon = "CHART")
@RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
public class DashboardView extends VerticalLayout implements HasTitleKey {

    /** The "all municipalities" choice of an admin. */
    static final Municipality ALL = new Municipality(0, "");
    enum Period { THIS_YEAR, LAST_YEAR, LAST_12, CUSTOM }

    private final DashboardService dashboard;
    final Select<Municipality> municipality = new Select<>();
    private final Select<Period> period = new Select<>();
    private final Select<YearMonth> from = new Select<>();
    private final Select<YearMonth> until = new Select<>();
    private final Checkbox publication = new Checkbox();
    private final Select<Granularity> granularity = new Select<>();
    private final Paragraph intro = new Paragraph();
    private final Div content = new Div();
    private boolean applyingPreset;
    private final NumberFormat oneDecimal;
    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter monthFormat;

    public DashboardView(DashboardService dashboard) {
        this.dashboard = dashboard;
        addClassName("dashboard");
        setWidthFull();
        oneDecimal = NumberFormat.getNumberInstance(getLocale());
        oneDecimal.setMinimumFractionDigits(1);
        oneDecimal.setMaximumFractionDigits(1);
        dateFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        monthFormat = DateTimeFormatter.ofPattern("MMMM yyyy", getLocale());

        DashboardFilter initial = dashboard.defaultFilter();
        List<Municipality> choices = new ArrayList<>(dashboard.municipalities());
        boolean admin = initial.municipalityId() == null;
        if (admin) {
            choices.addFirst(ALL);
        }
        municipality.setId("dashboard-municipality");
        municipality.setLabel(getTranslation("dashboard.municipality"));
        municipality.setItems(choices);
        municipality.setItemLabelGenerator(m -> m == ALL ? getTranslation("dashboard.all-municipalities") : m.name());
        municipality.setValue(choices.isEmpty() ? null : choices.getFirst());
        municipality.setVisible(choices.size() > 1);

        period.setId("dashboard-period");
        period.setLabel(getTranslation("dashboard.period"));
        period.setItems(Period.values());
        period.setItemLabelGenerator(p -> getTranslation("dashboard.period." + p.name().toLowerCase().replace('_', '-')));
        period.setValue(Period.THIS_YEAR);

        List<YearMonth> months = new ArrayList<>();
        YearMonth now = YearMonth.from(LocalDate.now());
        for (YearMonth m = now.plusMonths(12); !m.isBefore(YearMonth.of(2020, 1)); m = m.minusMonths(1)) {
            months.add(m);
        }
        for (Select<YearMonth> select : List.of(from, until)) {
            select.setItems(months);
            select.setItemLabelGenerator(monthFormat::format);
        }
        from.setId("dashboard-from");
        from.setLabel(getTranslation("dashboard.from"));
        from.setValue(initial.from());
        until.setId("dashboard-until");
        until.setLabel(getTranslation("dashboard.until"));
        until.setValue(initial.until());

        publication.setId("dashboard-publication");
        publication.setLabel(getTranslation("dashboard.publication"));

        granularity.setId("dashboard-granularity");
        granularity.setLabel(getTranslation("dashboard.granularity"));
        granularity.setItems(Granularity.values());
        granularity.setItemLabelGenerator(g -> getTranslation("dashboard.granularity." + g.name()));
        granularity.setValue(Granularity.MONTH);

        FlexLayout filters = new FlexLayout(municipality, period, from, until, publication);
        filters.addClassName("dashboard-filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.END);
        updatePeriodFields();

        municipality.addValueChangeListener(e -> refresh());
        period.addValueChangeListener(e -> {
            updatePeriodFields();
            refresh();
        });
        // Months picked by hand make the period "custom"; a preset setting them does not.
        from.addValueChangeListener(e -> monthsChanged());
        until.addValueChangeListener(e -> monthsChanged());
        publication.addValueChangeListener(e -> refresh());
        granularity.addValueChangeListener(e -> refresh());

        content.setWidthFull();
        add(filters, intro, content);
        refresh();
    }

    private void monthsChanged() {
        if (applyingPreset) {
            return;
        }
        if (period.getValue() != Period.CUSTOM) {
            period.setValue(Period.CUSTOM);
        } else {
            refresh();
        }
    }

    private void updatePeriodFields() {
        YearMonth now = YearMonth.from(LocalDate.now());
        switch (period.getValue()) {
            case THIS_YEAR -> setMonths(YearMonth.of(now.getYear(), 1), YearMonth.of(now.getYear(), 12));
            case LAST_YEAR -> setMonths(YearMonth.of(now.getYear() - 1, 1), YearMonth.of(now.getYear() - 1, 12));
            case LAST_12 -> setMonths(now.minusMonths(11), now);
            case CUSTOM -> { }
        }
    }

    private void setMonths(YearMonth first, YearMonth last) {
        applyingPreset = true;
        try {
            from.setValue(first);
            until.setValue(last);
        } finally {
            applyingPreset = false;
        }
    }

    /** The current filter, or null when the months are the wrong way round. */
    DashboardFilter filter() {
        if (from.getValue() == null || until.getValue() == null || until.getValue().isBefore(from.getValue())) {
            return null;
        }
        Municipality chosen = municipality.getValue();
        return new DashboardFilter(chosen == null || chosen == ALL ? null : chosen.id(), from.getValue(), until.getValue());
    }

    private void refresh() {
        DashboardFilter filter = filter();
        until.setInvalid(filter == null);
        until.setErrorMessage(getTranslation("dashboard.period.invalid"));
        if (filter == null) {
            return;
        }
        Municipality chosen = municipality.getValue();
        intro.setText(getTranslation("dashboard.intro", chosen == null || chosen == ALL ? getTranslation("dashboard.all-municipalities") : chosen.name(),
                monthFormat.format(filter.from()), monthFormat.format(filter.until())));
        content.removeAll();
        content.add(figures(dashboard.figures(filter)));
        // Sections one below the other, with a jump list: reads and prints as one report, and every
        // part stays reachable by keyboard and screen reader without a tab widget.
        List<Section> sections = List.of(
                new Section("overview", "dashboard.tab.overview", overview(filter)),
                new Section("breakdowns", "dashboard.tab.breakdowns", breakdowns(filter)),
                new Section("organisations", "dashboard.tab.organisations", organisations(filter)),
                new Section("targets", "dashboard.tab.targets", targets(filter)),
                new Section("tell", "dashboard.tab.tell", tell(filter)),
                new Section("downloads", "dashboard.tab.export", downloads()));
        Nav jump = new Nav();
        jump.addClassName("dashboard-jump");
        jump.getElement().setAttribute("aria-label", getTranslation("dashboard.jump"));
        for (Section section : sections) {
            // The page's base is the app root, so a bare "#..." would leave the dashboard.
            Anchor link = new Anchor(com.vaadin.flow.router.RouteConfiguration.forSessionScope().getUrl(DashboardView.class)
                    + "#section-" + section.id(), getTranslation(section.titleKey()));
            link.getElement().setAttribute("router-ignore", true);
            jump.add(link);
        }
        content.add(jump);
        for (Section section : sections) {
            H2 heading = new H2(getTranslation(section.titleKey()));
            com.vaadin.flow.component.html.Section part = new com.vaadin.flow.component.html.Section(heading, section.body());
            part.setId("section-" + section.id());
            part.addClassName("dashboard-section");
            content.add(part);
        }
    }

    private record Section(String id, String titleKey, Component body) {
    }

    // Headline figures

    private Component figures(DashboardFigures f) {
        FlexLayout cards = new FlexLayout();
        cards.addClassName("dashboard-figures");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.add(card("trained", count(f.trained()), "dashboard.figure.trained", "dashboard.figure.trained.help"));
        cards.add(card("started", count(f.started()), "dashboard.figure.started", "dashboard.figure.started.help"));
        cards.add(card("sessions", String.valueOf(f.sessionsHeld()), "dashboard.figure.sessions", null));
        SmallNumbers small = small();
        cards.add(card("attendance", small.attendanceHidden(f) ? SmallNumbers.HIDDEN : percent(f.attendanceRate()),
                "dashboard.figure.attendance", "dashboard.figure.attendance.help"));
        cards.add(card("organisations", String.valueOf(f.organisationsReached()), "dashboard.figure.organisations",
                "dashboard.figure.organisations.help"));
        cards.add(card("evaluation", small.evaluationHidden(f) ? SmallNumbers.HIDDEN : decimal(f.averageEvaluation()),
                "dashboard.figure.evaluation", null));
        cards.add(card("confidence", small.confidenceHidden(f) ? SmallNumbers.HIDDEN : f.confidenceBefore().isPresent()
                ? getTranslation("dashboard.figure.confidence-value", decimal(f.confidenceBefore()), decimal(f.confidenceAfter()))
                : getTranslation("dashboard.figure.none"), "dashboard.figure.confidence", null));
        return cards;
    }

    private Component card(String id, String value, String labelKey, String helpKey) {
        Span number = new Span(value);
        number.addClassName("figure-value");
        number.setId("figure-" + id);
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("figure-label");
        Div card = new Div(number, label);
        if (helpKey != null) {
            Span help = new Span(getTranslation(helpKey));
            help.addClassName("figure-help");
            card.add(help);
        }
        card.addClassName("figure-card");
        return card;
    }

    // Overview: over time

    private Component overview(DashboardFilter filter) {
        List<TimePoint> points = dashboard.overTime(filter, granularity.getValue());
        DateTimeFormatter label = switch (granularity.getValue()) {
            case MONTH -> DateTimeFormatter.ofPattern("MMM yy", getLocale());
            case QUARTER -> DateTimeFormatter.ofPattern("QQQ yyyy", getLocale());
            case YEAR -> DateTimeFormatter.ofPattern("yyyy", getLocale());
        };
        VerticalLayout layout = new VerticalLayout(new H3(getTranslation("dashboard.chart.over-time")), granularity);
        layout.setPadding(false);
        if (points.stream().allMatch(p -> p.trained() == 0)) {
            layout.add(new Paragraph(getTranslation("dashboard.chart.empty")));
        }
        Set<Integer> hidden = small().hiddenParts(points.stream().map(TimePoint::trained).toList());
        List<Boolean> cumulativeShown = small().cumulativeShown(points);
        layout.add(chart(SvgCharts.overTime(IntStream.range(0, points.size()).mapToObj(i -> new SvgCharts.Bar(
                        label.format(points.get(i).start()), points.get(i).trained(), hidden.contains(i))).toList(),
                IntStream.range(0, points.size()).mapToObj(i -> cumulativeShown.get(i) ? points.get(i).cumulative() : null).toList(),
                getTranslation("dashboard.chart.over-time"), getTranslation("dashboard.chart.cumulative"))));
        Grid<TimePoint> table = new Grid<>();
        table.setId("table-over-time");
        table.addColumn(p -> label.format(p.start())).setHeader(getTranslation("dashboard.column.month"));
        table.addColumn(p -> hidden.contains(points.indexOf(p)) ? SmallNumbers.HIDDEN : String.valueOf(p.trained()))
                .setHeader(getTranslation("dashboard.chart.per-period"));
        table.addColumn(p -> cumulativeShown.get(points.indexOf(p)) ? String.valueOf(p.cumulative()) : "–")
                .setHeader(getTranslation("dashboard.chart.cumulative"));
        table.setItems(points);
        table.setAllRowsVisible(true);
        table.addThemeVariants(GridVariant.LUMO_COMPACT);
        Details asTable = new Details(getTranslation("dashboard.chart.show-table"), table);
        asTable.setWidthFull();
        layout.add(asTable);
        return layout;
    }

    private Component chart(String svg) {
        Div holder = new Div(new Html(svg));
        holder.addClassName("dashboard-chart-holder");
        return holder;
    }

    // Breakdowns

    private Component breakdowns(DashboardFilter filter) {
        VerticalLayout layout = new VerticalLayout();
        layout.setPadding(false);
        layout.add(breakdown("sector", dashboard.bySector(filter, getLocale())));
        layout.add(breakdown("village", dashboard.byVillage(filter)));
        layout.add(breakdown("path", dashboard.byPath(filter, getLocale())));
        layout.add(breakdown("module", dashboard.byModule(filter, getLocale())));
        return layout;
    }

    private Component breakdown(String name, List<Breakdown> rows) {
        String title = getTranslation("dashboard.table." + name);
        Div section = new Div(new H3(title));
        section.addClassName("dashboard-breakdown");
        if (rows.isEmpty()) {
            section.add(new Paragraph(getTranslation("dashboard.chart.empty")));
            return section;
        }
        Set<Integer> hidden = small().hiddenParts(rows.stream().map(Breakdown::count).toList());
        section.add(chart(SvgCharts.horizontal(IntStream.range(0, rows.size()).mapToObj(i -> new SvgCharts.Bar(rows.get(i).label(),
                rows.get(i).count(), hidden.contains(i))).toList(), title)));
        Grid<Breakdown> table = new Grid<>();
        table.setId("table-" + name);
        table.addColumn(Breakdown::label).setHeader(getTranslation("dashboard.column." + name)).setFlexGrow(3);
        table.addColumn(b -> hidden.contains(rows.indexOf(b)) ? SmallNumbers.HIDDEN : String.valueOf(b.count()))
                .setHeader(getTranslation("dashboard.column.people")).setFlexGrow(1);
        table.setItems(rows);
        table.setAllRowsVisible(true);
        table.addThemeVariants(GridVariant.LUMO_COMPACT);
        section.add(table);
        return section;
    }

    // Organisations and Omzien-partners

    private Component organisations(DashboardFilter filter) {
        VerticalLayout layout = new VerticalLayout();
        layout.setPadding(false);
        List<OrganisationFigures> rows = dashboard.organisations(filter);
        if (filter.municipalityId() == null) {
            layout.add(new Paragraph(getTranslation("dashboard.organisations.limited", rows.size())));
        } else {
            PartnerRule rule = dashboard.partnerRule(filter.municipalityId());
            layout.add(new Paragraph(getTranslation("dashboard.organisations.rule", rule.sharePercent(), rule.minTrained())));
        }
        Grid<OrganisationFigures> grid = new Grid<>();
        grid.setId("table-organisations");
        // Names wrap and every column fits a laptop screen: the partner column was pushed out of sight at 1366 px.
        grid.addColumn(OrganisationFigures::name).setHeader(getTranslation("dashboard.column.organisation")).setFlexGrow(3).setWidth("10rem");
        grid.addColumn(o -> getTranslation(o.sector().translationKey())).setHeader(getTranslation("dashboard.column.sector"));
        grid.addColumn(o -> o.village() == null ? "" : o.village()).setHeader(getTranslation("dashboard.column.village"));
        SmallNumbers.OrganisationMask mask = small().organisations(rows);
        grid.addColumn(o -> mask.inPeriod().contains(rows.indexOf(o)) ? SmallNumbers.HIDDEN : String.valueOf(o.trainedInPeriod()))
                .setHeader(getTranslation("dashboard.column.trained-period"));
        grid.addColumn(o -> mask.total().contains(rows.indexOf(o)) ? SmallNumbers.HIDDEN : String.valueOf(o.trainedTotal()))
                .setHeader(getTranslation("dashboard.column.trained-total"));
        grid.addColumn(o -> mask.staff().contains(rows.indexOf(o)) ? SmallNumbers.HIDDEN : String.valueOf(o.registeredStaff()))
                .setHeader(getTranslation("dashboard.column.staff"));
        grid.addColumn(o -> mask.share().contains(rows.indexOf(o)) ? SmallNumbers.HIDDEN : percent(o.shareTrained()))
                .setHeader(getTranslation("dashboard.column.share"));
        grid.addColumn(o -> o.lastTrainedOn() == null ? "" : dateFormat.format(o.lastTrainedOn()))
                .setHeader(getTranslation("dashboard.column.last"));
        grid.addComponentColumn(this::partnerCell).setHeader(getTranslation("dashboard.column.partner"));
        grid.setItems(rows);
        grid.setAllRowsVisible(rows.size() <= 50);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // Fixed starting widths that add up to less than a laptop's content area; headers wrap (CSS).
        List<String> widths = List.of("10rem", "8rem", "7rem", "5.5rem", "5.5rem", "6.5rem", "5.5rem", "7rem", "7rem");
        for (int i = 0; i < grid.getColumns().size() && i < widths.size(); i++) {
            grid.getColumns().get(i).setWidth(widths.get(i)).setResizable(true);
        }
        grid.addClassName("dashboard-organisations");
        layout.add(grid);
        if (filter.municipalityId() != null) {
            layout.add(partnerRuleForm(filter.municipalityId()));
        }
        return layout;
    }

    private Component partnerCell(OrganisationFigures o) {
        if (!o.partner()) {
            return new Span(getTranslation("dashboard.no"));
        }
        long id = o.organisationId();
        Anchor sticker = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = dashboard.partnerSticker(id, getLocale());
            return new DownloadResponse(new ByteArrayInputStream(pdf), "omzien-partner-" + id + ".pdf", "application/pdf", pdf.length);
        }), getTranslation("dashboard.organisations.sticker"));
        sticker.getElement().setAttribute("download", true);
        sticker.getElement().setAttribute("aria-label", getTranslation("dashboard.organisations.sticker.aria", o.name()));
        sticker.setId("sticker-" + id);
        return new HorizontalLayout(new Span(getTranslation("dashboard.yes")), sticker);
    }

    private Component partnerRuleForm(long municipalityId) {
        PartnerRule rule = dashboard.partnerRule(municipalityId);
        IntegerField share = new IntegerField(getTranslation("dashboard.partner.share"));
        share.setId("partner-share");
        share.setMin(1);
        share.setMax(100);
        share.setValue(rule.sharePercent());
        IntegerField minimum = new IntegerField(getTranslation("dashboard.partner.minimum"));
        minimum.setId("partner-minimum");
        minimum.setMin(1);
        minimum.setValue(rule.minTrained());
        Button save = new Button(getTranslation("dashboard.partner.save"), click -> {
            try {
                FormErrors.clear(Map.of("share", share, "minimum", minimum));
                dashboard.savePartnerRule(municipalityId, share.getValue(), minimum.getValue());
                FormErrors.saved(getTranslation("dashboard.partner.saved"));
                refresh();
            } catch (InvalidInputException e) {
                FormErrors.show(e, Map.of("share", share, "minimum", minimum));
            }
        });
        save.setId("partner-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(share, minimum, save);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 3));
        Details details = new Details(getTranslation("dashboard.partner.title"), form);
        details.setWidthFull();
        return details;
    }

    // Targets

    private Component targets(DashboardFilter filter) {
        VerticalLayout layout = new VerticalLayout();
        layout.setPadding(false);
        List<TargetProgress> targets = dashboard.targets(filter);
        if (targets.isEmpty()) {
            layout.add(new Paragraph(getTranslation("dashboard.targets.none")));
        }
        for (TargetProgress p : targets) {
            String label = p.target().year() + " · " + targetLabel(p);
            Span text = new Span(label);
            text.addClassName("target-label");
            boolean hidden = small().targetHidden(p);
            // A hidden number also hides the bar: its length times the goal would give it.
            ProgressBar bar = new ProgressBar(0, 1, hidden ? 0 : p.share());
            bar.getElement().setAttribute("aria-label", label);
            bar.setWidthFull();
            bar.setVisible(!hidden);
            Span reached = new Span(getTranslation("dashboard.target.progress",
                    hidden ? SmallNumbers.HIDDEN : String.valueOf(p.reached()), p.target().target()));
            reached.addClassName("target-reached");
            Div row = new Div(text, bar, reached);
            row.addClassName("target-row");
            if (p.target().id() != null) {
                Button delete = new Button(getTranslation("dashboard.targets.delete"), click -> {
                    dashboard.deleteTarget(p.target().id());
                    FormErrors.saved(getTranslation("dashboard.targets.deleted"));
                    refresh();
                });
                delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                delete.getElement().setAttribute("aria-label", getTranslation("dashboard.targets.delete.aria", p.target().year(), targetLabel(p)));
                row.add(delete);
            }
            layout.add(row);
        }
        if (filter.municipalityId() != null) {
            layout.add(targetForm(filter));
        }
        return layout;
    }

    private String targetLabel(TargetProgress p) {
        return p.target().audience() == null ? getTranslation("dashboard.target.kind." + p.target().kind())
                : getTranslation("dashboard.target.kind.TRAINED-audience", getTranslation("audience." + p.target().audience()));
    }

    private Component targetForm(DashboardFilter filter) {
        IntegerField year = new IntegerField(getTranslation("dashboard.targets.year"));
        year.setId("target-year");
        year.setValue(filter.until().getYear());
        Select<TargetKind> kind = new Select<>();
        kind.setId("target-kind");
        kind.setLabel(getTranslation("dashboard.targets.kind"));
        kind.setItems(TargetKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("dashboard.target.kind." + k.name()));
        kind.setValue(TargetKind.TRAINED);
        Select<Audience> audience = new Select<>();
        audience.setId("target-audience");
        audience.setLabel(getTranslation("dashboard.targets.audience"));
        audience.setItems(Audience.values());
        audience.setEmptySelectionAllowed(true);
        audience.setEmptySelectionCaption(getTranslation("dashboard.targets.audience.all"));
        audience.setItemLabelGenerator(a -> a == null ? getTranslation("dashboard.targets.audience.all") : getTranslation("audience." + a.name()));
        kind.addValueChangeListener(e -> audience.setEnabled(e.getValue() == TargetKind.TRAINED));
        IntegerField number = new IntegerField(getTranslation("dashboard.targets.number"));
        number.setId("target-number");
        number.setMin(1);
        Button save = new Button(getTranslation("dashboard.targets.save"), click -> {
            Map<String, IntegerField> fields = Map.of("year", year, "target", number);
            try {
                FormErrors.clear(fields);
                dashboard.saveTarget(filter.municipalityId(), year.getValue(), kind.getValue(), audience.getValue(), number.getValue());
                FormErrors.saved(getTranslation("dashboard.targets.saved"));
                refresh();
            } catch (InvalidInputException e) {
                FormErrors.show(e, fields);
            }
        });
        save.setId("target-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(year, kind, audience, number, save);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 3));
        Details details = new Details(getTranslation("dashboard.targets.add"), form);
        details.setWidthFull();
        return details;
    }

    // Tell

    private Component tell(DashboardFilter filter) {
        TextField search = new TextField(getTranslation("dashboard.comments.search"));
        search.setId("comments-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        IntegerField min = new IntegerField(getTranslation("dashboard.comments.min-score"));
        min.setId("comments-min");
        min.setMin(1);
        min.setMax(10);
        min.setValue(1);
        IntegerField max = new IntegerField(getTranslation("dashboard.comments.max-score"));
        max.setId("comments-max");
        max.setMin(1);
        max.setMax(10);
        max.setValue(10);
        Div list = new Div();
        list.setId("comments");
        Runnable show = () -> {
            list.removeAll();
            int low = clamp(min.getValue(), 1);
            int high = clamp(max.getValue(), 10);
            List<EvaluationComment> comments = dashboard.comments(filter, new CommentFilter(search.getValue(), Math.min(low, high), Math.max(low, high)));
            if (comments.isEmpty()) {
                list.add(new Paragraph(getTranslation("dashboard.comments.none")));
            }
            for (EvaluationComment c : comments) {
                Div card = new Div();
                card.addClassName("comment-card");
                Span meta = new Span(c.sessionTitle() + " · " + dateFormat.format(c.sessionOn()) + " · "
                        + getTranslation("dashboard.comments.score", c.score()));
                meta.addClassName("comment-meta");
                card.add(meta);
                if (c.comment() != null) {
                    Paragraph text = new Paragraph("“" + c.comment() + "”");
                    text.addClassName("comment-text");
                    card.add(text);
                }
                card.add(new Paragraph(getTranslation("dashboard.comments.do-differently") + ": " + c.doDifferently()));
                list.add(card);
            }
        };
        search.addValueChangeListener(e -> show.run());
        min.addValueChangeListener(e -> show.run());
        max.addValueChangeListener(e -> show.run());
        show.run();
        FlexLayout filters = new FlexLayout(search, min, max);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("dashboard-filters");
        VerticalLayout layout = new VerticalLayout(new Paragraph(getTranslation("dashboard.comments.privacy")), filters, list);
        layout.setPadding(false);
        return layout;
    }

    private static int clamp(Integer value, int fallback) {
        return value == null ? fallback : Math.max(1, Math.min(10, value));
    }

    // Downloads

    private Component downloads() {
        Select<String> table = new Select<>();
        table.setId("export-table");
        table.setLabel(getTranslation("dashboard.export.table"));
        table.setItems("figures", "sector", "path", "module", "village", "over-time", "organisations", "targets", "comments");
        table.setItemLabelGenerator(name -> getTranslation("dashboard.table." + name));
        table.setValue("organisations");
        Anchor csv = download("download-csv", "dashboard.export.csv", () -> {
            String name = table.getValue() == null ? "organisations" : table.getValue();
            return new Download(dashboard.csv(requireFilter(), name, getLocale(), publication.getValue()), fileName(getTranslation("dashboard.table." + name), "csv"),
                    "text/csv;charset=UTF-8");
        });
        Anchor xlsx = download("download-xlsx", "dashboard.export.xlsx", () -> new Download(
                dashboard.xlsx(requireFilter(), getLocale(), publication.getValue()), fileName(getTranslation("dashboard.file.all"), "xlsx"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Anchor pdf = download("download-report", "dashboard.export.report", () -> new Download(
                dashboard.councilReport(requireFilter(), getLocale(), publication.getValue()), fileName(getTranslation("dashboard.file.report"), "pdf"), "application/pdf"));
        HorizontalLayout csvRow = new HorizontalLayout(table, csv);
        csvRow.setAlignItems(Alignment.END);
        csvRow.setWrap(true);
        VerticalLayout layout = new VerticalLayout(new Paragraph(getTranslation("dashboard.export.intro")), csvRow, xlsx, pdf);
        layout.setPadding(false);
        return layout;
    }

    /** File names in the person's language (omzien-per-sector.csv), safe on every system. */
    static String fileName(String title, String extension) {
        String slug = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "omzien-" + slug + "." + extension;
    }

    private record Download(byte[] bytes, String fileName, String contentType) {
    }

    private Anchor download(String id, String textKey, Supplier<Download> make) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            Download d = make.get();
            return new DownloadResponse(new ByteArrayInputStream(d.bytes()), d.fileName(), d.contentType(), d.bytes().length);
        }), getTranslation(textKey));
        anchor.setId(id);
        anchor.getElement().setAttribute("download", true);
        anchor.addClassName("dashboard-download");
        return anchor;
    }

    private DashboardFilter requireFilter() {
        DashboardFilter filter = filter();
        if (filter == null) {
            throw new IllegalStateException("Invalid period");
        }
        return filter;
    }

    // Formatting

    /** A number of people; in publication mode 1-4 shows as "<5". */
    String count(long n) {
        return small().hidden(n) ? SmallNumbers.HIDDEN : String.valueOf(n);
    }

    private SmallNumbers small() {
        return SmallNumbers.forPublication(publication.getValue());
    }

    private String percent(OptionalDouble share) {
        return share.isPresent() ? oneDecimal.format(share.getAsDouble() * 100) + "%" : getTranslation("dashboard.figure.none");
    }

    private String decimal(OptionalDouble value) {
        return value.isPresent() ? oneDecimal.format(value.getAsDouble()) : getTranslation("dashboard.figure.none");
    }

    @Override
    public String titleKey() {
        return "dashboard.title";
    }
}
