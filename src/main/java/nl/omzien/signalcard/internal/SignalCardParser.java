package nl.omzien.signalcard.internal;

import nl.omzien.training.content.ContentProblem;
import nl.omzien.training.content.InvalidContentException;
import nl.omzien.training.content.Text;
import nl.omzien.training.content.YamlMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates {@code signaleringskaart.yaml} with the module parser's YAML helpers, so every problem
 * names file and line. {@code steps} maps each current module id to its step ids, to check every {@code from}.
 */
final class SignalCardParser {

    private static final Set<String> SECTION_KEYS = Set.of("title", "items", "notes");

    private final List<ContentProblem> problems = new ArrayList<>();
    private final Map<String, Set<String>> steps;

    private SignalCardParser(Map<String, Set<String>> steps) {
        this.steps = steps;
    }

    static SignalCardContent parse(String file, String text, Map<String, Set<String>> steps) {
        SignalCardParser parser = new SignalCardParser(steps);
        SignalCardContent content = parser.content(file, text);
        if (!parser.problems.isEmpty() || content == null) {
            throw new InvalidContentException(parser.problems.isEmpty()
                    ? List.of(new ContentProblem(file, 0, "the signal card is incomplete")) : parser.problems);
        }
        return content;
    }

    private SignalCardContent content(String file, String text) {
        YamlMap root = YamlMap.parse(file, text, problems);
        if (root == null) {
            return null;
        }
        root.onlyKeys(Set.of("title", "intro", "signals", "tips", "steps", "national"));
        Text title = root.text("title", true);
        Text intro = root.text("intro", true);
        SignalCardContent.Section signals = section(root, "signals");
        SignalCardContent.Section tips = section(root, "tips");
        SignalCardContent.Section stepPlan = section(root, "steps");
        SignalCardContent.Section national = section(root, "national");
        if (title == null || intro == null || signals == null || tips == null || stepPlan == null || national == null) {
            return null;
        }
        return new SignalCardContent(title, intro, signals, tips, stepPlan, national);
    }

    private SignalCardContent.Section section(YamlMap root, String key) {
        YamlMap yaml = root.map(key);
        if (yaml == null) {
            root.problem(key, "missing '" + key + "'");
            return null;
        }
        yaml.onlyKeys(SECTION_KEYS);
        Text title = yaml.text("title", true);
        List<SignalCardContent.Item> items = items(yaml, "items", true);
        if (items.isEmpty() && yaml.has("items")) {
            yaml.problem("items", "'" + key + "' needs at least one item");
        }
        List<SignalCardContent.Item> notes = items(yaml, "notes", false);
        return title == null ? null : new SignalCardContent.Section(title, items, notes);
    }

    private List<SignalCardContent.Item> items(YamlMap section, String key, boolean withTitle) {
        List<SignalCardContent.Item> items = new ArrayList<>();
        for (YamlMap yaml : section.maps(key, withTitle)) {
            yaml.onlyKeys(withTitle ? Set.of("from", "title", "text") : Set.of("from", "text"));
            String from = yaml.string("from", true);
            if (from != null) {
                String[] parts = from.split("/", 2);
                if (parts.length != 2 || !steps.containsKey(parts[0])) {
                    yaml.problem("from", "'" + from + "' is not module/step of a module in modules/ (e.g. herkennen/signalen)");
                    from = null;
                } else if (!steps.get(parts[0]).contains(parts[1])) {
                    yaml.problem("from", "module '" + parts[0] + "' has no step '" + parts[1] + "'");
                    from = null;
                }
            }
            Text title = withTitle ? yaml.text("title", true) : null;
            Text text = yaml.text("text", true);
            if (from != null && text != null && (title != null || !withTitle)) {
                items.add(new SignalCardContent.Item(from, title, text));
            }
        }
        return items;
    }
}
