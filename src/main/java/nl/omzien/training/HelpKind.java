package nl.omzien.training;

/** The second tap: the kind of help someone was referred (or could be referred) to. A fixed list, no free text. */
public enum HelpKind {
    MELDPUNT, WELZIJN, HUISARTS, LINE_113, OTHER
}
