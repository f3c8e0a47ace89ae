package nl.omzien.training.content;

/** One thing wrong in a content file; line is 1-based (0 when the problem is about a whole file). */
public record ContentProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
