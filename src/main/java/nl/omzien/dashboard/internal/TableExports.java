package nl.omzien.dashboard.internal;

import nl.omzien.dashboard.DashboardTable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** CSV (Commons CSV) and XLSX (FastExcel) of dashboard tables. */
public final class TableExports {

    private TableExports() {
    }

    /**
     * Semicolons and a byte-order mark: Excel with Dutch settings opens it in columns with the accents
     * right. Fractions use the language's decimal sign (a comma in Dutch), which is what that Excel reads
     * as a number in a semicolon file; a decimal point would turn 12.5 into a date or text.
     */
    public static byte[] csv(DashboardTable table, java.util.Locale locale) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            var printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';')
                    .setHeader(table.headers().stream().map(TableExports::inert).toArray(String[]::new)).get());
            for (List<Object> row : table.rows()) {
                printer.printRecord(row.stream().map(cell -> text(cell, locale)).toList());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Numbers as they are (a negative number stays a number; a fraction with a decimal comma for Dutch Excel);
     * every other cell as inert text.
     */
    private static String text(Object cell, java.util.Locale locale) {
        return switch (cell) {
            case null -> "";
            case Double d -> {
                java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
                format.setGroupingUsed(false);
                format.setMinimumFractionDigits(1);
                format.setMaximumFractionDigits(1);
                yield format.format(d);
            }
            case Number number -> number.toString();
            default -> inert(cell.toString());
        };
    }

    /**
     * A text a spreadsheet would run as a formula ({@code =HYPERLINK(...)}, {@code +cmd|...}, {@code @SUM(...)},
     * or behind a tab, carriage return or NUL) gets a single quote in front, as OWASP's "CSV Injection" and ASVS 5.0
     * 1.2.10 advise: Excel and LibreOffice then show it as text, and a reader still sees what was written.
     * Organisation names and evaluation comments come from users.
     */
    static String inert(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\0' -> "'" + text;
            default -> text;
        };
    }

    /** One sheet per table, headers in bold, numbers as numbers, dates as dates. */
    public static byte[] xlsx(List<DashboardTable> tables) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "Omzien", "1.0");
            Set<String> used = new HashSet<>();
            for (DashboardTable table : tables) {
                Worksheet sheet = workbook.newWorksheet(sheetName(table.title(), used));
                for (int c = 0; c < table.headers().size(); c++) {
                    sheet.value(0, c, table.headers().get(c));
                    sheet.style(0, c).bold().set();
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    List<Object> row = table.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Object cell = row.get(c);
                        switch (cell) {
                            case Number n -> sheet.value(r + 1, c, n);
                            case LocalDate d -> {
                                sheet.value(r + 1, c, d);
                                sheet.style(r + 1, c).format("yyyy-mm-dd").set();
                            }
                            case null -> { }
                            default -> sheet.value(r + 1, c, cell.toString());
                        }
                    }
                }
                sheet.finish();
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Excel: at most 31 characters, no []:*?/\, unique per workbook. */
    private static String sheetName(String title, Set<String> used) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", " ");
        name = name.length() > 31 ? name.substring(0, 31) : name;
        String unique = name;
        for (int i = 2; !used.add(unique.toLowerCase()); i++) {
            unique = name.substring(0, Math.min(name.length(), 28)) + " " + i;
        }
        return unique;
    }
}
