package nl.omzien.training.internal;

import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.content.ContentProblem;
import nl.omzien.training.content.InvalidContentException;
import nl.omzien.training.content.ModuleParser;
import nl.omzien.training.content.ModuleSource;
import nl.omzien.training.content.TrainingModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads every module at startup and refuses to start when one is invalid (the exception lists file,
 * line and problem). Reads {@code omzien.modules.dir} when that folder exists, else the packaged copy.
 */
@Service
class FileModuleCatalog implements ModuleCatalog {

    private static final Logger log = LoggerFactory.getLogger(FileModuleCatalog.class);

    private final Map<String, TrainingModule> current = new LinkedHashMap<>();
    private final Map<String, ModuleSource> sources = new LinkedHashMap<>();
    private final Map<String, TrainingModule> earlierVersions = new ConcurrentHashMap<>();
    private final JooqModuleVersionRepository versions;
    /** Where assets are read from: the folder, or null for the packaged copy on the classpath. */
    private final Path assetRoot;

    FileModuleCatalog(@Value("${omzien.modules.dir:modules}") Path directory, JooqModuleVersionRepository versions,
                      TransactionTemplate transaction) {
        this.versions = versions;
        this.assetRoot = Files.isDirectory(directory) ? directory : null;
        List<ModuleSource> found = assetRoot != null ? ModuleFiles.fromDirectory(directory) : ModuleFiles.fromClasspath();
        List<ContentProblem> problems = new ArrayList<>();
        for (ModuleSource source : found) {
            try {
                TrainingModule module = ModuleParser.parse(source);
                current.put(module.id(), module);
                sources.put(module.id(), source);
            } catch (InvalidContentException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidContentException(problems).readFrom(assetRoot);
        }
        transaction.executeWithoutResult(status -> current.values().forEach(m -> versions.store(m, sources.get(m.id()))));
        log.info("Loaded {} training modules: {}", current.size(), current.keySet());
    }

    @Override
    public List<TrainingModule> current() {
        // In the order learners should take them (manifest 'order'), then by id.
        return current.values().stream()
                .sorted(java.util.Comparator.comparingInt(TrainingModule::order).thenComparing(TrainingModule::id))
                .toList();
    }

    @Override
    public Optional<TrainingModule> current(String moduleId) {
        return Optional.ofNullable(current.get(moduleId));
    }

    @Override
    public TrainingModule version(String moduleId, int version) {
        TrainingModule latest = current.get(moduleId);
        if (latest != null && latest.version() == version) {
            return latest;
        }
        return earlierVersions.computeIfAbsent(moduleId + "@" + version, key -> versions
                .load(moduleId, version, latest == null ? java.util.Set.of() : sources.get(moduleId).assets())
                .map(ModuleParser::parse)
                .orElseThrow(() -> new NoSuchElementException("No module " + moduleId + " version " + version)));
    }

    @Override
    public Optional<byte[]> asset(String moduleId, String file) {
        ModuleSource source = sources.get(moduleId);
        // Only names found at startup: a file name from a request can never reach outside assets/.
        if (source == null || file == null || !source.assets().contains(file)) {
            return Optional.empty();
        }
        String relative = source.folder() + "/assets/" + file;
        try {
            return Optional.of(assetRoot != null ? Files.readAllBytes(assetRoot.resolve(relative))
                    : new ClassPathResource("modules/" + relative).getContentAsByteArray());
        } catch (IOException e) {
            log.warn("Cannot read module asset {}: {}", relative, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public ModuleSource source(String moduleId) {
        return sources.get(moduleId);
    }
}
