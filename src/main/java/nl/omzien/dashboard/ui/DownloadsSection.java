package nl.omzien.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import nl.omzien.dashboard.DashboardFilter;
import nl.omzien.dashboard.DashboardService;

import java.io.ByteArrayInputStream;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Supplier;

/** Every table as CSV, all of them as one spreadsheet, and the council report as PDF. */
final class DownloadsSection extends VerticalLayout {

    /**
     * {@code filter} gives the view's filter at the moment of the download (it throws when the period
     * is invalid), so a file always matches what the page shows.
     */
    DownloadsSection(DashboardService dashboard, Supplier<DashboardFilter> filter, DashboardFormat format) {
        Select<String> table = new Select<>();
        table.setId("export-table");
        table.setLabel(getTranslation("dashboard.export.table"));
        table.setItems("figures", "sector", "path", "module", "village", "over-time", "organisations", "targets", "comments");
        table.setItemLabelGenerator(name -> getTranslation("dashboard.table." + name));
        table.setValue("organisations");
        Anchor csv = download("download-csv", "dashboard.export.csv", () -> {
            String name = table.getValue() == null ? "organisations" : table.getValue();
            return new Download(dashboard.csv(filter.get(), name, getLocale(), format.publication()),
                    fileName(getTranslation("dashboard.table." + name), "csv"), "text/csv;charset=UTF-8");
        });
        Anchor xlsx = download("download-xlsx", "dashboard.export.xlsx", () -> new Download(
                dashboard.xlsx(filter.get(), getLocale(), format.publication()), fileName(getTranslation("dashboard.file.all"), "xlsx"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Anchor pdf = download("download-report", "dashboard.export.report", () -> new Download(
                dashboard.councilReport(filter.get(), getLocale(), format.publication()), fileName(getTranslation("dashboard.file.report"), "pdf"),
                "application/pdf"));
        HorizontalLayout csvRow = new HorizontalLayout(table, csv);
        csvRow.setAlignItems(Alignment.END);
        csvRow.setWrap(true);
        add(new Paragraph(getTranslation("dashboard.export.intro")), csvRow, xlsx, pdf);
        setPadding(false);
    }

    /** File names in the person's language (omzien-per-sector.csv), safe on every system. */
    static String fileName(String title, String extension) {
        String slug = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
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
}
