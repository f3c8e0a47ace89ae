package nl.omzien;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module diagram in docs/architecture.md is generated from the code (Spring Modulith's view of the
 * features and their dependencies), and this test fails when it no longer matches. To refresh it, run
 * {@code mvn test -Dtest=ModularityTests -Domzien.update-docs=true}.
 */
final class ModuleDiagram {

    /** The shared kernel every feature may use (clock, translations, tokens); drawn without its arrows. */
    private static final String SHARED = "base";
    private static final Path DOC = Path.of("docs/architecture.md");
    private static final String BEGIN = "```mermaid";
    private static final String END = "```";
    private static final String TABLES_BEGIN = "<!-- tables: generated -->";
    private static final String TABLES_END = "<!-- /tables -->";

    private ModuleDiagram() {
    }

    /** Fails when the document differs from the code (run from {@link ModularityTests}, which has the modules). */
    static void check(ApplicationModules modules) throws IOException {
        String diagram = diagram(modules);
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END, begin + BEGIN.length());
        assertThat(begin).as("docs/architecture.md has a mermaid block").isNotNegative();
        String current = doc.substring(begin + BEGIN.length(), end).strip();
        String tables = tables(modules);
        int tablesBegin = doc.indexOf(TABLES_BEGIN);
        int tablesEnd = doc.indexOf(TABLES_END);
        assertThat(tablesBegin).as("docs/architecture.md has the table list markers").isNotNegative();
        if (Boolean.getBoolean("omzien.update-docs")) {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + "\n" + diagram + "\n"
                    + doc.substring(end, tablesBegin + TABLES_BEGIN.length()) + "\n" + tables + "\n" + doc.substring(tablesEnd));
            return;
        }
        String refresh = "docs/architecture.md is out of date; refresh it with "
                + "mvn test -Dtest=ModularityTests -Domzien.update-docs=true";
        assertThat(current).as(refresh).isEqualTo(diagram);
        assertThat(doc.substring(tablesBegin + TABLES_BEGIN.length(), tablesEnd).strip()).as(refresh).isEqualTo(tables);
    }

    /** A Mermaid flowchart: one box per feature, a solid arrow for a call into its API, a dotted one for events it listens to. */
    static String diagram(ApplicationModules modules) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        List<ApplicationModule> sorted = modules.stream()
                .sorted(Comparator.comparing(m -> m.getIdentifier().toString())).toList();
        for (ApplicationModule module : sorted) {
            out.append("    ").append(id(module)).append("[\"").append(id(module)).append("\"]\n");
        }
        for (ApplicationModule module : sorted) {
            Map<String, TreeSet<String>> kinds = new TreeMap<>();
            module.getDirectDependencies(modules).stream()
                    .filter(d -> !d.getTargetModule().equals(module) && !id(d.getTargetModule()).equals(SHARED))
                    .forEach(d -> kinds.computeIfAbsent(id(d.getTargetModule()), k -> new TreeSet<>()).add(kind(d)));
            kinds.forEach((target, types) -> out.append("    ").append(id(module))
                    .append(types.equals(new TreeSet<>(List.of("event"))) ? " -.->|events| " : " --> ")
                    .append(target).append("\n"));
        }
        return out.toString().strip();
    }

    /**
     * Each feature's schema: its own tables and views, and the read-only views it publishes for the others,
     * read from the jOOQ classes generated for it ({@code internal.db} and {@code published}).
     */
    static String tables(ApplicationModules modules) {
        StringBuilder out = new StringBuilder("| Feature (schema) | Own tables and views | Published views |\n|---|---|---|\n");
        modules.stream().map(ModuleDiagram::id).sorted().forEach(feature -> {
            String own = names(feature, "internal.db");
            if (own != null) {
                String published = names(feature, "published");
                out.append("| ").append(feature).append(" | ").append(own).append(" | ")
                        .append(published == null ? "" : published).append(" |\n");
            }
        });
        return out.toString().strip();
    }

    /** The tables of the schema generated into {@code nl.omzien.<feature>.<subPackage>}; null when there is none. */
    private static String names(String feature, String subPackage) {
        String schemaClass = "nl.omzien." + feature + "." + subPackage + "." + Character.toUpperCase(feature.charAt(0)) + feature.substring(1);
        try {
            org.jooq.Schema schema = (org.jooq.Schema) Class.forName(schemaClass).getField(feature.toUpperCase()).get(null);
            return schema.getTables().stream().map(org.jooq.Table::getName).sorted()
                    .collect(java.util.stream.Collectors.joining(", "));
        } catch (ReflectiveOperationException noSchema) {
            // A feature without tables (base, shell) or without published views.
            return null;
        }
    }

    private static String kind(ApplicationModuleDependency dependency) {
        return dependency.getDependencyType() == DependencyType.EVENT_LISTENER ? "event" : "call";
    }

    private static String id(ApplicationModule module) {
        return module.getIdentifier().toString();
    }
}
