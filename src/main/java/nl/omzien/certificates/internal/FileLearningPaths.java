package nl.omzien.certificates.internal;

import nl.omzien.certificates.LearningPath;
import nl.omzien.certificates.LearningPaths;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.content.ContentFile;
import nl.omzien.training.content.InvalidContentException;
import nl.omzien.training.content.TrainingModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads {@code learning-paths.yaml} from the modules folder (or the packaged copy) at startup and
 * refuses to start when it is invalid, like the module catalog. It is a file, not a folder, so the
 * module loader (which reads every folder in modules/) never mistakes it for a module.
 */
@Service
class FileLearningPaths implements LearningPaths {

    static final String FILE = "learning-paths.yaml";
    private static final Logger log = LoggerFactory.getLogger(FileLearningPaths.class);

    private final List<LearningPath> paths;

    FileLearningPaths(@Value("${omzien.modules.dir:modules}") Path directory, ModuleCatalog modules) {
        ContentFile file = ContentFile.read(directory, FILE, "the learning paths (certificates) are defined in this file");
        Map<String, Integer> versions = modules.current().stream()
                .collect(Collectors.toMap(TrainingModule::id, TrainingModule::version));
        try {
            this.paths = List.copyOf(LearningPathParser.parse(file.path(), file.text(), versions));
        } catch (InvalidContentException e) {
            throw e.readFrom(file.folder());
        }
        log.info("Loaded {} learning paths: {}", paths.size(), paths.stream().map(LearningPath::id).toList());
    }

    @Override
    public List<LearningPath> all() {
        return paths;
    }

    @Override
    public Optional<LearningPath> find(String pathId) {
        return paths.stream().filter(p -> p.id().equals(pathId)).findFirst();
    }
}
