package nl.omzien.training;

import java.util.Map;
import java.util.Set;

/** The server's verdict on a quiz submission. */
public record QuizResult(int correct, int total, boolean passed, Map<String, Set<Integer>> answers) {

    public int percent() {
        return Math.round(100f * correct / total);
    }
}
