package nl.omzien.training.content;

import nl.omzien.people.Audience;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every kind of broken content gets a message naming file, line and problem. */
class ModuleParserTest {

    private static final String MANIFEST = """
            id: mini
            version: 2
            title: { nl: Mini, en: Mini }
            summary: { nl: Kort, en: Short }
            minutes: 5
            passMark: 50
            audiences: [professional, shop, church]
            """;

    private static final String QUIZ = """
            id: quiz
            kind: quiz
            title: { nl: Quiz, en: Quiz }
            questions:
              - id: q1
                type: single
                text: { nl: Vraag, en: Question }
                options:
                  - text: { nl: Ja, en: Yes }
                    correct: true
                  - text: { nl: Nee, en: No }
                explanation: { nl: Uitleg, en: Explanation }
            """;

    private static final String SCENARIO = """
            id: gesprek
            kind: scenario
            title: { nl: Gesprek, en: Conversation }
            intro: { nl: Intro, en: Intro }
            start: n1
            nodes:
              - id: n1
                says: { nl: Hallo, en: Hello }
                replies:
                  - text: { nl: "Hoe gaat het?", en: "How are you?" }
                    next: good
                    quality: good
                    feedback: { nl: Open vraag, en: Open question }
                  - text: { nl: Doei, en: Bye }
                    next: poor
                    quality: poor
                    feedback: { nl: Te snel, en: Too quick }
              - id: good
                outcome:
                  result: good
                  text: { nl: Goed, en: Good }
              - id: poor
                outcome:
                  result: poor
                  text: { nl: Jammer, en: Pity }
            """;

    private static ModuleSource module(Map<String, String> steps) {
        TreeMap<String, String> files = new TreeMap<>();
        files.put("module.yaml", MANIFEST);
        steps.forEach((name, text) -> files.put("steps/" + name, text));
        return new ModuleSource("mini", files, Set.of("buurt.png"));
    }

    private static String problemsOf(Map<String, String> steps) {
        try {
            ModuleParser.parse(module(steps));
        } catch (InvalidContentException e) {
            return e.getMessage();
        }
        throw new AssertionError("content was accepted");
    }

    private static final String SHOP_LESSON = """
            id: winkel
            kind: lesson
            audiences: [shop]
            title: { nl: Winkel, en: Shop }
            text: { nl: "**Let op**", en: "**Watch**" }
            image:
              file: buurt.png
              alt: { nl: Een straat, en: A street }
            """;

    @Test
    void aValidModuleParsesWithVariantsAndAStableHash() {
        Map<String, String> steps = Map.of("010-gesprek.yaml", SCENARIO, "090-quiz.yaml", QUIZ, "020-winkel.yaml", SHOP_LESSON);
        TrainingModule module = ModuleParser.parse(module(steps));
        assertThat(module.version()).isEqualTo(2);
        assertThat(module.stepsFor(Audience.SHOP)).extracting(Step::id).containsExactly("gesprek", "winkel", "quiz");
        assertThat(module.stepsFor(Audience.CHURCH)).extracting(Step::id).containsExactly("gesprek", "quiz");
        assertThat(module.contentHash()).isEqualTo(ModuleParser.parse(module(steps)).contentHash())
                .isNotEqualTo(ModuleParser.parse(module(Map.of("010-gesprek.yaml", SCENARIO, "090-quiz.yaml",
                        QUIZ.replace("Vraag", "Andere vraag")))).contentHash());
        ScenarioStep scenario = (ScenarioStep) module.steps().getFirst();
        assertThat(scenario.node("n1").replies()).hasSize(2);
        assertThat(((LessonStep) module.steps().get(1)).image().alt().nl()).isEqualTo("Een straat");
    }

    @Test
    void unknownStepKind() {
        assertThat(problemsOf(Map.of("090-quiz.yaml", QUIZ, "010-x.yaml", """
                id: x
                kind: video
                title: { nl: X, en: X }
                """))).contains("modules/mini/steps/010-x.yaml:2: unknown step kind 'video' (use");
    }

    @Test
    void replyPointingToAMissingNode() {
        assertThat(problemsOf(Map.of("090-quiz.yaml", QUIZ, "010-gesprek.yaml", SCENARIO.replace("next: poor", "next: nergens"))))
                .contains("modules/mini/steps/010-gesprek.yaml:15: reply points to node 'nergens', which does not exist in this scenario");
    }

    @Test
    void nodeFromWhichNoOutcomeCanBeReached() {
        String loop = SCENARIO.replace("next: good", "next: n2").replace("""
                  - id: good
                """, """
                  - id: n2
                    says: { nl: Nou, en: Well }
                    replies:
                      - text: { nl: A, en: A }
                        next: n2
                        quality: mixed
                        feedback: { nl: A, en: A }
                      - text: { nl: B, en: B }
                        next: n2
                        quality: mixed
                        feedback: { nl: B, en: B }
                  - id: good
                """);
        String problems = problemsOf(Map.of("090-quiz.yaml", QUIZ, "010-gesprek.yaml", loop));
        assertThat(problems).contains("modules/mini/steps/010-gesprek.yaml:18: from node 'n2' no outcome can be reached");
        assertThat(problems).doesNotContain("node 'n1' no outcome");
    }

