package nl.omzien.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a published table back (from CSV, XLSX or the screen, as text) and lists every number of people
 * under five it still shows, and every figure from which one can be worked out: a share next to a hidden
 * count, a single hidden part of a whole, two running totals around one hidden period, or any count,
 * date or partner status of a small organisation.
 */
public final class PublishedTableCheck {

    private static final Set<String> PEOPLE = Set.of("Mensen", "Getraind in periode", "Getraind totaal", "Aangemelde medewerkers",
            "Bereikt", "Totaal sinds het begin", "Antwoorden", "Modules afgerond", "Gesignaleerd", "Doorverwezen");
    private static final Set<String> PARTS = Set.of("Mensen", "Getraind in periode", "Getraind totaal", "Antwoorden", "Modules afgerond");
    private static final Set<String> PEOPLE_FIGURES = Set.of("Mensen getraind", "Mensen begonnen", "Antwoorden op de vraag na drie maanden",
            "Aanmeldingen via de openbare agenda");

    private PublishedTableCheck() {
    }

    public static List<String> leaks(String table, List<String> headers, List<List<String>> cells) {
        List<String> leaks = new ArrayList<>();
        // A component cell as Karibu prints it (Span[text='<5']) reads as its text.
        List<List<String>> rows = cells.stream().map(row -> row.stream().map(PublishedTableCheck::text).toList()).toList();
        for (int c = 0; c < headers.size(); c++) {
            String header = headers.get(c);
            int hidden = 0;
            for (List<String> row : rows) {
                String cell = c < row.size() ? row.get(c) : "";
                if (PEOPLE.contains(header) && small(cell)) {
                    leaks.add(table + " / " + header + ": " + cell);
                }
                hidden += "<5".equals(cell) ? 1 : 0;
            }
            if (PARTS.contains(header) && hidden == 1 && rows.size() > 1) {
                leaks.add(table + " / " + header + ": one hidden part, the total gives it away");
            }
        }
        for (List<String> row : rows) {
            // A figure's row may hold several periods (the campaign beside the year before): every value counts.
            if (PEOPLE_FIGURES.contains(row.get(0))) {
                row.stream().skip(1).filter(PublishedTableCheck::small).forEach(cell -> leaks.add(table + " / " + row.get(0) + ": " + cell));
            }
        }
        int share = headers.indexOf("Deel getraind (%)");
        if (share >= 0) {
            for (List<String> row : rows) {
                for (String basis : List.of("Getraind totaal", "Aangemelde medewerkers", "Bereikt")) {
                    int b = headers.indexOf(basis);
                    if (b >= 0 && "<5".equals(row.get(b)) && !"<5".equals(row.get(share))) {
                        leaks.add(table + " / share " + row.get(share) + " next to a hidden " + basis);
                    }
                }
            }
        }
        // A small organisation (fewer than five staff): no count, not even a zero, no last training date and no
        // partner yes/no (the partner rule turns it back into a count).
        int staff = headers.indexOf("Aangemelde medewerkers");
        if (staff >= 0) {
            for (List<String> row : rows) {
                if (!"<5".equals(row.get(staff))) {
                    continue;
                }
                for (String column : List.of("Getraind in periode", "Getraind totaal", "Deel getraind (%)", "Omzien-partner")) {
                    int c = headers.indexOf(column);
                    if (c >= 0 && !"<5".equals(row.get(c).strip())) {
                        leaks.add(table + " / small organisation " + row.getFirst() + ": " + column + " " + row.get(c));
                    }
                }
                int last = headers.indexOf("Laatste training");
                if (last >= 0 && !row.get(last).isBlank()) {
                    leaks.add(table + " / small organisation " + row.getFirst() + ": last training " + row.get(last));
                }
            }
        }
        int perPeriod = headers.indexOf("Mensen");
        int cumulative = headers.indexOf("Totaal sinds het begin");
        if (perPeriod >= 0 && cumulative >= 0) {
            for (int i = 0; i < rows.size(); i++) {
                for (int j = i + 1; j < rows.size(); j++) {
                    if (number(rows.get(i).get(cumulative)) == null || number(rows.get(j).get(cumulative)) == null) {
                        continue;
                    }
                    int hiddenBetween = 0;
                    for (int k = i + 1; k <= j; k++) {
                        hiddenBetween += "<5".equals(rows.get(k).get(perPeriod)) ? 1 : 0;
                    }
                    if (hiddenBetween == 1) {
                        leaks.add(table + " / running totals of rows " + i + " and " + j + " give a hidden period away");
                    }
                }
            }
        }
        return leaks;
    }

    private static String text(String cell) {
        var text = java.util.regex.Pattern.compile("^\\w+\\[text='([^']*)'\\]$").matcher(cell.strip());
        return text.find() ? text.group(1) : cell;
    }

    private static boolean small(String cell) {
        Double n = number(cell);
        return n != null && n > 0 && n < 5;
    }

    private static Double number(String cell) {
        try {
            return Double.valueOf(cell.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
