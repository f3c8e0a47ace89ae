package nl.omzien;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Features only use each other's public API (top-level package, the views a feature publishes in its
 * {@code published} package, and other named interfaces such as people's {@code chooser}), never their
 * internals. Since each feature's tables are generated into its {@code internal.db} package, that includes
 * reading or writing another feature's tables.
 */
class ModularityTests {

    /** Analysing the classes takes seconds: once for the boundaries and the architecture document. */
    private static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    void featuresRespectEachOthersBoundaries() {
        MODULES.verify();
    }

    /** docs/architecture.md shows the features and their schemas as the code has them ({@link ModuleDiagram}). */
    @Test
    void theArchitectureDocumentShowsTheModulesAsTheCodeHasThem() throws java.io.IOException {
        ModuleDiagram.check(MODULES);
    }

    /**
     * The same rule, said directly for tables: no class uses the generated tables of another feature
     * (Modulith sees the dependency too, but this names the class and the table's feature).
     */
    @Test
    void noClassUsesAnotherFeaturesTables() {
        Set<String> reaching = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("nl.omzien")) {
            String feature = featureOf(c.getPackageName());
            c.getDirectDependenciesFromSelf().forEach(d -> {
                String target = d.getTargetClass().getPackageName();
                if (target.contains(".internal.db") && !featureOf(target).equals(feature)) {
                    reaching.add(c.getName().replaceAll("\\$.*", "") + " -> " + featureOf(target));
                }
            });
        }
        assertThat(reaching).as("go through the owner's API, its events or a view it publishes").isEmpty();
    }

    private static String featureOf(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }
}
