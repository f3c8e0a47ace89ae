package nl.omzien.training.content;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML mapping read through SnakeYAML's node tree, so every problem can name its line.
 * Problems are collected, not thrown: a trainer sees every mistake in one go.
 */
final class YamlMap {

    private final String file;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final List<ContentProblem> problems;

    YamlMap(String file, Node node, List<ContentProblem> problems) {
        this.file = file;
        this.node = node;
        this.problems = problems;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
                if (entries.putIfAbsent(key, tuple) != null) {
                    problem(tuple.getKeyNode(), "'" + key + "' appears twice");
                }
            }
        } else {
            problem(node, "expected a list of 'name: value' lines here");
        }
    }

    String file() {
        return file;
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    int line(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? line() : tuple.getKeyNode().getStartMark().getLine() + 1;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    void problem(Node at, String message) {
        problems.add(new ContentProblem(file, at.getStartMark().getLine() + 1, message));
    }

    void problem(String key, String message) {
        problems.add(new ContentProblem(file, line(key), message));
    }

    /** Catches typos such as 'titel:' that would otherwise silently lose content. */
    void onlyKeys(Set<String> allowed) {
        entries.forEach((key, tuple) -> {
            if (!allowed.contains(key)) {
                problem(tuple.getKeyNode(), "unknown field '" + key + "' (allowed: " + String.join(", ", allowed) + ")");
            }
        });
    }

    private Node value(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    String string(String key, boolean required) {
        Node value = value(key);
        if (value == null) {
            if (required) {
                problem(node, "missing '" + key + "'");
            }
            return null;
        }
        if (value instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return scalar.getValue().strip();
        }
        problem(value, "'" + key + "' must be a single value");
        return null;
    }

    Integer integer(String key, int min, int max) {
        String text = string(key, true);
        if (text == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(text);
            if (number < min || number > max) {
                problem(key, "'" + key + "' must be between " + min + " and " + max);
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            problem(key, "'" + key + "' must be a whole number");
            return null;
        }
    }

    boolean bool(String key) {
        String text = string(key, false);
        if (text == null) {
            return false;
        }
        if (!text.equals("true") && !text.equals("false")) {
            problem(key, "'" + key + "' must be true or false");
        }
        return text.equals("true");
    }

    /** A text in both languages; a missing language is a problem, reported with its line. */
    Text text(String key, boolean required) {
        Node value = value(key);
        if (value == null) {
            if (required) {
                problem(node, "missing '" + key + "' (with nl and en)");
            }
            return null;
        }
        YamlMap languages = new YamlMap(file, value, problems);
        languages.onlyKeys(Set.of("nl", "en"));
        String nl = languages.languageText("nl", key);
        String en = languages.languageText("en", key);
        return nl == null || en == null ? null : new Text(nl, en);
    }

    private String languageText(String language, String parentKey) {
        Node value = value(language);
        if (value instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return scalar.getValue().strip();
        }
        problem(value == null ? node : value, "'" + parentKey + "' has no " + (language.equals("nl") ? "Dutch (nl)" : "English (en)") + " text");
        return null;
    }

    YamlMap map(String key) {
        Node value = value(key);
        return value == null ? null : new YamlMap(file, value, problems);
    }

    List<YamlMap> maps(String key, boolean required) {
        Node value = value(key);
        if (value == null) {
            if (required) {
                problem(node, "missing '" + key + "'");
            }
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            problem(value, "'" + key + "' must be a list (lines starting with '- ')");
            return List.of();
        }
        List<YamlMap> maps = new ArrayList<>();
        sequence.getValue().forEach(item -> maps.add(new YamlMap(file, item, problems)));
        return maps;
    }

    List<String> strings(String key) {
        Node value = value(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            problem(value, "'" + key + "' must be a list such as [shop, church]");
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (item instanceof ScalarNode scalar) {
                strings.add(scalar.getValue().strip());
            } else {
                problem(item, "'" + key + "' may only contain single words");
            }
        }
        return strings;
    }
}
