package nl.omzien.certificates.internal;

import nl.omzien.certificates.LearningPath;
import nl.omzien.training.content.InvalidContentException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LearningPathParserTest {

    private static final Map<String, Integer> MODULES = Map.of("herkennen", 1, "gesprek", 2);
    private static final String FILE = "modules/learning-paths.yaml";

    @Test
    void theShippedPathsAreValidAndSayWhatTheyNeed() throws Exception {
        List<LearningPath> paths = LearningPathParser.parse(FILE, Files.readString(Path.of("modules/learning-paths.yaml")),
                Map.of("herkennen", 1, "gesprek", 1, "doorverwijzen", 1, "trainer-worden", 1));
        assertThat(paths).extracting(LearningPath::id)
                .containsExactly("signaleerder", "signaleerder-met-training", "trainer", "signaleerder-groep");
        LearningPath signaleerder = paths.getFirst();
        assertThat(signaleerder.modules()).extracting(LearningPath.RequiredModule::moduleId).containsExactly("herkennen", "gesprek", "doorverwijzen");
        assertThat(signaleerder.attendanceRequired()).isFalse();
        assertThat(signaleerder.validity()).contains(Period.ofYears(3));
        assertThat(signaleerder.renewalModules()).extracting(LearningPath.RequiredModule::moduleId).containsExactly("gesprek");
        assertThat(paths.get(1).attendanceRequired()).isTrue();
        assertThat(paths.get(1).renewalModules()).hasSize(3);
        // The trainer's certificate needs a train-the-trainer session, not just any session.
        assertThat(paths.get(2).sessions()).extracting(LearningPath.RequiredSession::covers).containsExactly(List.of("trainer-worden"));
        LearningPath group = paths.get(3);
        assertThat(group.attendanceOnly()).isTrue();
        assertThat(group.modules()).isEmpty();
        assertThat(group.sessions()).extracting(LearningPath.RequiredSession::covers).containsExactly(List.of("herkennen", "gesprek"));
    }

    @Test
    void anAttendanceOnlyPathNeedsNoModuleButItsSessionKindsMustNameRealModules() {
        String yaml = """
                paths:
                  - id: groep
                    title:
                      nl: Groep
                      en: Group
                    sessions:
                      - covers: [herkennen]
                      - covers: [gespreck]
                    validity: P3Y
                  - id: niets
                    title:
                      nl: Niets
                      en: Nothing
                    validity: none
                """;
        assertThatThrownBy(() -> LearningPathParser.parse(FILE, yaml, MODULES))
                .isInstanceOfSatisfying(InvalidContentException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .anyMatch(p -> p.contains("unknown module 'gespreck'"))
                        .anyMatch(p -> p.contains("missing 'modules'")));
        List<LearningPath> ok = LearningPathParser.parse(FILE, yaml.substring(0, yaml.indexOf("      - covers: [gespreck]")) + "    validity: P3Y\n", MODULES);
        assertThat(ok.getFirst().attendanceOnly()).isTrue();
        assertThat(ok.getFirst().sessions().getFirst().matches(List.of("herkennen", "gesprek"))).isTrue();
        assertThat(ok.getFirst().sessions().getFirst().matches(List.of("gesprek"))).isFalse();
    }

    @Test
    void everyMistakeIsReportedWithFileAndLine() {
        String yaml = """
                paths:
                  - id: Signaleerder
                    titel:
                      nl: Signaleerder
                    modules:
                      - module: herkenen
                      - module: gesprek
                        minimumVersion: 3
                    validity: drie jaar
                    refresher:
                      - module: herkennen
                  - id: leeg
                    title:
                      nl: Leeg
                      en: Empty
                    modules: []
                    validity: none
                """;
        assertThatThrownBy(() -> LearningPathParser.parse(FILE, yaml, MODULES))
                .isInstanceOfSatisfying(InvalidContentException.class, e -> assertThat(e.problems()).extracting(Object::toString).contains(
                        FILE + ":2: id 'Signaleerder' may only use lower-case letters, digits and dashes",
                        FILE + ":6: unknown module 'herkenen' (no folder modules/herkenen/)",
                        FILE + ":8: module 'gesprek' is at version 2, so nobody can pass version 3",
                        FILE + ":9: 'validity' must be a period such as P3Y (three years), P18M, or 'none'",
                        FILE + ":10: refresher module 'herkennen' is not one of the path's modules",
                        FILE + ":16: a path needs at least one module")
                        .anyMatch(problem -> problem.startsWith(FILE + ":3: unknown field 'titel'")));
    }

    @Test
    void brokenYamlNamesTheLine() {
        assertThatThrownBy(() -> LearningPathParser.parse(FILE, "paths:\n  - id: a\n   title: [", MODULES))
                .isInstanceOfSatisfying(InvalidContentException.class, e -> assertThat(e.problems().getFirst().line()).isPositive());
    }
}
