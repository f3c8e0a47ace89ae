package nl.omzien.training.internal;

import nl.omzien.people.Audience;
import nl.omzien.training.content.QuizStep;
import nl.omzien.training.content.ScenarioStep;
import nl.omzien.training.content.ScenarioStep.Node;
import nl.omzien.training.content.ScenarioStep.Quality;
import nl.omzien.training.content.ScenarioStep.Reply;
import nl.omzien.training.content.Step;
import nl.omzien.training.content.TrainingModule;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The quality bar of issue 4 for the three core modules, checked on the shipped files with the app's parser. */
class CoreModulesTest {

    private static final List<ModuleTexts.Loaded> CORE = ModuleTexts.coreModules();

    private static TrainingModule module(String id) {
        return CORE.stream().map(ModuleTexts.Loaded::module).filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void thereAreThreeCoreModulesEachWithThreeAudiencesAndAQuizPerAudience() {
        assertThat(CORE).extracting(l -> l.module().id()).containsExactlyInAnyOrderElementsOf(ModuleTexts.CORE_MODULES);
        for (ModuleTexts.Loaded loaded : CORE) {
            TrainingModule module = loaded.module();
            assertThat(module.audiences()).as(module.id()).isEqualTo(EnumSet.allOf(Audience.class));
            for (Audience audience : Audience.values()) {
                assertThat(module.stepsFor(audience)).as(module.id() + " " + audience)
                        .hasAtLeastOneElementOfType(QuizStep.class);
            }
        }
    }

    @Test
    void everyTextHasDutchAndAnEnglishTranslationOfComparableLength() {
        List<String> problems = new ArrayList<>();
        for (ModuleTexts.Loaded loaded : CORE) {
            for (ModuleTexts.Passage p : ModuleTexts.passages(loaded)) {
                int nl = PlainDutch.words(p.text().nl());
                int en = PlainDutch.words(p.text().en());
                if (nl == 0 || en == 0) {
                    problems.add(p.where() + ": empty text");
                } else if (nl >= 12 && (en < nl * 0.6 || en > nl * 1.6)) {
                    // A translation much shorter or longer than the Dutch has lost or added content.
                    problems.add(p.where() + ": nl " + nl + " words, en " + en + " words");
                } else if (nl >= 12 && p.text().nl().equals(p.text().en())) {
                    problems.add(p.where() + ": English is a copy of the Dutch");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyQuizHasFiveToEightQuestionsWhoseExplanationsTeach() {
        for (ModuleTexts.Loaded loaded : CORE) {
            for (Step step : loaded.module().steps()) {
                if (step instanceof QuizStep quiz) {
                    assertThat(quiz.questions()).as(loaded.module().id()).hasSizeBetween(5, 8);
                    for (QuizStep.Question q : quiz.questions()) {
                        // "Correct!" marks; two sentences and a reason teach.
                        assertThat(PlainDutch.sentences(q.explanation().nl())).as(loaded.module().id() + " " + q.id()).hasSizeGreaterThanOrEqualTo(2);
                        assertThat(PlainDutch.words(q.explanation().nl())).as(loaded.module().id() + " " + q.id()).isGreaterThanOrEqualTo(15);
                    }
                }
            }
        }
    }

    @Test
    void theConversationModuleHasThreeScenariosPerAudienceWithSixDecisionsAndTwoDistinctEndings() {
        TrainingModule gesprek = module("gesprek");
        for (Audience audience : Audience.values()) {
            List<ScenarioStep> scenarios = scenariosOnlyFor(gesprek, audience);
            assertThat(scenarios).as(audience.name()).hasSizeGreaterThanOrEqualTo(3);
            for (ScenarioStep scenario : scenarios) {
                Set<String> reachable = reachable(scenario, scenario.start(), n -> true);
                long decisions = reachable.stream().map(scenario::node).filter(n -> !n.isOutcome()).count();
                Set<Quality> endings = reachable.stream().map(scenario::node).filter(Node::isOutcome)
                        .map(n -> n.outcome().result()).collect(Collectors.toSet());
                assertThat(decisions).as(scenario.id() + " decision nodes").isGreaterThanOrEqualTo(6);
                assertThat(endings).as(scenario.id() + " endings").contains(Quality.GOOD).hasSizeGreaterThanOrEqualTo(2);
                for (Node node : scenario.nodes().values()) {
                    assertThat(node.replies()).as(scenario.id() + " " + node.id() + " feedback on every choice")
                            .allMatch(r -> PlainDutch.words(r.feedback().nl()) >= 5);
                    if (!node.isOutcome()) {
                        assertThat(node.replies()).as(scenario.id() + " " + node.id() + " has a good and a weaker choice")
                                .extracting(Reply::quality).contains(Quality.GOOD).hasSizeGreaterThan(1);
                    }
                }
            }
        }
    }

    @Test
    void theFeedbackInEveryConversationScenarioNamesTheTechniquesItTeaches() {
        List<String> techniques = List.of("OEN", "LSD", "OMA", "NIVEA", "reparatiereflex");
        for (Step step : module("gesprek").steps()) {
            if (step instanceof ScenarioStep scenario) {
                String feedback = scenario.nodes().values().stream().flatMap(n -> n.replies().stream())
                        .map(r -> r.feedback().nl()).collect(Collectors.joining(" "));
                List<String> named = techniques.stream()
                        .filter(t -> java.util.regex.Pattern.compile("\\b" + t + "\\b", java.util.regex.Pattern.CASE_INSENSITIVE).matcher(feedback).find())
                        .toList();
                assertThat(named).as(scenario.id() + " names the techniques in its feedback").hasSizeGreaterThanOrEqualTo(4);
            }
        }
    }

    @Test
    void everyAudienceReachesTheSafetyBranchWith113AndAGoodEndingFromIt() {
        TrainingModule gesprek = module("gesprek");
        for (Audience audience : Audience.values()) {
            boolean found = false;
            for (ScenarioStep scenario : scenariosOnlyFor(gesprek, audience)) {
                for (String safety : reachable(scenario, scenario.start(), n -> true)) {
                    Node node = scenario.node(safety);
                    if (!node.safety()) {
                        continue;
                    }
                    // From the safety node, walk only the good choices: that path must name 113 and end well.
                    Set<String> goodPath = reachableByGoodReplies(scenario, safety);
                    boolean names113 = goodPath.stream().map(scenario::node).anyMatch(CoreModulesTest::mentions113);
                    boolean endsWell = goodPath.stream().map(scenario::node)
                            .anyMatch(n -> n.isOutcome() && n.outcome().result() == Quality.GOOD);
                    found |= names113 && endsWell;
                }
            }
            assertThat(found).as(audience + " has a scenario whose safety branch names 113 on the good path").isTrue();
        }
    }

    @Test
    void theSafetyLessonNamesBothNumbersTheChatAnd112() {
        String lesson = module("gesprek").steps().stream().filter(s -> s.id().equals("veiligheid-113")).findFirst()
                .map(s -> ((nl.omzien.training.content.LessonStep) s).markdown()).orElseThrow().nl();
        assertThat(lesson).contains("113", "0800-0113", "113.nl", "112").containsIgnoringCase("gratis");
        String national = module("doorverwijzen").steps().stream().filter(s -> s.id().equals("landelijke-hulplijnen")).findFirst()
                .map(s -> ((nl.omzien.training.content.LessonStep) s).markdown()).orElseThrow().nl();
        assertThat(national).contains("088 0767 000", "113", "0800-0113", "112");
    }

    private static boolean mentions113(Node node) {
        Predicate<String> has113 = text -> text != null && text.matches("(?s).*\\b113\\b.*");
        return (node.says() != null && has113.test(node.says().nl()))
                || (node.isOutcome() && has113.test(node.outcome().text().nl()))
                || node.replies().stream().anyMatch(r -> has113.test(r.text().nl()) || has113.test(r.feedback().nl()));
    }

    private static List<ScenarioStep> scenariosOnlyFor(TrainingModule module, Audience audience) {
        return module.stepsFor(audience).stream().filter(ScenarioStep.class::isInstance).map(ScenarioStep.class::cast)
                .filter(s -> s.audiences().contains(audience)).toList();
    }

    private static Set<String> reachable(ScenarioStep scenario, String from, Predicate<Reply> follow) {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (seen.add(id)) {
                scenario.node(id).replies().stream().filter(follow).forEach(r -> queue.add(r.next()));
            }
        }
        return seen;
    }

    private static Set<String> reachableByGoodReplies(ScenarioStep scenario, String from) {
        return reachable(scenario, from, r -> r.quality() == Quality.GOOD);
    }
}
