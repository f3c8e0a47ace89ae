package nl.omzien.signalcard.internal;

import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.content.ContentProblem;
import nl.omzien.training.content.InvalidContentException;
import nl.omzien.training.content.Step;
import nl.omzien.training.content.TrainingModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code signaleringskaart.yaml} from the modules folder (or the packaged copy) at startup and refuses to
 * start when it is invalid or names a module step that does not exist, like the learning paths.
 */
@Component
public class FileSignalCardContent {

    static final String FILE = "signaleringskaart.yaml";

    private final SignalCardContent content;

    FileSignalCardContent(@Value("${omzien.modules.dir:modules}") Path directory, ModuleCatalog modules) {
        Path file = directory.resolve(FILE);
        String text;
        try {
            text = Files.isRegularFile(file) ? Files.readString(file)
                    : Files.isDirectory(directory) ? null
                    : new ClassPathResource("modules/" + FILE).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        Path folder = Files.isDirectory(directory) ? directory : null;
        if (text == null) {
            throw new InvalidContentException(List.of(new ContentProblem("modules/" + FILE, 0,
                    "missing: the texts of the signal card (signaleringskaart) are in this file"))).readFrom(folder);
        }
        try {
            this.content = SignalCardParser.parse("modules/" + FILE, text, steps(modules.current()));
        } catch (InvalidContentException e) {
            throw e.readFrom(folder);
        }
    }

    static Map<String, Set<String>> steps(List<TrainingModule> modules) {
        return modules.stream().collect(Collectors.toMap(TrainingModule::id,
                m -> m.steps().stream().map(Step::id).collect(Collectors.toSet())));
    }

    public SignalCardContent content() {
        return content;
    }
}
