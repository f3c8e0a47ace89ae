package nl.omzien.certificates.internal;

import nl.omzien.certificates.LearningPath;
import nl.omzien.certificates.LearningPaths;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.content.ContentProblem;
import nl.omzien.training.content.InvalidContentException;
import nl.omzien.training.content.TrainingModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
                    "missing: the learning paths (certificates) are defined in this file"))).readFrom(folder);
        }
        Map<String, Integer> versions = modules.current().stream()
                .collect(Collectors.toMap(TrainingModule::id, TrainingModule::version));
        try {
            this.paths = List.copyOf(LearningPathParser.parse("modules/" + FILE, text, versions));
        } catch (InvalidContentException e) {
            throw e.readFrom(folder);
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
