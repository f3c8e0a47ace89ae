package nl.omzien.training.content;

import nl.omzien.people.Audience;
import nl.omzien.training.content.ScenarioStep.Node;
import nl.omzien.training.content.ScenarioStep.Outcome;
import nl.omzien.training.content.ScenarioStep.Quality;
import nl.omzien.training.content.ScenarioStep.Reply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates one module folder. Every problem names file, line and what is wrong, so a
 * trainer who is not a programmer can fix it; see modules/README.md for the format.
 */
public final class ModuleParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> MANIFEST_KEYS = Set.of("id", "version", "title", "summary", "minutes", "passMark", "audiences", "order");
    private static final Set<String> STEP_KINDS = Set.of("lesson", "scenario", "quiz", "reflection");

    private final List<ContentProblem> problems = new ArrayList<>();
    private final ModuleSource source;

    private ModuleParser(ModuleSource source) {
        this.source = source;
    }

    /** Parses a module or throws {@link InvalidContentException} listing every problem. */
    public static TrainingModule parse(ModuleSource source) {
        ModuleParser parser = new ModuleParser(source);
        TrainingModule module = parser.parseModule();
        if (!parser.problems.isEmpty()) {
            throw new InvalidContentException(parser.problems);
        }
        return module;
    }

    private TrainingModule parseModule() {
        String manifestText = source.files().get("module.yaml");
        if (manifestText == null) {
            problems.add(new ContentProblem(source.displayPath("module.yaml"), 0, "missing: every module folder needs a module.yaml"));
            return null;
        }
        YamlMap manifest = load("module.yaml", manifestText);
        if (manifest == null) {
            return null;
        }
        manifest.onlyKeys(MANIFEST_KEYS);
        String id = manifest.string("id", true);
        if (id != null && !id.equals(source.folder())) {
            manifest.problem("id", "id '" + id + "' must equal the folder name '" + source.folder() + "'");
        }
        Integer version = manifest.integer("version", 1, 100_000);
        Text title = manifest.text("title", true);
        Text summary = manifest.text("summary", true);
        Integer minutes = manifest.integer("minutes", 1, 240);
        Integer passMark = manifest.integer("passMark", 0, 100);
        Integer order = manifest.has("order") ? manifest.integer("order", 1, 999) : TrainingModule.DEFAULT_ORDER;
        Set<Audience> audiences = audiences(manifest, EnumSet.allOf(Audience.class));
        if (audiences.isEmpty() && !manifest.has("audiences")) {
            manifest.problem("audiences", "missing 'audiences' (professional, shop, church)");
        }

        List<Step> steps = new ArrayList<>();
        Map<String, Set<Audience>> optional = new HashMap<>();
        Map<String, String> stepIds = new HashMap<>();
        if (source.stepFiles().isEmpty()) {
            problems.add(new ContentProblem(source.displayPath("steps/"), 0, "no steps: add files such as steps/010-intro.yaml"));
        }
        source.stepFiles().forEach((path, text) -> {
            YamlMap yaml = load(path, text);
            if (yaml == null) {
                return;
            }
            Step step = step(yaml, audiences);
            if (step == null) {
                return;
            }
            // Issue 18: "optional: [shop]" makes a step optional practice for those audiences; they play it after the core.
            Set<Audience> optionalFor = audiences(yaml, "optional", audiences);
            if (!optionalFor.isEmpty()) {
                optional.put(step.id(), optionalFor);
            }
            String earlier = stepIds.putIfAbsent(step.id(), yaml.file());
            if (earlier != null) {
                yaml.problem("id", "step id '" + step.id() + "' is also used in " + earlier);
            }
            steps.add(step);
        });
        for (Audience audience : audiences) {
            List<Step> variant = steps.stream().filter(s -> s.isFor(audience)).toList();
            if (variant.stream().noneMatch(QuizStep.class::isInstance)) {
                problems.add(new ContentProblem(source.displayPath("steps/"), 0,
                        "the " + audience.id() + " variant has no quiz step, so nobody can pass the module"));
            }
        }
        if (id == null || version == null || title == null || summary == null || minutes == null || passMark == null) {
            return null;
        }
        for (Audience audience : audiences) {
            List<Step> variant = steps.stream().filter(s -> s.isFor(audience)).toList();
            if (!variant.isEmpty() && variant.stream().allMatch(s -> optional.getOrDefault(s.id(), Set.of()).contains(audience))) {
                problems.add(new ContentProblem(source.displayPath("steps/"), 0,
                        "every step of the " + audience.id() + " variant is optional: mark at least one step as the core"));
            }
        }
        return new TrainingModule(id, version, title, summary, minutes, passMark, audiences, List.copyOf(steps), hash(),
                order == null ? TrainingModule.DEFAULT_ORDER : order, Map.copyOf(optional));
    }

    private YamlMap load(String path, String text) {
        return YamlMap.parse(source.displayPath(path), text, problems);
    }

    private Set<Audience> audiences(YamlMap yaml, Set<Audience> allowed) {
        return audiences(yaml, "audiences", allowed);
    }

    private Set<Audience> audiences(YamlMap yaml, String key, Set<Audience> allowed) {
        Set<Audience> audiences = EnumSet.noneOf(Audience.class);
        for (String name : yaml.strings(key)) {
            Audience audience = switch (name) {
                case "professional" -> Audience.PROFESSIONAL;
                case "shop" -> Audience.SHOP;
                case "church" -> Audience.CHURCH;
                default -> null;
            };
            if (audience == null) {
                yaml.problem(key, "unknown audience '" + name + "' (use professional, shop or church)");
            } else if (!allowed.contains(audience)) {
                yaml.problem(key, "audience '" + name + "' is not listed in module.yaml");
            } else {
                audiences.add(audience);
            }
        }
        return audiences;
    }

    private Step step(YamlMap yaml, Set<Audience> moduleAudiences) {
        String id = yaml.string("id", true);
        if (id != null && !ID.matcher(id).matches()) {
            yaml.problem("id", "id '" + id + "' may only use lower-case letters, digits and dashes");
        }
        String kind = yaml.string("kind", true);
        Text title = yaml.text("title", true);
        Set<Audience> audiences = audiences(yaml, moduleAudiences);
        if (kind == null) {
            return null;
        }
        Step step = switch (kind) {
            case "lesson" -> lesson(yaml, id, title, audiences);
            case "scenario" -> scenario(yaml, id, title, audiences);
            case "quiz" -> quiz(yaml, id, title, audiences);
            case "reflection" -> reflection(yaml, id, title, audiences);
            default -> {
                yaml.problem("kind", "unknown step kind '" + kind + "' (use " + String.join(", ", STEP_KINDS) + ")");
                yield null;
            }
        };
        return id == null || title == null ? null : step;
    }

    private Step lesson(YamlMap yaml, String id, Text title, Set<Audience> audiences) {
        yaml.onlyKeys(Set.of("id", "kind", "title", "audiences", "optional", "text", "image", "show"));
        Text text = yaml.text("text", true);
        LessonStep.Image image = null;
        YamlMap imageYaml = yaml.map("image");
        if (imageYaml != null) {
            imageYaml.onlyKeys(Set.of("file", "alt"));
            String file = imageYaml.string("file", true);
            Text alt = imageYaml.text("alt", false);
            if (!imageYaml.has("alt")) {
                imageYaml.problem("file", "image without alt text: add 'alt' with nl and en describing the picture");
            }
            if (file != null && !LessonStep.Image.isSupported(file)) {
                imageYaml.problem("file", "image '" + file + "' must be a .png, .jpg, .webp or .svg file");
            } else if (file != null && !source.assets().contains(file)) {
                imageYaml.problem("file", "image '" + file + "' not found in modules/" + source.folder() + "/assets/");
            }
            image = file == null || alt == null ? null : new LessonStep.Image(file, alt);
        }
        LessonStep.Show show = null;
        String showName = yaml.string("show", false);
        if (showName != null) {
            show = java.util.Arrays.stream(LessonStep.Show.values()).filter(s -> s.fileName().equals(showName)).findFirst().orElse(null);
            if (show == null) {
                yaml.problem("show", "unknown 'show: " + showName + "' (use " + java.util.Arrays.stream(LessonStep.Show.values())
                        .map(LessonStep.Show::fileName).collect(java.util.stream.Collectors.joining(", ")) + ")");
            }
        }
        return text == null ? null : new LessonStep(id, title, audiences, text, image, show);
    }

    private Step reflection(YamlMap yaml, String id, Text title, Set<Audience> audiences) {
        yaml.onlyKeys(Set.of("id", "kind", "title", "audiences", "optional", "question"));
        Text question = yaml.text("question", true);
        return question == null ? null : new ReflectionStep(id, title, audiences, question);
    }

    private Step quiz(YamlMap yaml, String id, Text title, Set<Audience> audiences) {
        yaml.onlyKeys(Set.of("id", "kind", "title", "audiences", "optional", "questions"));
        List<QuizStep.Question> questions = new ArrayList<>();
        Set<String> questionIds = new HashSet<>();
        List<YamlMap> questionYamls = yaml.maps("questions", true);
        if (questionYamls.isEmpty() && yaml.has("questions")) {
            yaml.problem("questions", "a quiz needs at least one question");
        }
        for (YamlMap q : questionYamls) {
            q.onlyKeys(Set.of("id", "type", "text", "options", "explanation"));
            String questionId = q.string("id", true);
            if (questionId != null && !questionIds.add(questionId)) {
                q.problem("id", "question id '" + questionId + "' appears twice in this quiz");
            }
            String type = q.string("type", true);
            QuizStep.QuestionType questionType = null;
            if ("single".equals(type)) {
                questionType = QuizStep.QuestionType.SINGLE;
            } else if ("multiple".equals(type)) {
                questionType = QuizStep.QuestionType.MULTIPLE;
            } else if (type != null) {
                q.problem("type", "unknown question type '" + type + "' (use single or multiple)");
            }
            Text text = q.text("text", true);
            Text explanation = q.text("explanation", true);
            List<QuizStep.Option> options = new ArrayList<>();
            for (YamlMap o : q.maps("options", true)) {
                o.onlyKeys(Set.of("text", "correct"));
                Text optionText = o.text("text", true);
                boolean correct = o.bool("correct");
                options.add(new QuizStep.Option(optionText, correct));
            }
            long correctCount = options.stream().filter(QuizStep.Option::correct).count();
            if (options.size() < 2) {
                q.problem("options", "question '" + questionId + "' needs at least two options");
            }
            if (correctCount == 0) {
                q.problem("options", "question '" + questionId + "' has no correct answer: mark one option with 'correct: true'");
            } else if (questionType == QuizStep.QuestionType.SINGLE && correctCount > 1) {
                q.problem("options", "question '" + questionId + "' is 'single' but has " + correctCount + " correct answers");
            }
            if (questionId != null && questionType != null && text != null && explanation != null
                    && options.stream().allMatch(o -> o.text() != null)) {
                questions.add(new QuizStep.Question(questionId, questionType, text, List.copyOf(options), explanation));
            }
        }
        return new QuizStep(id, title, audiences, List.copyOf(questions));
    }

    private Step scenario(YamlMap yaml, String id, Text title, Set<Audience> audiences) {
        yaml.onlyKeys(Set.of("id", "kind", "title", "audiences", "optional", "intro", "start", "nodes"));
        Text intro = yaml.text("intro", true);
        String start = yaml.string("start", true);
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, Integer> nodeLines = new HashMap<>();
        List<Runnable> nextChecks = new ArrayList<>();
        for (YamlMap n : yaml.maps("nodes", true)) {
            n.onlyKeys(Set.of("id", "says", "replies", "outcome", "safety"));
            String nodeId = n.string("id", true);
            Text says = n.text("says", false);
            boolean safety = n.bool("safety");
            Outcome outcome = null;
            YamlMap outcomeYaml = n.map("outcome");
            if (outcomeYaml != null) {
                outcomeYaml.onlyKeys(Set.of("result", "text"));
                outcome = new Outcome(quality(outcomeYaml, "result"), outcomeYaml.text("text", true));
            }
            List<YamlMap> replyYamls = n.maps("replies", false);
            if (outcome != null && !replyYamls.isEmpty()) {
                n.problem("replies", "node '" + nodeId + "' has an outcome, so it ends the scenario and cannot have replies");
            } else if (outcome == null && (replyYamls.size() < 2 || replyYamls.size() > 4)) {
                n.problem(n.has("replies") ? "replies" : "id", "node '" + nodeId + "' needs 2 to 4 replies, or an outcome that ends the scenario");
            }
            if (outcome == null && says == null) {
                n.problem("id", "node '" + nodeId + "' needs 'says': what the other person says");
            }
            List<Reply> replies = new ArrayList<>();
            for (YamlMap r : replyYamls) {
                r.onlyKeys(Set.of("text", "next", "quality", "feedback"));
                String next = r.string("next", true);
                Reply reply = new Reply(r.text("text", true), next, quality(r, "quality"), r.text("feedback", true));
                replies.add(reply);
                if (next != null) {
                    nextChecks.add(() -> {
                        if (!nodes.containsKey(next)) {
                            r.problem("next", "reply points to node '" + next + "', which does not exist in this scenario");
                        }
                    });
                }
            }
            if (nodeId == null) {
                continue;
            }
            if (nodes.containsKey(nodeId)) {
                n.problem("id", "node id '" + nodeId + "' appears twice in this scenario");
                continue;
            }
            nodes.put(nodeId, new Node(nodeId, says, List.copyOf(replies), outcome, safety));
            nodeLines.put(nodeId, n.line());
        }
        nextChecks.forEach(Runnable::run);
        if (start != null && !nodes.containsKey(start)) {
            yaml.problem("start", "start node '" + start + "' does not exist in this scenario");
        }
        if (nodes.values().stream().noneMatch(Node::isOutcome) && !nodes.isEmpty()) {
            yaml.problem("nodes", "the scenario has no node with an outcome, so it can never end");
        }
        for (String stuck : nodesWithoutReachableOutcome(nodes)) {
            problems.add(new ContentProblem(yaml.file(), nodeLines.get(stuck),
                    "from node '" + stuck + "' no outcome can be reached: the conversation would never end"));
        }
        return intro == null || start == null ? null : new ScenarioStep(id, title, audiences, intro, start, nodes);
    }

    /** Walks the graph backwards from the outcomes; whatever is not reached cannot end. */
    private static List<String> nodesWithoutReachableOutcome(Map<String, Node> nodes) {
        Map<String, List<String>> predecessors = new HashMap<>();
        nodes.values().forEach(node -> node.replies().forEach(reply ->
                predecessors.computeIfAbsent(reply.next(), k -> new ArrayList<>()).add(node.id())));
        Set<String> canEnd = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        nodes.values().stream().filter(Node::isOutcome).forEach(node -> queue.add(node.id()));
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (canEnd.add(id)) {
                queue.addAll(predecessors.getOrDefault(id, List.of()));
            }
        }
        return nodes.keySet().stream().filter(id -> !canEnd.contains(id)).toList();
    }

    private static Quality quality(YamlMap yaml, String key) {
        String value = yaml.string(key, true);
        if (value == null) {
            return null;
        }
        try {
            return Quality.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            yaml.problem(key, "'" + key + "' must be good, mixed or poor, not '" + value + "'");
            return null;
        }
    }

    private String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            source.files().forEach((path, text) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
