package nl.omzien.sessions;

import java.util.List;

/** What participants said about a session, without their names. {@code average} is null without answers. */
public record EvaluationSummary(int answers, Double average, List<String> doDifferently, List<String> comments) {
}
