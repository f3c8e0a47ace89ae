package nl.omzien.signalcard.internal;

import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.content.ContentFile;
import nl.omzien.training.content.InvalidContentException;
import nl.omzien.training.content.Step;
import nl.omzien.training.content.TrainingModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

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
        ContentFile file = ContentFile.read(directory, FILE,
                "the texts of the signal card (signaleringskaart) are in this file");
        try {
            this.content = SignalCardParser.parse(file.path(), file.text(), steps(modules.current()));
        } catch (InvalidContentException e) {
            throw e.readFrom(file.folder());
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
