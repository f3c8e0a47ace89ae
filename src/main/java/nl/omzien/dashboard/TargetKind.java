package nl.omzien.dashboard;

/** What a coalition target counts. */
public enum TargetKind {
    /** People trained in the year (optionally only one audience, e.g. shop staff). */
    TRAINED,
    /** Organisations with at least one trained person by the end of the year. */
    ORGANISATIONS,
    /** Sessions held in the year. */
    SESSIONS
}
