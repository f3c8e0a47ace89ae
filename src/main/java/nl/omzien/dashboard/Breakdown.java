package nl.omzien.dashboard;

/** One row of a breakdown: a key (sector, path id, module id, village) with its readable label and count. */
public record Breakdown(String key, String label, long count) {
}
