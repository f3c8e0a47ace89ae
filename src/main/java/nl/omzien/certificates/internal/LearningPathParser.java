package nl.omzien.certificates.internal;

import nl.omzien.certificates.LearningPath;
import nl.omzien.certificates.LearningPath.RequiredModule;
import nl.omzien.certificates.LearningPath.RequiredSession;
import nl.omzien.training.content.ContentProblem;
import nl.omzien.training.content.InvalidContentException;
import nl.omzien.training.content.Text;
import nl.omzien.training.content.YamlMap;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates {@code learning-paths.yaml} with the module parser's YAML helpers, so every
 * problem names file and line; see modules/README.md for the format.
 */
final class LearningPathParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> PATH_KEYS = Set.of("id", "title", "modules", "sessions", "attendance", "validity", "refresher");
    private static final Set<String> SESSION_KEYS = Set.of("covers");
    private static final Set<String> MODULE_KEYS = Set.of("module", "minimumVersion");

    private final List<ContentProblem> problems = new ArrayList<>();
    /** Current version of every module that exists, to catch typos and versions nobody can reach. */
    private final Map<String, Integer> moduleVersions;

    private LearningPathParser(Map<String, Integer> moduleVersions) {
        this.moduleVersions = moduleVersions;
    }

    /** Parses the file or throws {@link InvalidContentException} listing every problem. */
    static List<LearningPath> parse(String file, String text, Map<String, Integer> moduleVersions) {
        LearningPathParser parser = new LearningPathParser(moduleVersions);
        List<LearningPath> paths = parser.paths(file, text);
        if (!parser.problems.isEmpty()) {
            throw new InvalidContentException(parser.problems);
        }
        return paths;
    }

    private List<LearningPath> paths(String file, String text) {
        YamlMap root = YamlMap.parse(file, text, problems);
        if (root == null) {
            return List.of();
        }
        root.onlyKeys(Set.of("paths"));
        List<LearningPath> paths = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlMap yaml : root.maps("paths", true)) {
            LearningPath path = path(yaml);
            if (path != null) {
                if (!ids.add(path.id())) {
                    yaml.problem("id", "path id '" + path.id() + "' is used twice");
                }
                paths.add(path);
            }
        }
        return paths;
    }

    private LearningPath path(YamlMap yaml) {
        yaml.onlyKeys(PATH_KEYS);
        String id = yaml.string("id", true);
        if (id != null && !ID.matcher(id).matches()) {
            yaml.problem("id", "id '" + id + "' may only use lower-case letters, digits and dashes");
        }
        Text title = yaml.text("title", true);
        // Attendance-only paths (group training, issue 20) list sessions and no modules.
        List<RequiredModule> modules = modules(yaml, "modules", !yaml.has("sessions"));
        if (modules.isEmpty() && yaml.has("modules")) {
            yaml.problem("modules", "a path needs at least one module");
        }
        List<RequiredSession> sessions = sessions(yaml);
        boolean anySession = yaml.bool("attendance");
        if (anySession && yaml.has("sessions")) {
            yaml.problem("attendance", "use either 'attendance: true' (any session) or 'sessions', not both");
        } else if (anySession) {
            sessions = List.of(new RequiredSession(List.of()));
        }
        Optional<Period> validity = validity(yaml);
        List<RequiredModule> refresher = modules(yaml, "refresher", false);
        if (!refresher.isEmpty() && validity.isEmpty()) {
            yaml.problem("refresher", "a refresher only makes sense with a 'validity' (certificates that expire)");
        }
        for (RequiredModule module : refresher) {
            if (modules.stream().noneMatch(m -> m.moduleId().equals(module.moduleId()))) {
                yaml.problem("refresher", "refresher module '" + module.moduleId() + "' is not one of the path's modules");
            }
        }
        if (id == null || title == null) {
            return null;
        }
        return new LearningPath(id, title, modules, sessions, validity, refresher);
    }

    private Optional<Period> validity(YamlMap yaml) {
        String text = yaml.string("validity", true);
        if (text == null || text.equals("none")) {
            return Optional.empty();
        }
        try {
            Period period = Period.parse(text);
            if (period.isNegative() || period.isZero()) {
                yaml.problem("validity", "'validity' must be longer than zero, e.g. P3Y");
                return Optional.empty();
            }
            return Optional.of(period);
        } catch (DateTimeParseException e) {
            yaml.problem("validity", "'validity' must be a period such as P3Y (three years), P18M, or 'none'");
            return Optional.empty();
        }
    }

    /** The sessions to attend: each item one session, of the kind its 'covers' topics say. */
    private List<RequiredSession> sessions(YamlMap yaml) {
        if (!yaml.has("sessions")) {
            return List.of();
        }
        List<YamlMap> items = yaml.maps("sessions", true);
        if (items.isEmpty()) {
            yaml.problem("sessions", "'sessions' needs at least one session, e.g. '- covers: [herkennen]'");
        }
        List<RequiredSession> sessions = new ArrayList<>();
        for (YamlMap item : items) {
            item.onlyKeys(SESSION_KEYS);
            List<String> covers = item.strings("covers");
            for (String moduleId : covers) {
                if (!moduleVersions.containsKey(moduleId)) {
                    item.problem("covers", "unknown module '" + moduleId + "' (no folder modules/" + moduleId + "/)");
                }
            }
            sessions.add(new RequiredSession(covers));
        }
        return sessions;
    }

    private List<RequiredModule> modules(YamlMap yaml, String key, boolean required) {
        List<RequiredModule> modules = new ArrayList<>();
        for (YamlMap item : yaml.maps(key, required)) {
            item.onlyKeys(MODULE_KEYS);
            String moduleId = item.string("module", true);
            Integer minimum = item.has("minimumVersion") ? item.integer("minimumVersion", 1, 100_000) : Integer.valueOf(1);
            if (moduleId == null || minimum == null) {
                continue;
            }
            Integer current = moduleVersions.get(moduleId);
            if (current == null) {
                item.problem("module", "unknown module '" + moduleId + "' (no folder modules/" + moduleId + "/)");
                continue;
            }
            if (current < minimum) {
                item.problem("minimumVersion", "module '" + moduleId + "' is at version " + current
                        + ", so nobody can pass version " + minimum);
                continue;
            }
            if (modules.stream().anyMatch(m -> m.moduleId().equals(moduleId))) {
                item.problem("module", "module '" + moduleId + "' is listed twice");
                continue;
            }
            modules.add(new RequiredModule(moduleId, minimum));
        }
        return modules;
    }
}
