package nl.omzien.training.content;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown at startup when a module in modules/ is broken; the app refuses to start. */
public class InvalidContentException extends RuntimeException {

    private final List<ContentProblem> problems;

    public InvalidContentException(List<ContentProblem> problems) {
        super("Training content in modules/ is invalid:\n" + problems.stream().map(p -> "  " + p)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ContentProblem> problems() {
        return problems;
    }
}
