package nl.omzien.base;

/**
 * What a typed text may contain: no control characters (Unicode category Cc: NUL, escape, tab...) and no
 * bidirectional overrides or isolates (U+202A-U+202E, U+2066-U+2069), which make a name read differently from
 * what it is ("evil\u202Etxt.exe"). Multi-line free text keeps its line breaks. A NUL would otherwise reach
 * PostgreSQL, which refuses it in text, and end as "something went wrong" instead of a message at the field.
 * Used by {@link InvalidInputException.Checks#singleLine} and {@link InvalidInputException.Checks#multiLine}.
 */
public final class PlainText {

    private PlainText() {
    }

    /** True for a name, title or other one-line text without control or bidi override characters (null counts as fine). */
    public static boolean isSingleLine(String text) {
        return text == null || text.codePoints().noneMatch(PlainText::forbidden);
    }

    /** The same, but line breaks (LF, CR) are allowed: for comments, notes and stories. */
    public static boolean isMultiLine(String text) {
        return text == null || text.codePoints().noneMatch(c -> c != '\n' && c != '\r' && forbidden(c));
    }

    private static boolean forbidden(int c) {
        return Character.getType(c) == Character.CONTROL
                || (c >= 0x202A && c <= 0x202E) // LRE, RLE, PDF, LRO, RLO
                || (c >= 0x2066 && c <= 0x2069); // LRI, RLI, FSI, PDI
    }
}
