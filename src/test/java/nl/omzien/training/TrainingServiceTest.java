package nl.omzien.training;

import nl.omzien.people.Audience;
import nl.omzien.test.KaribuTest;
import nl.omzien.training.content.QuizStep;
import nl.omzien.training.content.ScenarioStep;
import nl.omzien.training.content.TrainingModule;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import static nl.omzien.training.internal.db.Tables.MODULE_ATTEMPT;
import static nl.omzien.training.internal.db.Tables.MODULE_FILE;
import static nl.omzien.training.internal.db.Tables.MODULE_VERSION;
import static nl.omzien.training.internal.db.Tables.QUIZ_SUBMISSION;
import static nl.omzien.training.internal.db.Tables.SCENARIO_CHOICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingServiceTest extends KaribuTest {

    private static final SelfAssessment MIDDLE = new SelfAssessment(3, 3, 3);

    @Autowired
    TrainingService training;
    @Autowired
    ModuleCatalog catalog;
    @Autowired
    DSLContext db;

    private TrainingModule example() {
        return catalog.current("voorbeeld").orElseThrow();
    }

    private Map<String, Set<Integer>> answers(QuizStep quiz, boolean right) {
        Map<String, Set<Integer>> answers = new HashMap<>();
        quiz.questions().forEach(q -> answers.put(q.id(), right ? q.correctOptions()
                : Set.of(java.util.stream.IntStream.range(0, q.options().size()).filter(i -> !q.options().get(i).correct()).findFirst().orElseThrow())));
        return answers;
    }

    @Test
    void startingTwiceGivesTheSameAttemptAndADoubleClickOnAReplyCountsOnce() {
        signInAs("tim.hendriks@demo.example");
        Attempt first = training.start("voorbeeld", Audience.SHOP, MIDDLE);
        Attempt again = training.start("voorbeeld", Audience.SHOP, MIDDLE);
        assertThat(again.id()).isEqualTo(first.id());

        ScenarioStep scenario = example().stepsFor(Audience.SHOP).stream().filter(ScenarioStep.class::isInstance)
                .map(ScenarioStep.class::cast).findFirst().orElseThrow();
        training.choose(first.id(), scenario.id(), 1, scenario.start(), 0);
        ScenarioRun replay = training.choose(first.id(), scenario.id(), 1, scenario.start(), 0);
        assertThat(replay.choices()).hasSize(1);
        assertThat(db.fetchCount(SCENARIO_CHOICE, SCENARIO_CHOICE.ATTEMPT_ID.eq(first.id()))).isEqualTo(1);
    }

    @Test
    void nextCompletesTheStepAndMovesOnInOneGoAndAnUnfinishedStepMovesNothing() {
        signInAs("lotte.westerhof@demo.example");
        Attempt attempt = training.start("voorbeeld", Audience.SHOP, MIDDLE);
        var steps = example().stepsFor(Audience.SHOP);
        String first = steps.get(0).id();
        String second = steps.get(1).id();

        Attempt moved = training.completeStepAndGoTo(attempt.id(), first, 42, second);
        Set<String> expected = new HashSet<>(attempt.completedSteps());
        expected.add(first);
        assertThat(moved.completedSteps()).isEqualTo(expected);
        assertThat(moved.currentStepId()).isEqualTo(second);
        assertThat(training.own(attempt.id())).isEqualTo(moved);

        // A scenario nobody played is not done: refused, and the learner stays where they were.
        ScenarioStep scenario = steps.stream().filter(ScenarioStep.class::isInstance).map(ScenarioStep.class::cast)
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> training.completeStepAndGoTo(attempt.id(), scenario.id(), 5, first))
                .isInstanceOf(IllegalStateException.class);
        // A next step that is not in the learner's variant is refused before anything is stored.
        assertThatThrownBy(() -> training.completeStepAndGoTo(attempt.id(), second, 5, "no-such-step"))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(training.own(attempt.id())).isEqualTo(moved);

        signInAs("eva.celik@demo.example");
        assertThatThrownBy(() -> training.completeStepAndGoTo(attempt.id(), second, 5, first))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobodyElseCanReadOrChangeMyAttempt() {
        signInAs("daan.visser@demo.example");
        Attempt mine = training.start("voorbeeld", Audience.SHOP, MIDDLE);
        String reflection = example().stepsFor(Audience.SHOP).stream()
                .filter(nl.omzien.training.content.ReflectionStep.class::isInstance).findFirst().orElseThrow().id();
        training.saveReflection(mine.id(), reflection, "Mijn eigen gedachten");

        signInAs("eva.celik@demo.example");
        assertThatThrownBy(() -> training.own(mine.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> training.myReflection(mine.id(), reflection)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> training.saveReflection(mine.id(), reflection, "overschreven")).isInstanceOf(AccessDeniedException.class);

        signInAs("daan.visser@demo.example");
        assertThat(training.myReflection(mine.id(), reflection)).contains("Mijn eigen gedachten");
    }

    @Test
    void quizIsScoredOnTheServerEverySubmissionIsStoredAndFinishingIsIdempotent() {
        signInAs("gerda.van.der.veen@demo.example");
        Attempt attempt = training.start("voorbeeld", Audience.SHOP, MIDDLE);
        QuizStep quiz = example().stepsFor(Audience.SHOP).stream().filter(QuizStep.class::isInstance)
                .map(QuizStep.class::cast).findFirst().orElseThrow();

        QuizResult failed = training.submitQuiz(attempt.id(), quiz.id(), answers(quiz, false));
        assertThat(failed.passed()).isFalse();
        assertThat(failed.correct()).isZero();
        assertThatThrownBy(() -> training.completeStep(attempt.id(), quiz.id(), 5)).isInstanceOf(IllegalStateException.class);
        QuizResult passed = training.submitQuiz(attempt.id(), quiz.id(), answers(quiz, true));
        assertThat(passed.passed()).isTrue();
        assertThat(db.fetchCount(QUIZ_SUBMISSION, QUIZ_SUBMISSION.ATTEMPT_ID.eq(attempt.id()))).isEqualTo(2);

        assertThatThrownBy(() -> training.finish(attempt.id(), MIDDLE)).as("scenario not done yet")
                .isInstanceOf(IllegalStateException.class);
        // Do every remaining step the way the player would.
        for (var step : example().stepsFor(Audience.SHOP)) {
            if (step instanceof ScenarioStep scenario) {
                String at = scenario.start();
                while (!scenario.node(at).isOutcome()) {
                    training.choose(attempt.id(), scenario.id(), 1, at, 0);
                    at = scenario.node(at).replies().getFirst().next();
                }
            }
            training.completeStep(attempt.id(), step.id(), 10);
        }
        Attempt done = training.finish(attempt.id(), new SelfAssessment(4, 4, 5));
        Attempt twice = training.finish(attempt.id(), new SelfAssessment(1, 1, 1));
        assertThat(done.isCompleted()).isTrue();
        assertThat(done.scorePercent()).isEqualTo(100);
        assertThat(twice.completedAt()).isEqualTo(done.completedAt());
        assertThat(training.selfAssessment(attempt.id(), true)).contains(new SelfAssessment(4, 4, 5));
        assertThat(training.myModules()).filteredOn(o -> o.module().id().equals("voorbeeld"))
                .singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(ModuleOverview.Status.COMPLETED));
    }

    @Test
    void someoneHalfwayKeepsTheVersionTheyStarted() {
        signInAs("noor.dekker@demo.example");
        Attempt attempt = training.start("voorbeeld", Audience.CHURCH, MIDDLE);
        // An earlier version, as a snapshot would hold it: only the quiz, with another title.
        var current = catalog.source("voorbeeld");
        db.insertInto(MODULE_VERSION).set(MODULE_VERSION.MODULE_ID, "voorbeeld").set(MODULE_VERSION.VERSION, 900)
                .set(MODULE_VERSION.CONTENT_HASH, "old").set(MODULE_VERSION.TITLE_NL, "Oud").set(MODULE_VERSION.TITLE_EN, "Old").execute();
        current.files().forEach((path, text) -> {
            if (path.equals("module.yaml") || path.contains("quiz")) {
                db.insertInto(MODULE_FILE).set(MODULE_FILE.MODULE_ID, "voorbeeld").set(MODULE_FILE.VERSION, 900)
                        .set(MODULE_FILE.PATH, path).set(MODULE_FILE.CONTENT, text.replaceFirst("(?m)^version: \\d+", "version: 900")).execute();
            }
        });
        db.update(MODULE_ATTEMPT).set(MODULE_ATTEMPT.VERSION, 900).where(MODULE_ATTEMPT.ID.eq(attempt.id())).execute();

        Attempt resumed = training.openAttempt("voorbeeld").orElseThrow();
        assertThat(resumed.version()).isEqualTo(900);
        assertThat(training.moduleOf(resumed).steps()).hasSize(1).first().isInstanceOf(QuizStep.class);
        assertThat(training.moduleOf(resumed).version()).isEqualTo(900);
    }
}
