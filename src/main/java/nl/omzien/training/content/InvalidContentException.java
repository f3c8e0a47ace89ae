package nl.omzien.training.content;

import nl.omzien.base.StartupFailure;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown at startup when a module in modules/ is broken; the app refuses to start. Once the catalog knows
 * the folder it read ({@link #readFrom}), the message names the real files, and start-up reports it as one
 * short block ({@link StartupFailure}).
 */
public class InvalidContentException extends RuntimeException implements StartupFailure {

    private static final String PREFIX = "modules/";

    private final List<ContentProblem> problems;
    private final Path folder;

    public InvalidContentException(List<ContentProblem> problems) {
        this(problems, null);
    }

    private InvalidContentException(List<ContentProblem> problems, Path folder) {
        super(describe(problems, folder));
        this.problems = List.copyOf(problems);
        this.folder = folder;
    }

    /** The same problems, named by their path in {@code folder} (the configured modules folder); null: the packaged copy. */
    public InvalidContentException readFrom(Path folder) {
        return new InvalidContentException(problems, folder == null ? null : folder.toAbsolutePath().normalize());
    }

    public List<ContentProblem> problems() {
        return problems;
    }

    @Override
    public String description() {
        return getMessage();
    }

    @Override
    public String action() {
        return folder != null
                ? "Fix the files named above (the format is in modules/README.md) and start again. Omzien reads its "
                + "modules from " + folder + " (OMZIEN_MODULES_DIR)."
                : "The modules packaged with the app are broken: rebuild it, or set OMZIEN_MODULES_DIR to a folder "
                + "with valid modules.";
    }

    private static String describe(List<ContentProblem> problems, Path folder) {
        String where = folder != null ? folder.toString() : "modules/ (the copy packaged with the app)";
        return "Training content in " + where + " is invalid (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):\n"
                + problems.stream().map(p -> "  " + shown(p, folder)).collect(Collectors.joining("\n"));
    }

    private static String shown(ContentProblem problem, Path folder) {
        if (folder == null || !problem.file().startsWith(PREFIX)) {
            return problem.toString();
        }
        String file = folder.resolve(problem.file().substring(PREFIX.length())).toString();
        return new ContentProblem(file, problem.line(), problem.message()).toString();
    }
}
