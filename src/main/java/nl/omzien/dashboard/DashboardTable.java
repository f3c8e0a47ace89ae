package nl.omzien.dashboard;

import java.util.List;

/**
 * A table as exports see it: translated headers and cell values (String, Long, Double, LocalDate).
 * Columns in {@code countColumns} hold numbers of people: in a publication export 1-4 becomes "&lt;5".
 */
public record DashboardTable(String name, String title, List<String> headers, List<List<Object>> rows, java.util.Set<Integer> countColumns) {

    public DashboardTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
        countColumns = java.util.Set.copyOf(countColumns);
    }

    /** The same table with small counts hidden, for publication. */
    public DashboardTable forPublication() {
        List<List<Object>> hidden = rows.stream().map(row -> {
            List<Object> copy = new java.util.ArrayList<>(row);
            for (int column : countColumns) {
                if (copy.get(column) instanceof Number n && n.longValue() > 0 && n.longValue() < SMALL_GROUP) {
                    copy.set(column, "<" + SMALL_GROUP);
                }
            }
            return copy;
        }).toList();
        return new DashboardTable(name, title, headers, hidden, countColumns);
    }

    /** Groups smaller than this are shown as "&lt;5" in publications. */
    public static final int SMALL_GROUP = 5;
}
