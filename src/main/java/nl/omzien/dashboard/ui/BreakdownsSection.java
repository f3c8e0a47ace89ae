package nl.omzien.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import nl.omzien.dashboard.Breakdown;
import nl.omzien.dashboard.DashboardFilter;
import nl.omzien.dashboard.DashboardService;
import nl.omzien.dashboard.SmallNumbers;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** People trained by how (online, group, both), per sector, village, learning path and module: a bar chart and a table for each. */
final class BreakdownsSection extends VerticalLayout {

    private final DashboardFormat format;

    BreakdownsSection(DashboardService dashboard, DashboardFilter filter, DashboardFormat format) {
        this.format = format;
        setPadding(false);
        add(breakdown("how", dashboard.byHow(filter, getLocale())));
        add(breakdown("sector", dashboard.bySector(filter, getLocale())));
        add(breakdown("village", dashboard.byVillage(filter)));
        add(breakdown("path", dashboard.byPath(filter, getLocale())));
        add(breakdown("module", dashboard.byModule(filter, getLocale())));
    }

    private Component breakdown(String name, List<Breakdown> rows) {
        String title = getTranslation("dashboard.table." + name);
        Div section = new Div(new H3(title));
        section.addClassName("dashboard-breakdown");
        if (rows.isEmpty()) {
            section.add(new Paragraph(getTranslation("dashboard.chart.empty")));
            return section;
        }
        Set<Integer> hidden = format.small().hiddenParts(rows.stream().map(Breakdown::count).toList());
        List<SvgCharts.Bar> bars = IntStream.range(0, rows.size()).mapToObj(i -> new SvgCharts.Bar(rows.get(i).label(),
                rows.get(i).count(), hidden.contains(i))).toList();
        section.add(SvgCharts.holder(SvgCharts.horizontal(bars, title), SvgCharts.narrow(bars, title, null)));
        Grid<Breakdown> table = new Grid<>();
        table.setId("table-" + name);
        table.addColumn(Breakdown::label).setHeader(getTranslation("dashboard.column." + name)).setFlexGrow(3);
        table.addColumn(b -> hidden.contains(rows.indexOf(b)) ? SmallNumbers.HIDDEN : String.valueOf(b.count()))
                .setHeader(getTranslation("dashboard.column.people")).setFlexGrow(1);
        table.setItems(rows);
        table.setAllRowsVisible(true);
        // Long names ("Signaleerder eenzaamheid met training") wrap on a phone instead of ending in "…".
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        section.add(table);
        return section;
    }
}
