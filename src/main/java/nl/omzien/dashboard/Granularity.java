package nl.omzien.dashboard;

/** How the "over time" breakdown groups months. */
public enum Granularity {
    MONTH, QUARTER, YEAR
}
