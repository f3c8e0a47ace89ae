package nl.omzien.dashboard;

import java.util.List;

/**
 * A table as exports see it: translated headers and cell values (String, Long, Double, LocalDate).
 * Columns in {@code countColumns} hold numbers of people; in a publication export {@link SmallNumbers} has
 * already replaced what must stay hidden by "&lt;5".
 */
public record DashboardTable(String name, String title, List<String> headers, List<List<Object>> rows, java.util.Set<Integer> countColumns) {

    public DashboardTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
        countColumns = java.util.Set.copyOf(countColumns);
    }

    /** Groups smaller than this are shown as "&lt;5" in publications (see {@link SmallNumbers}). */
    public static final int SMALL_GROUP = SmallNumbers.THRESHOLD;
}
