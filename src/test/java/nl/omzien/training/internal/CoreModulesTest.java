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
                    if (quiz.id().equals("kern-quiz")) {
                        // Issue 18: the shop core ends with four questions; the full quiz stays as practice.
                        assertThat(quiz.questions()).as(loaded.module().id() + " core quiz").hasSize(4);
                    } else {
                        assertThat(quiz.questions()).as(loaded.module().id()).hasSizeBetween(5, 8);
                    }
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
        // Issue 18: the module teaches two memory aids (LSD, OMA) and the repair reflex; feedback names them by name.
        List<String> techniques = List.of("LSD", "OMA", "reparatiereflex");
        for (Step step : module("gesprek").steps()) {
            if (step instanceof ScenarioStep scenario) {
                String feedback = scenario.nodes().values().stream().flatMap(n -> n.replies().stream())
                        .map(r -> r.feedback().nl()).collect(Collectors.joining(" "));
                List<String> named = techniques.stream()
                        .filter(t -> java.util.regex.Pattern.compile("\\b" + t + "\\b", java.util.regex.Pattern.CASE_INSENSITIVE).matcher(feedback).find())
                        .toList();
                assertThat(named).as(scenario.id() + " names the techniques in its feedback").hasSizeGreaterThanOrEqualTo(2);
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
        // Issue 18: the check for acute danger, staying with the person, and that the learner may call 113 themselves.
        assertThat(lesson).contains("Heb je een plan?", "Is het voor nu?", "blijf bij de persoon", "Je mag zelf ook 113 bellen");
        String national = module("doorverwijzen").steps().stream().filter(s -> s.id().equals("landelijke-hulplijnen")).findFirst()
                .map(s -> ((nl.omzien.training.content.LessonStep) s).markdown()).orElseThrow().nl();
        assertThat(national).contains("088 0767 000", "113", "0800-0113", "112");
    }

    /** Issue 18: a reply that asks whether there is acute danger (a plan, and whether it is for now). */
    private static final java.util.regex.Pattern ASKS_ACUTE_DANGER =
            java.util.regex.Pattern.compile("(?i)\\bplan\\b.*\\bvoor nu\\b|\\bvoor nu\\b.*\\bplan\\b");
    private static final java.util.regex.Pattern NAMES_112 = java.util.regex.Pattern.compile("\\b112\\b");

    private static boolean touchesSuicide(ScenarioStep scenario) {
        return scenario.nodes().values().stream().anyMatch(n -> n.safety()
                || (n.says() != null && n.says().nl().toLowerCase(java.util.Locale.ROOT).contains("zelfmoord"))
                || n.replies().stream().anyMatch(r -> r.text().nl().toLowerCase(java.util.Locale.ROOT).contains("zelfmoord")));
    }

    private static List<ScenarioStep> suicideScenarios() {
        return CORE.stream().flatMap(l -> l.module().steps().stream()).filter(ScenarioStep.class::isInstance)
                .map(ScenarioStep.class::cast).filter(CoreModulesTest::touchesSuicide).toList();
    }

    @Test
    void everySuicideRiskScenarioHasAPathThatAsksAboutAcuteDangerAndEndsWithA112Call() {
        List<ScenarioStep> scenarios = suicideScenarios();
        assertThat(scenarios).as("suicide-risk scenarios").isNotEmpty();
        for (ScenarioStep scenario : scenarios) {
            boolean found = false;
            for (String at : reachable(scenario, scenario.start(), r -> true)) {
                for (Reply reply : scenario.node(at).replies()) {
                    if (!ASKS_ACUTE_DANGER.matcher(reply.text().nl()).find()) {
                        continue;
                    }
                    // After the question, some path must have the learner call 112 and end there.
                    found |= pathTo112(scenario, reply.next(), false, new HashSet<>());
                }
            }
            assertThat(found).as(scenario.id() + ": a path asks about a plan and whether it is for now, then reaches an ending after calling 112").isTrue();
        }
    }

    private static boolean pathTo112(ScenarioStep scenario, String at, boolean called112, Set<String> seen) {
        if (!seen.add(at + called112)) {
            return false;
        }
        Node node = scenario.node(at);
        if (node.isOutcome()) {
            return called112 && NAMES_112.matcher(node.outcome().text().nl()).find();
        }
        for (Reply reply : node.replies()) {
            if (pathTo112(scenario, reply.next(), called112 || NAMES_112.matcher(reply.text().nl()).find(), seen)) {
                return true;
            }
        }
        return false;
    }

    /** A reply in which the learner calls an ambulance or 112 (not one that decides not to). */
    private static final java.util.regex.Pattern CALLS_EMERGENCY =
            java.util.regex.Pattern.compile("(?i)\\bbel\\b(?![^.!?]*\\b(niet|geen)\\b)[^.!?]*\\b(ambulance|112)\\b");

    @Test
    void callingAnAmbulanceOr112IsNeverRatedAsAPoorChoice() {
        // Issue 18: the shop scenario rated "Ik bel meteen een ambulance" poor, which teaches hesitating about 112.
        // The lesson is "ask first whether there is acute danger", so such a reply may be mixed, never poor.
        List<String> problems = new ArrayList<>();
        for (ScenarioStep scenario : suicideScenarios()) {
            for (Node node : scenario.nodes().values()) {
                for (Reply reply : node.replies()) {
                    if (CALLS_EMERGENCY.matcher(reply.text().nl()).find() && reply.quality() == Quality.POOR) {
                        problems.add(scenario.id() + " " + node.id() + ": " + reply.text().nl());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everySuicideRiskScenarioStartsWithAContentWarningThatNames113() {
        for (ScenarioStep scenario : suicideScenarios()) {
            assertThat(scenario.intro().nl()).as(scenario.id() + " content warning")
                    .contains("Let op").containsIgnoringCase("zelfmoord").containsPattern("\\b113\\b");
            assertThat(scenario.intro().en()).as(scenario.id() + " content warning (en)")
                    .containsIgnoringCase("suicide").containsPattern("\\b113\\b");
        }
    }

    @Test
    void theModulesUseOneWordForSuicide() {
        List<String> problems = new ArrayList<>();
        for (ModuleTexts.Loaded loaded : CORE) {
            for (ModuleTexts.Passage p : ModuleTexts.passages(loaded)) {
                if (p.text().nl().toLowerCase(java.util.Locale.ROOT).contains("zelfdoding")) {
                    problems.add(p.where());
                }
            }
        }
        assertThat(problems).as("'zelfdoding' where the modules say 'zelfmoord' (as in 113 Zelfmoordpreventie)").isEmpty();
    }

    @Test
    void actingWithoutConsentIsTaughtOnlyForAcuteDanger() {
        // One consent rule (issue 18): be open, look for help together; only acute danger (112) justifies acting without consent.
        List<String> problems = new ArrayList<>();
        for (ModuleTexts.Loaded loaded : CORE) {
            for (ModuleTexts.Passage p : ModuleTexts.passages(loaded)) {
                String nl = p.text().nl().toLowerCase(java.util.Locale.ROOT);
                if (nl.contains("toestemming") && nl.contains("gevaar") && !nl.contains("acuut gevaar") && !nl.contains("acute")) {
                    problems.add(p.where() + ": " + p.text().nl());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theSignalLessonSaysThatNoPointAnyMoreCanAlsoBeASuicideWarningSign() {
        String signals = module("herkennen").steps().stream().filter(s -> s.id().equals("signalen")).findFirst()
                .map(s -> ((nl.omzien.training.content.LessonStep) s).markdown()).orElseThrow().nl();
        assertThat(signals).contains("geen zin meer", "zelfmoord", "113", "Als iemand niet meer wil leven");
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
