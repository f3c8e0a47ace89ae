package nl.omzien.dashboard;

/** Narrows the "Tell" list: words in the text (or null) and a score range (1-10). */
public record CommentFilter(String text, int minScore, int maxScore) {

    public static final CommentFilter ALL = new CommentFilter(null, 1, 10);
}
