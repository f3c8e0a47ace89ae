package nl.omzien.dashboard.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import nl.omzien.dashboard.DashboardFilter;
import nl.omzien.dashboard.DashboardService;
import nl.omzien.dashboard.Granularity;
import nl.omzien.dashboard.SmallNumbers;
import nl.omzien.dashboard.TimePoint;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** The overview: people trained per month, quarter or year, with the running total, as a chart and a table. */
final class OverTimeSection extends VerticalLayout {

    /** {@code granularity} is the view's own filter field: it lives here, beside the chart it changes. */
    OverTimeSection(DashboardService dashboard, DashboardFilter filter, Select<Granularity> granularity, DashboardFormat format) {
        List<TimePoint> points = dashboard.overTime(filter, granularity.getValue());
        DateTimeFormatter label = switch (granularity.getValue()) {
            case MONTH -> DateTimeFormatter.ofPattern("MMM yy", getLocale());
            case QUARTER -> DateTimeFormatter.ofPattern("QQQ yyyy", getLocale());
            case YEAR -> DateTimeFormatter.ofPattern("yyyy", getLocale());
        };
        add(new H3(getTranslation("dashboard.chart.over-time")), granularity);
        setPadding(false);
        if (points.stream().allMatch(p -> p.trained() == 0)) {
            add(new Paragraph(getTranslation("dashboard.chart.empty")));
        }
        SmallNumbers small = format.small();
        Set<Integer> hidden = small.hiddenParts(points.stream().map(TimePoint::trained).toList());
        List<Boolean> cumulativeShown = small.cumulativeShown(points);
        List<SvgCharts.Bar> bars = IntStream.range(0, points.size()).mapToObj(i -> new SvgCharts.Bar(
                label.format(points.get(i).start()), points.get(i).trained(), hidden.contains(i))).toList();
        List<Long> running = IntStream.range(0, points.size()).mapToObj(i -> cumulativeShown.get(i) ? points.get(i).cumulative() : null).toList();
        String title = getTranslation("dashboard.chart.over-time");
        String cumulative = getTranslation("dashboard.chart.cumulative");
        // On a phone one bar per row, the running total written above them (the line needs a laptop's width).
        String total = points.isEmpty() || running.getLast() == null ? null : cumulative + ": " + running.getLast();
        add(SvgCharts.holder(SvgCharts.overTime(bars, running, title, cumulative), SvgCharts.narrow(bars, title, total)));
        Grid<TimePoint> table = new Grid<>();
        table.setId("table-over-time");
        table.addColumn(p -> label.format(p.start())).setHeader(getTranslation("dashboard.column.month"));
        table.addColumn(p -> hidden.contains(points.indexOf(p)) ? SmallNumbers.HIDDEN : String.valueOf(p.trained()))
                .setHeader(getTranslation("dashboard.chart.per-period"));
        table.addColumn(p -> cumulativeShown.get(points.indexOf(p)) ? String.valueOf(p.cumulative()) : "–")
                .setHeader(getTranslation("dashboard.chart.cumulative"));
        table.setItems(points);
        table.setAllRowsVisible(true);
        // Long names ("Signaleerder eenzaamheid met training") wrap on a phone instead of ending in "…".
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        Details asTable = new Details(getTranslation("dashboard.chart.show-table"), table);
        asTable.setWidthFull();
        add(asTable);
    }
}
