package nl.omzien.training.internal;

import nl.omzien.training.content.LessonStep;
import nl.omzien.training.content.ModuleParser;
import nl.omzien.training.content.ModuleSource;
import nl.omzien.training.content.QuizStep;
import nl.omzien.training.content.ReflectionStep;
import nl.omzien.training.content.ScenarioStep;
import nl.omzien.training.content.Step;
import nl.omzien.training.content.Text;
import nl.omzien.training.content.TrainingModule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every learner-facing text of the shipped modules, read with the app's own reader and parser, with
 * the module, file and field it came from, so a content check can say exactly where a problem is.
 */
final class ModuleTexts {

    static final List<String> CORE_MODULES = List.of("herkennen", "gesprek", "doorverwijzen");
    private static final Pattern STEP_ID = Pattern.compile("(?m)^id:\\s*([a-z0-9-]+)\\s*$");

    record Passage(String module, String file, String field, Step step, Text text) {
        String where() {
            return "modules/" + module + "/" + file + " (" + field + ")";
        }
    }

    record Loaded(ModuleSource source, TrainingModule module, Map<String, String> fileOfStep) {
    }

    private ModuleTexts() {
    }

    static List<Loaded> coreModules() {
        List<Loaded> loaded = new ArrayList<>();
        for (ModuleSource source : ModuleFiles.fromDirectory(Path.of("modules"))) {
            if (CORE_MODULES.contains(source.folder())) {
                Map<String, String> fileOfStep = new HashMap<>();
                source.stepFiles().forEach((file, yaml) -> {
                    Matcher id = STEP_ID.matcher(yaml);
                    if (id.find()) {
                        fileOfStep.put(id.group(1), file);
                    }
                });
                loaded.add(new Loaded(source, ModuleParser.parse(source), fileOfStep));
            }
        }
        return loaded;
    }

    static List<Passage> passages(Loaded loaded) {
        List<Passage> out = new ArrayList<>();
        TrainingModule module = loaded.module();
        out.add(new Passage(module.id(), "module.yaml", "title", null, module.title()));
        out.add(new Passage(module.id(), "module.yaml", "summary", null, module.summary()));
        for (Step step : module.steps()) {
            String file = loaded.fileOfStep().getOrDefault(step.id(), step.id());
            List<Passage> p = new ArrayList<>();
            p.add(new Passage(module.id(), file, "title", step, step.title()));
            switch (step) {
                case LessonStep lesson -> p.add(new Passage(module.id(), file, "text", step, lesson.markdown()));
                case ReflectionStep reflection -> p.add(new Passage(module.id(), file, "question", step, reflection.question()));
                case QuizStep quiz -> quiz.questions().forEach(q -> {
                    p.add(new Passage(module.id(), file, q.id() + ".text", step, q.text()));
                    q.options().forEach(o -> p.add(new Passage(module.id(), file, q.id() + ".option", step, o.text())));
                    p.add(new Passage(module.id(), file, q.id() + ".explanation", step, q.explanation()));
                });
                case ScenarioStep scenario -> {
                    p.add(new Passage(module.id(), file, "intro", step, scenario.intro()));
                    scenario.nodes().values().forEach(node -> {
                        if (node.says() != null) {
                            p.add(new Passage(module.id(), file, node.id() + ".says", step, node.says()));
                        }
                        node.replies().forEach(r -> {
                            p.add(new Passage(module.id(), file, node.id() + ".reply", step, r.text()));
                            p.add(new Passage(module.id(), file, node.id() + ".feedback", step, r.feedback()));
                        });
                        if (node.isOutcome()) {
                            p.add(new Passage(module.id(), file, node.id() + ".outcome", step, node.outcome().text()));
                        }
                    });
                }
            }
            out.addAll(p);
        }
        return out;
    }
}