    @Test
    void quizQuestionWithoutACorrectAnswer() {
        assertThat(problemsOf(Map.of("090-quiz.yaml", QUIZ.replace("\n        correct: true", ""))))
                .contains("modules/mini/steps/090-quiz.yaml:8: question 'q1' has no correct answer");
    }

    @Test
    void singleChoiceWithTwoCorrectAnswers() {
        assertThat(problemsOf(Map.of("090-quiz.yaml", QUIZ.replace("""
                      - text: { nl: Nee, en: No }
                """, """
                      - text: { nl: Nee, en: No }
                        correct: true
                """)))).contains("modules/mini/steps/090-quiz.yaml:8: question 'q1' is 'single' but has 2 correct answers");
    }

    @Test
    void missingEnglishText() {
        assertThat(problemsOf(Map.of("090-quiz.yaml", QUIZ.replace("explanation: { nl: Uitleg, en: Explanation }",
                "explanation: { nl: Uitleg }"))))
                .contains("modules/mini/steps/090-quiz.yaml:12: 'explanation' has no English (en) text");
    }

    @Test
    void missingDutchText() {
        assertThat(problemsOf(Map.of("090-quiz.yaml", QUIZ.replace("title: { nl: Quiz, en: Quiz }", "title: { en: Quiz }"))))
                .contains("modules/mini/steps/090-quiz.yaml:3: 'title' has no Dutch (nl) text");
    }

    @Test
    void imageWithoutAltText() {
        assertThat(problemsOf(Map.of("090-quiz.yaml", QUIZ, "010-les.yaml", """
                id: les
                kind: lesson
                title: { nl: Les, en: Lesson }
                text: { nl: Tekst, en: Text }
                image:
                  file: buurt.png
                """))).contains("modules/mini/steps/010-les.yaml:6: image without alt text");
    }

    @Test
    void imageThatIsNotAPictureBrowsersShowOrIsMissing() {
        String lesson = """
                id: les
                kind: lesson
                title: { nl: Les, en: Lesson }
                text: { nl: Tekst, en: Text }
                image:
                  file: %s
                  alt: { nl: Een straat, en: A street }
                """;
        assertThat(problemsOf(Map.of("090-quiz.yaml", QUIZ, "010-les.yaml", lesson.formatted("folder.pdf"))))
                .contains("modules/mini/steps/010-les.yaml:6: image 'folder.pdf' must be a .png, .jpg, .webp or .svg file");
        assertThat(problemsOf(Map.of("090-quiz.yaml", QUIZ, "010-les.yaml", lesson.formatted("plein.jpg"))))
                .contains("modules/mini/steps/010-les.yaml:6: image 'plein.jpg' not found in modules/mini/assets/");
    }

    @Test
    void duplicateStepId() {
        assertThat(problemsOf(Map.of("090-quiz.yaml", QUIZ, "091-quiz.yaml", QUIZ)))
                .contains("modules/mini/steps/091-quiz.yaml:1: step id 'quiz' is also used in modules/mini/steps/090-quiz.yaml");
    }

    @Test
    void duplicateNodeId() {
        assertThat(problemsOf(Map.of("090-quiz.yaml", QUIZ, "010-gesprek.yaml", SCENARIO.replace("- id: poor", "- id: good"))))
                .contains("modules/mini/steps/010-gesprek.yaml:22: node id 'good' appears twice in this scenario");
    }

    @Test
    void brokenYamlNamesTheLine() {
        assertThat(problemsOf(Map.of("090-quiz.yaml", QUIZ, "010-kapot.yaml", """
                id: kapot
                kind: lesson
                title: { nl: "Niet afgesloten, en: x }
                """))).contains("modules/mini/steps/010-kapot.yaml:").contains("not valid YAML");
    }

    @Test
    void typoInAFieldName() {
        assertThat(problemsOf(Map.of("090-quiz.yaml", QUIZ, "010-les.yaml", """
                id: les
                kind: lesson
                titel: { nl: Les, en: Lesson }
                text: { nl: Tekst, en: Text }
                """))).contains("modules/mini/steps/010-les.yaml:3: unknown field 'titel'")
                .contains("modules/mini/steps/010-les.yaml:1: missing 'title' (with nl and en)");
    }

    @Test
    void aVariantWithoutAQuizCannotBePassed() {
        assertThat(problemsOf(Map.of("090-quiz.yaml", QUIZ.replace("kind: quiz", "kind: quiz\naudiences: [shop]"))))
                .contains("the professional variant has no quiz step").contains("the church variant has no quiz step");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> ModuleParser.parse(module(Map.of("090-quiz.yaml", QUIZ.replace("\n        correct: true", ""),
                "010-gesprek.yaml", SCENARIO.replace("next: poor", "next: nergens")))))
                .isInstanceOfSatisfying(InvalidContentException.class, e -> assertThat(e.problems()).hasSize(2));
    }
}
