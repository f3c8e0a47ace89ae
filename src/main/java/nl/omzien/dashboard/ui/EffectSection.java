package nl.omzien.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import nl.omzien.dashboard.DashboardFilter;
import nl.omzien.dashboard.DashboardService;
import nl.omzien.base.ui.TapList;
import nl.omzien.dashboard.DashboardTable;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * What training changed (issue 21): follow-up answers, confidence per module and audience, the trend per
 * quarter, the referral tally and the stories a lead released. The same tables as the exports, so the
 * screen hides exactly what a publication hides.
 */
final class EffectSection extends VerticalLayout {

    private final DashboardFormat format;

    EffectSection(DashboardService dashboard, DashboardFilter filter, DashboardFormat format) {
        this.format = format;
        setPadding(false);
        addClassName("dashboard-effect");
        add(new Paragraph(getTranslation("dashboard.effect.intro")));
        for (DashboardTable table : dashboard.effectTables(filter, getLocale(), format.publication())) {
            add(table.name().equals("stories") ? stories(table) : grid(table));
        }
    }

    private Component grid(DashboardTable table) {
        Div part = new Div(new H3(table.title()));
        part.addClassName("dashboard-breakdown");
        if (table.rows().isEmpty()) {
            part.add(new Paragraph(getTranslation("dashboard.chart.empty")));
            return part;
        }
        Grid<List<Object>> grid = new Grid<>();
        grid.setId("table-" + table.name());
        for (int c = 0; c < table.headers().size(); c++) {
            int column = c;
            // Narrow minimum widths: four or five columns fit a 360 px phone, cells wrap instead of scrolling sideways.
            grid.addColumn(row -> text(row.get(column))).setHeader(table.headers().get(c))
                    .setWidth(c == 0 ? "6rem" : "3.5rem").setFlexGrow(c == 0 ? 2 : 1);
        }
        grid.setItems(table.rows());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("wide-only");
        grid.getElement().setAttribute("aria-label", table.title());
        // On a phone four or five columns of 56 px split words ("Meldp|unt", "Gesigna|leerd"): there each
        // row is one item, its first cell as the title and every other cell under it with its header.
        TapList<List<Object>> rows = new TapList<>("list-" + table.name(), table.title(), row -> text(row.get(0)),
                row -> IntStream.range(1, table.headers().size()).filter(c -> !text(row.get(c)).isBlank())
                        .mapToObj(c -> table.headers().get(c) + ": " + text(row.get(c))).toList());
        rows.addClassName("effect-rows");
        rows.setItems(table.rows());
        part.add(grid, rows);
        return part;
    }

    private Component stories(DashboardTable table) {
        Div part = new Div(new H3(table.title()));
        part.setId("effect-stories");
        part.add(new Paragraph(getTranslation("dashboard.effect.stories-privacy")));
        if (table.rows().isEmpty()) {
            part.add(new Paragraph(getTranslation("dashboard.effect.stories-none")));
        }
        for (List<Object> row : table.rows()) {
            Div card = new Div();
            card.addClassName("comment-card");
            Span meta = new Span(text(row.get(0)) + " · " + text(row.get(1)));
            meta.addClassName("comment-meta");
            Paragraph story = new Paragraph("“" + text(row.get(2)) + "”");
            story.addClassName("comment-text");
            card.add(meta, story);
            part.add(card);
        }
        return part;
    }

    private String text(Object cell) {
        return switch (cell) {
            case null -> "";
            case Double d -> format.decimal(OptionalDouble.of(d));
            case LocalDate d -> format.month(YearMonth.from(d));
            default -> cell.toString();
        };
    }
}
