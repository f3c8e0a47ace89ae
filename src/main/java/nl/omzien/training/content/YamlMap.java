package nl.omzien.training.content;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML mapping read through SnakeYAML's node tree, so every problem can name its line.
 * Problems are collected, not thrown: a trainer sees every mistake in one go.
 */
public final class YamlMap {

    private final String file;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final List<ContentProblem> problems;

    public YamlMap(String file, Node node, List<ContentProblem> problems) {
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

    /**
     * Reads one YAML file into its top-level mapping, or returns null after adding a problem (empty file,
     * broken YAML with its line). {@code file} is the path shown in problems.
     */
    public static YamlMap parse(String file, String text, List<ContentProblem> problems) {
        try {
            Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
            if (root == null) {
                problems.add(new ContentProblem(file, 0, "the file is empty"));
                return null;
            }
            return new YamlMap(file, root, problems);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(new ContentProblem(file, mark == null ? 0 : mark.getLine() + 1,
                    "not valid YAML: " + e.getProblem() + " (check indentation and quotes)"));
        } catch (YAMLException e) {
            problems.add(new ContentProblem(file, 0, "not valid YAML: " + e.getMessage()));
        }
        return null;
    }

    public String file() {
        return file;
    }

    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    public int line(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? line() : tuple.getKeyNode().getStartMark().getLine() + 1;
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public void problem(Node at, String message) {
        problems.add(new ContentProblem(file, at.getStartMark().getLine() + 1, message));
    }

    public void problem(String key, String message) {
        problems.add(new ContentProblem(file, line(key), message));
    }

    /** Catches typos such as 'titel:' that would otherwise silently lose content. */
    public void onlyKeys(Set<String> allowed) {
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

    public String string(String key, boolean required) {
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

    public Integer integer(String key, int min, int max) {
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

    public boolean bool(String key) {
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
    public Text text(String key, boolean required) {
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

    public YamlMap map(String key) {
        Node value = value(key);
        return value == null ? null : new YamlMap(file, value, problems);
    }

    public List<YamlMap> maps(String key, boolean required) {
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

    public List<String> strings(String key) {
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
