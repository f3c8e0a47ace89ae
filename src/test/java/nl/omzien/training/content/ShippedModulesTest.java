package nl.omzien.training.content;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every module shipped in modules/ is valid, and the example module uses every step kind. */
class ShippedModulesTest {

    static TrainingModule load(String folderName) throws IOException {
        Path folder = Path.of("modules", folderName);
        TreeMap<String, String> files = new TreeMap<>();
        Set<String> assets = new HashSet<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                String relative = folder.relativize(file).toString();
                if (relative.startsWith("assets/")) {
                    assets.add(relative.substring(7));
                } else if (relative.endsWith(".yaml")) {
                    files.put(relative, Files.readString(file));
                }
            }
        }
        return ModuleParser.parse(new ModuleSource(folderName, files, assets));
    }

    @Test
    void everyShippedModuleIsValid() throws IOException {
        try (Stream<Path> folders = Files.list(Path.of("modules"))) {
            var names = folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).contains("voorbeeld", "herkennen", "gesprek", "doorverwijzen");
            for (String name : names) {
                assertThat(load(name).id()).isEqualTo(name);
            }
        }
    }

    @Test
    void exampleModuleExercisesEveryStepKind() throws IOException {
        TrainingModule example = load("voorbeeld");
        assertThat(example.steps()).hasAtLeastOneElementOfType(LessonStep.class)
                .hasAtLeastOneElementOfType(ScenarioStep.class)
                .hasAtLeastOneElementOfType(QuizStep.class)
                .hasAtLeastOneElementOfType(ReflectionStep.class);
        assertThat(example.steps()).anyMatch(step -> !step.audiences().isEmpty());
    }
}
