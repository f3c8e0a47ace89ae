package nl.omzien.training.internal;

import nl.omzien.training.content.LessonStep;
import nl.omzien.training.content.ModuleParser;
import nl.omzien.training.content.ModuleSource;
import nl.omzien.training.content.QuizStep;
import nl.omzien.training.content.ReflectionStep;
import nl.omzien.training.content.ScenarioStep;
import nl.omzien.training.content.TrainingModule;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every module shipped in modules/ is valid, read the way the app reads it; the example uses every step kind. */
class ShippedModulesTest {

    private static final List<ModuleSource> SHIPPED = ModuleFiles.fromDirectory(Path.of("modules"));

    @Test
    void everyShippedModuleIsValid() {
        assertThat(SHIPPED).extracting(ModuleSource::folder).contains("voorbeeld", "herkennen", "gesprek", "doorverwijzen");
        for (ModuleSource source : SHIPPED) {
            assertThat(ModuleParser.parse(source).id()).isEqualTo(source.folder());
        }
    }

    @Test
    void exampleModuleExercisesEveryStepKind() {
        TrainingModule example = ModuleParser.parse(SHIPPED.stream().filter(s -> s.folder().equals("voorbeeld")).findFirst().orElseThrow());
        assertThat(example.steps()).hasAtLeastOneElementOfType(LessonStep.class)
                .hasAtLeastOneElementOfType(ScenarioStep.class)
                .hasAtLeastOneElementOfType(QuizStep.class)
                .hasAtLeastOneElementOfType(ReflectionStep.class);
        assertThat(example.steps()).anyMatch(step -> !step.audiences().isEmpty());
    }
}
