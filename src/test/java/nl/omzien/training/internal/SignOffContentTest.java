package nl.omzien.training.internal;

import nl.omzien.people.Audience;
import nl.omzien.training.content.LessonStep;
import nl.omzien.training.content.QuizStep;
import nl.omzien.training.content.ScenarioStep;
import nl.omzien.training.content.ScenarioStep.Quality;
import nl.omzien.training.content.Step;
import nl.omzien.training.content.TrainingModule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, "training content a municipality can sign off": the facts, the realism and the core per audience,
 * checked on the shipped files. Each test fails on the content before the issue.
 */
class SignOffContentTest {

    private static final List<ModuleTexts.Loaded> CORE = ModuleTexts.coreModules();

    private static TrainingModule module(String id) {
        return CORE.stream().map(ModuleTexts.Loaded::module).filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    private static ModuleTexts.Loaded loaded(String id) {
        return CORE.stream().filter(l -> l.module().id().equals(id)).findFirst().orElseThrow();
    }

    private static Step step(String module, String id) {
        return module(module).steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static String lesson(String module, String id) {
        return ((LessonStep) step(module, id)).markdown().nl();
    }

    private static List<ModuleTexts.Passage> passages() {
        return CORE.stream().flatMap(l -> ModuleTexts.passages(l).stream()).toList();
    }

    private static List<String> where(Pattern pattern, boolean english) {
        return passages().stream().filter(p -> pattern.matcher(english ? p.text().en() : p.text().nl()).find())
                .map(ModuleTexts.Passage::where).toList();
    }

    @Test
    void omaStandsForOordelenMeningenAdviezen() {
        // The wrong expansion anywhere first, so the test names the fact and not a renamed lesson on old content.
        assertThat(where(Pattern.compile("(?i)oplossingen, meningen"), false)).isEmpty();
        assertThat(where(Pattern.compile("(?i)solutions, opinions"), true)).isEmpty();
        assertThat(lesson("gesprek", "oma-en-reparatiereflex")).contains("**Oordelen**").doesNotContain("**Oplossingen**");
    }

    @Test
    void theNationalFigureIsOneYearAndOneSourceInLessonQuestionAndExplanation() {
        String lesson = lesson("herkennen", "hoe-vaak");
        QuizStep.Question q4 = ((QuizStep) step("herkennen", "quiz")).questions().stream()
                .filter(q -> q.id().equals("q4")).findFirst().orElseThrow();
        assertThat(lesson).contains("2020", "47 procent").doesNotContain("2024");
        assertThat(q4.text().nl()).contains("2020");
        assertThat(q4.explanation().nl()).contains("2020", "47 procent");
    }

    @Test
    void localFiguresComeFromTheMunicipalityNotFromTheModuleText() {
        assertThat(((LessonStep) step("herkennen", "hoe-vaak")).show()).isEqualTo(LessonStep.Show.LOCAL_FIGURES);
        Pattern towns = Pattern.compile("Coevorden|Hof van Twente|Twenterand");
        assertThat(where(towns, false)).isEmpty();
    }

    @Test
    void theSignalListFollowsTheFiveGroupsOfTheSignallingCard() {
        String signals = lesson("herkennen", "signalen");
        assertThat(signals).contains("contact maken moeilijk", "zorgt minder goed voor zichzelf", "verdrietig")
                .doesNotContain("hoofdpijn", "gespannen spieren", "boos", "teleurgesteld");
    }

    @Test
    void noSentenceClaimsSomethingThatIsNotTrueEverywhere() {
        assertThat(where(Pattern.compile("(?i)nooit verkeerd"), false)).isEmpty();
        assertThat(where(Pattern.compile("Daarvoor is er Welzijn op Recept"), false)).isEmpty();
    }

    @Test
    void detailsRingTrue() {
        assertThat(where(Pattern.compile("(?i)föhn"), false)).as("nobody talks under a hair dryer").isEmpty();
        ScenarioStep till = (ScenarioStep) step("gesprek", "shop-kassa");
        assertThat(till.nodes().values().stream().flatMap(n -> n.replies().stream()).map(r -> r.text().nl()))
                .as("a cashier does not make appointments").noneMatch(t -> t.contains("twee uur"));
        ScenarioStep bakery = (ScenarioStep) step("herkennen", "scenario-bakker");
        List<ScenarioStep.Reply> purse = bakery.nodes().values().stream().flatMap(n -> n.replies().stream())
                .filter(r -> r.text().nl().contains("portemonnee")).toList();
        assertThat(purse).isNotEmpty().allSatisfy(r -> {
            assertThat(r.quality()).isEqualTo(Quality.POOR);
            assertThat(r.feedback().nl()).contains("misbruik");
        });
    }

    @Test
    void wrongChoicesAreRealDilemmasNotStrawMen() {
        assertThat(where(Pattern.compile("(?i)eigen bestwil|naam toch"), false)).isEmpty();
    }

    @Test
    void englishUsesOneTermForEachDutchConcept() {
        assertThat(where(Pattern.compile("(?i)day care|helpdesk|Welfare on Prescription|ask more\\b|ask further"), true)).isEmpty();
    }

    @Test
    void theModulesTeachAtMostTwoMemoryAidsAndUseNoOthers() {
        // Issue 18: LSD and OMA stay; "open, eerlijk, nieuwsgierig" and "niet invullen voor een ander" are plain sentences.
        Pattern dropped = Pattern.compile("\\b(OEN|NIVEA)\\b");
        assertThat(where(dropped, false)).isEmpty();
        assertThat(where(dropped, true)).isEmpty();
        List<String> taught = module("gesprek").steps().stream().filter(LessonStep.class::isInstance)
                .map(s -> ((LessonStep) s).markdown().nl()).filter(t -> t.contains("ezelsbruggetje")).toList();
        assertThat(taught).hasSize(2).anyMatch(t -> t.contains("**LSD**")).anyMatch(t -> t.contains("**OMA**"));
    }

    @Test
    void theConversationModuleDoesNotUseMemoryAidsInRecognitionBeforeTeachingThem() {
        Pattern aids = Pattern.compile("\\b(OEN|LSD|OMA|NIVEA)\\b");
        List<String> used = ModuleTexts.passages(loaded("herkennen")).stream()
                .filter(p -> aids.matcher(p.text().nl()).find()).map(ModuleTexts.Passage::where).toList();
        assertThat(used).isEmpty();
    }

    @Test
    void everyAudienceMeetsAYoungPersonAndSomeoneWithAMigrationBackgroundAndMantelzorgIsNamed() {
        Pattern young = Pattern.compile("\\((1[2-9]|2\\d|3[0-4])\\)|\\bjonge\\b");
        Pattern migration = Pattern.compile("Marokko|Turkije|Ghana|Suriname|Syrië|migratieachtergrond");
        for (Audience audience : Audience.values()) {
            String cast = CORE.stream().flatMap(l -> l.module().stepsFor(audience).stream())
                    .filter(s -> s instanceof ScenarioStep && s.audiences().contains(audience)).map(ScenarioStep.class::cast)
                    .map(s -> s.intro().nl() + " " + s.nodes().values().stream().filter(n -> n.says() != null)
                            .map(n -> n.says().nl()).collect(Collectors.joining(" ")))
                    .collect(Collectors.joining("\n"));
            assertThat(young.matcher(cast).find()).as(audience + ": a young person").isTrue();
            assertThat(migration.matcher(cast).find()).as(audience + ": someone with a migration background").isTrue();
        }
        assertThat(where(Pattern.compile("(?i)mantelzorg"), false)).isNotEmpty();
    }

    @Test
    void theSignallerLearnsSelfCareAndTheProfessionalWhatToShareWhenReferring() {
        String selfCare = lesson("doorverwijzen", "zorg-voor-jezelf");
        assertThat(selfCare).contains("113", "088 0767 000", "coördinator");
        String share = lesson("doorverwijzen", "wat-mag-je-delen");
        assertThat(share).contains("Toestemming geldt voor één doel", "Leg kort vast", "112");
    }

    @Test
    void theShopCoreIsTwoScreensOneScenarioTheSafetyLinesTheLocalCardAndFourQuestions() {
        List<Step> recognise = module("herkennen").requiredStepsFor(Audience.SHOP);
        assertThat(recognise).hasSize(2).allMatch(LessonStep.class::isInstance);
        List<Step> converse = module("gesprek").requiredStepsFor(Audience.SHOP);
        assertThat(converse).singleElement().isInstanceOf(ScenarioStep.class);
        List<Step> refer = module("doorverwijzen").requiredStepsFor(Audience.SHOP);
        assertThat(refer).anyMatch(s -> s instanceof LessonStep l && l.show() == LessonStep.Show.LOCAL_CONTACTS);
        String safety = refer.stream().filter(LessonStep.class::isInstance).map(s -> ((LessonStep) s).markdown().nl())
                .filter(t -> t.contains("112")).findFirst().orElseThrow();
        assertThat(safety.lines().filter(l -> l.matches("\\s*\\d\\. .*")).count()).as("five lines").isEqualTo(5);
        assertThat(safety).contains("113", "plan", "blijf bij de persoon");
        assertThat(refer).filteredOn(QuizStep.class::isInstance).singleElement()
                .satisfies(q -> assertThat(((QuizStep) q).questions()).hasSize(4));
        // The other shop scenarios are still there, as optional practice.
        assertThat(module("gesprek").stepsFor(Audience.SHOP).stream().filter(ScenarioStep.class::isInstance).count())
                .isGreaterThanOrEqualTo(4);
        // Care professionals and church volunteers keep the full route: nothing is optional for them.
        for (TrainingModule m : CORE.stream().map(ModuleTexts.Loaded::module).toList()) {
            for (Audience fuller : List.of(Audience.PROFESSIONAL, Audience.CHURCH)) {
                assertThat(m.requiredStepsFor(fuller)).as(m.id() + " " + fuller).isEqualTo(m.stepsFor(fuller));
            }
        }
    }

    @Test
    void theFullRouteHasNoDoubleTeachingOfSelfCareOrTheSafetySteps() {
        // gesprek 140 teaches the safety steps once; doorverwijzen points to it instead of repeating them.
        for (Audience fuller : List.of(Audience.PROFESSIONAL, Audience.CHURCH)) {
            List<String> safetySteps = CORE.stream().flatMap(l -> l.module().stepsFor(fuller).stream())
                    .filter(LessonStep.class::isInstance).map(LessonStep.class::cast)
                    .filter(l -> l.markdown().nl().contains("Is het voor nu?")).map(Step::id).toList();
            assertThat(safetySteps).as(fuller + ": the safety steps are taught once").containsExactly("veiligheid-113");
            // Self-care (manager, De Luisterlijn) lives in doorverwijzen/057, not also in the conversation module.
            assertThat(module("gesprek").stepsFor(fuller)).filteredOn(LessonStep.class::isInstance)
                    .noneMatch(l -> ((LessonStep) l).markdown().nl().contains("088 0767 000"));
        }
        assertThat(lesson("doorverwijzen", "eerst-vragen")).contains("Als iemand niet meer wil leven").doesNotContain("0800-0113");
        assertThat(lesson("doorverwijzen", "wat-kun-je-zelf")).contains("Als iemand niet meer wil leven");
        assertThat(lesson("doorverwijzen", "wat-kun-je-zelf").toLowerCase(Locale.ROOT)).doesNotContain("reparatiereflex");
        // Consent and a "no" to help are taught in doorverwijzen; the conversation module refers to it.
        assertThat(lesson("gesprek", "tijd-en-wens")).doesNotContain("toestemming", "112").contains("Doorverwijzen");
    }

}
