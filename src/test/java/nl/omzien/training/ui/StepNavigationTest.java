package nl.omzien.training.ui;

import nl.omzien.base.PersonId;

import nl.omzien.people.Audience;
import nl.omzien.training.Attempt;
import nl.omzien.training.content.LessonStep;
import nl.omzien.training.content.QuizStep;
import nl.omzien.training.content.ReflectionStep;
import nl.omzien.training.content.Step;
import nl.omzien.training.content.Text;
import nl.omzien.training.content.TrainingModule;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The player's step navigation without a browser. The module mixes the kinds of step and, for shop
 * staff, puts two steps out of the core as optional practice (issue 18), as the "herkennen" module does.
 */
class StepNavigationTest {

    private static final Text T = new Text("tekst", "text");
    private static final LessonStep A = new LessonStep("a", T, Set.of(), T, null);
    private static final QuizStep PRACTICE_QUIZ = new QuizStep("practice-quiz", T, Set.of(), List.of());
    private static final QuizStep B = new QuizStep("b", T, Set.of(), List.of());
    private static final LessonStep PRACTICE_LESSON = new LessonStep("practice-lesson", T, Set.of(), T, null);
    private static final ReflectionStep C = new ReflectionStep("c", T, Set.of(), T);
    private static final LessonStep CHURCH_ONLY = new LessonStep("church-only", T, Set.of(Audience.CHURCH), T, null);

    private static final TrainingModule MODULE = new TrainingModule("m", 1, T, T, 15, 70,
            Set.of(Audience.values()), List.of(A, PRACTICE_QUIZ, B, PRACTICE_LESSON, C, CHURCH_ONLY), "hash", 1,
            Map.of("practice-quiz", Set.of(Audience.SHOP), "practice-lesson", Set.of(Audience.SHOP)));

    private static StepNavigation at(Audience audience, String stepId, String... completed) {
        Attempt attempt = new Attempt(1, new PersonId(2), "m", 1, audience, stepId, OffsetDateTime.now(), null, null, Set.of(completed));
        return StepNavigation.of(MODULE, attempt);
    }

    private static List<String> ids(List<Step> steps) {
        return steps.stream().map(Step::id).toList();
    }

    @Test
    void shopStaffPlayTheCoreFirstAndThenThePracticeCountedApart() {
        StepNavigation first = at(Audience.SHOP, "a");
        assertThat(ids(first.steps())).containsExactly("a", "b", "c", "practice-quiz", "practice-lesson");
        assertThat(first.current()).isEqualTo(A);
        assertThat(first.optional()).isFalse();
        assertThat(first.previous()).isEmpty();
        assertThat(first.next()).contains(B);
        assertThat(first.position()).isEqualTo(1);
        assertThat(first.positions()).isEqualTo(3);

        StepNavigation lastOfCore = at(Audience.SHOP, "c");
        assertThat(lastOfCore.optional()).isFalse();
        assertThat(lastOfCore.isLast()).as("practice follows the core").isFalse();
        assertThat(lastOfCore.next()).contains(PRACTICE_QUIZ);
        assertThat(lastOfCore.position()).isEqualTo(3);

        StepNavigation practice = at(Audience.SHOP, "practice-quiz");
        assertThat(practice.optional()).isTrue();
        assertThat(practice.previous()).contains(C);
        assertThat(practice.position()).isEqualTo(1);
        assertThat(practice.positions()).isEqualTo(2);

        StepNavigation last = at(Audience.SHOP, "practice-lesson");
        assertThat(last.optional()).isTrue();
        assertThat(last.isLast()).isTrue();
        assertThat(last.next()).as("the closing questions come next").isEmpty();
        assertThat(last.position()).isEqualTo(2);
    }

    @Test
    void forAnotherAudienceEveryStepOfItsVariantIsCoreInModuleOrder() {
        StepNavigation professional = at(Audience.PROFESSIONAL, "c");
        assertThat(ids(professional.steps())).containsExactly("a", "practice-quiz", "b", "practice-lesson", "c");
        assertThat(professional.optional()).isFalse();
        assertThat(professional.isLast()).isTrue();
        assertThat(professional.position()).isEqualTo(5);
        assertThat(professional.positions()).isEqualTo(5);

        assertThat(ids(at(Audience.CHURCH, "a").steps())).contains("church-only");
    }

    @Test
    void progressCountsOnlyTheCoreSteps() {
        assertThat(at(Audience.SHOP, "a").progress()).isZero();
        assertThat(at(Audience.SHOP, "practice-quiz", "a", "practice-quiz", "practice-lesson").progress()).isEqualTo(1.0 / 3);
        assertThat(at(Audience.SHOP, "c", "a", "b", "c").progress()).isEqualTo(1.0);
    }

    @Test
    void aQuizMustBeDoneBeforeNextWhileALessonAndAReflectionNeedNothing() {
        assertThat(at(Audience.SHOP, "a").canGoOn()).isTrue();
        assertThat(at(Audience.SHOP, "c").canGoOn()).as("a reflection is saved by next itself").isTrue();
        StepNavigation quiz = at(Audience.SHOP, "b", "a");
        assertThat(quiz.canGoOn()).isFalse();
        StepNavigation answered = quiz.withCompleted(Set.of("a", "b"));
        assertThat(answered.canGoOn()).isTrue();
        assertThat(answered.current()).as("same screen").isEqualTo(B);
        assertThat(at(Audience.SHOP, "practice-quiz").canGoOn()).as("optional practice is a quiz too").isFalse();
    }

    @Test
    void theCoreIsDoneWithoutThePractice() {
        assertThat(at(Audience.SHOP, "practice-quiz", "a", "b").coreDone()).isFalse();
        assertThat(at(Audience.SHOP, "practice-quiz", "a", "b", "c").coreDone()).isTrue();
    }

    @Test
    void theRemainingStepsAreTheUndoneOnesOfThisPartAndTheCurrentOne() {
        assertThat(ids(at(Audience.SHOP, "a", "a", "c").toDo())).containsExactly("a", "b");
        assertThat(ids(at(Audience.SHOP, "c", "a", "b").toDo())).as("the core's time ends at the core").containsExactly("c");
        assertThat(ids(at(Audience.SHOP, "practice-quiz", "practice-lesson").toDo())).containsExactly("practice-quiz");
        assertThat(ids(at(Audience.SHOP, "practice-quiz").toDo())).containsExactly("practice-quiz", "practice-lesson");
    }

    @Test
    void aCurrentStepThatIsNoLongerInTheVariantStartsAtTheFirstStep() {
        assertThat(at(Audience.SHOP, "church-only").current()).isEqualTo(A);
        assertThat(at(Audience.SHOP, "gone").current()).isEqualTo(A);
    }
}
