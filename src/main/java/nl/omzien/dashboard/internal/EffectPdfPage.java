package nl.omzien.dashboard.internal;

import nl.omzien.dashboard.DashboardTable;

import java.io.IOException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The council report's page "what training changed": the effect tables exactly as the exports have them
 * (small numbers already hidden there), and the released stories as quotes.
 */
final class EffectPdfPage {

    private EffectPdfPage() {
    }

    static void render(PdfCanvas pdf, List<DashboardTable> tables, Texts t, Locale locale) throws IOException {
        if (tables == null || tables.isEmpty()) {
            return;
        }
        NumberFormat one = NumberFormat.getNumberInstance(locale);
        one.setMinimumFractionDigits(1);
        one.setMaximumFractionDigits(1);
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM yyyy", locale);
        pdf.newPage();
        pdf.paragraph(t.get("dashboard.report.effect"), pdf.bold, 14, PdfCanvas.ACCENT, 0);
        pdf.paragraph(t.get("dashboard.effect.intro"), pdf.regular, 9, PdfCanvas.MUTED, 4);
        for (DashboardTable table : tables) {
            pdf.room(60);
            pdf.paragraph(pdf.printable(table.title(), pdf.bold), pdf.bold, 12, PdfCanvas.ACCENT, 14);
            if (table.rows().isEmpty()) {
                pdf.paragraph(t.get("dashboard.chart.empty"), pdf.regular, 10, PdfCanvas.MUTED, 4);
                continue;
            }
            if (table.name().equals("stories")) {
                for (List<Object> row : table.rows()) {
                    pdf.paragraph(cell(row.get(0), one, month) + " · " + pdf.printable(cell(row.get(1), one, month), pdf.bold),
                            pdf.bold, 9, PdfCanvas.MUTED, 10);
                    pdf.paragraph("“" + pdf.printable(cell(row.get(2), one, month), pdf.regular) + "”", pdf.regular, 10,
                            PdfCanvas.INK, 2);
                }
                continue;
            }
            pdf.paragraph(pdf.printable(String.join(" · ", table.headers()), pdf.bold), pdf.bold, 9, PdfCanvas.MUTED, 4);
            for (List<Object> row : table.rows()) {
                String line = row.stream().map(c -> cell(c, one, month)).collect(Collectors.joining(" · "));
                pdf.paragraph(pdf.printable(line, pdf.regular), pdf.regular, 10, PdfCanvas.INK, 2);
            }
        }
    }

    private static String cell(Object value, NumberFormat one, DateTimeFormatter month) {
        return switch (value) {
            case null -> "";
            case Double d -> one.format(d);
            case LocalDate d -> month.format(d);
            default -> value.toString();
        };
    }
}
