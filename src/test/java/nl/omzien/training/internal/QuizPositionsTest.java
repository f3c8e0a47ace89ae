package nl.omzien.training.internal;

import nl.omzien.training.content.ModuleParser;
import nl.omzien.training.content.ModuleSource;
import nl.omzien.training.content.QuizOrder;
import nl.omzien.training.content.QuizStep;
import nl.omzien.training.content.QuizStep.Question;
import nl.omzien.training.content.QuizStep.QuestionType;
import nl.omzien.training.content.Step;
import nl.omzien.training.content.TrainingModule;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: the position of an option must not give the answer away, neither in the files (a writer's
 * habit of putting the right answer first) nor on screen (shuffled from the first try, stable per attempt).
 */
class QuizPositionsTest {

    private static final List<TrainingModule> SHIPPED = ModuleFiles.fromDirectory(Path.of("modules")).stream()
            .map(ModuleParser::parse).toList();

    private static List<QuizStep> quizzes() {
        List<QuizStep> quizzes = new ArrayList<>();
        for (TrainingModule module : SHIPPED) {
            for (Step step : module.steps()) {
                if (step instanceof QuizStep quiz) {
                    quizzes.add(quiz);
                }
            }
        }
        return quizzes;
    }

    private static String module(QuizStep quiz) {
        return SHIPPED.stream().filter(m -> m.steps().contains(quiz)).map(TrainingModule::id).findFirst().orElseThrow();
    }

    @Test
    void rightAnswersInTheShippedQuizzesDoNotClusterInOnePosition() {
        List<String> problems = new ArrayList<>();
        for (QuizStep quiz : quizzes()) {
            List<Question> single = quiz.questions().stream().filter(q -> q.type() == QuestionType.SINGLE).toList();
            if (single.size() >= 3) {
                Map<Integer, Long> byPosition = single.stream()
                        .collect(Collectors.groupingBy(q -> q.correctOptions().iterator().next(), Collectors.counting()));
                long most = byPosition.values().stream().mapToLong(Long::longValue).max().orElse(0);
                if (most * 2 > single.size()) {
                    problems.add(module(quiz) + ": " + most + " of " + single.size()
                            + " single-choice answers are in the same position " + byPosition);
                }
            }
            List<Question> multiple = quiz.questions().stream().filter(q -> q.type() == QuestionType.MULTIPLE).toList();
            if (multiple.size() >= 2) {
                long prefixes = multiple.stream().filter(QuizPositionsTest::rightAnswersComeFirst).count();
                if (prefixes * 2 > multiple.size()) {
                    problems.add(module(quiz) + ": in " + prefixes + " of " + multiple.size()
                            + " multiple-choice questions the right answers are the first options");
                }
                Set<Set<Integer>> patterns = multiple.stream().map(Question::correctOptions).collect(Collectors.toSet());
                if (patterns.size() == 1) {
                    problems.add(module(quiz) + ": every multiple-choice question has its right answers at " + patterns);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static boolean rightAnswersComeFirst(Question question) {
        Set<Integer> correct = question.correctOptions();
        return correct.equals(IntStream.range(0, correct.size()).boxed().collect(Collectors.toSet()));
    }

    @Test
    void theFirstTryIsAlreadyShuffledTheSameWayForTheSameAttemptAndDifferentlyOnARetry() {
        for (QuizStep quiz : quizzes()) {
            for (long attempt = 1; attempt <= 5; attempt++) {
                QuizOrder first = QuizOrder.of(attempt, quiz.id(), 0);
                QuizOrder reload = QuizOrder.of(attempt, quiz.id(), 0);
                assertThat(ids(reload.questions(quiz.questions()))).isEqualTo(ids(first.questions(quiz.questions())));
                for (Question q : quiz.questions()) {
                    assertThat(reload.options(q)).as("a reload shows the same order").isEqualTo(first.options(q));
                    assertThat(first.options(q)).containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, q.options().size()).boxed().toList());
                }
            }
            // Over attempts, the first try does not keep the file order, and a retry does not repeat the first try.
            Set<List<Integer>> firstOrders = new HashSet<>();
            boolean retryDiffers = false;
            for (long attempt = 1; attempt <= 20; attempt++) {
                QuizOrder first = QuizOrder.of(attempt, quiz.id(), 0);
                QuizOrder retry = QuizOrder.of(attempt, quiz.id(), 1);
                Question q = quiz.questions().getFirst();
                firstOrders.add(first.options(q));
                retryDiffers |= !retry.options(q).equals(first.options(q))
                        || !ids(retry.questions(quiz.questions())).equals(ids(first.questions(quiz.questions())));
            }
            assertThat(firstOrders).as(module(quiz) + ": first tries of different attempts are shuffled").hasSizeGreaterThan(1);
            assertThat(retryDiffers).as(module(quiz) + ": a retry shows a new order").isTrue();
        }
    }

    @Test
    void onScreenEveryPositionHoldsTheRightAnswerAboutEquallyOften() {
        // Over many attempts, the shown position of the right answer of a single-choice question is spread out.
        for (QuizStep quiz : quizzes()) {
            for (Question q : quiz.questions().stream().filter(q -> q.type() == QuestionType.SINGLE).toList()) {
                int right = q.correctOptions().iterator().next();
                Map<Integer, Long> shownAt = IntStream.rangeClosed(1, 300).boxed()
                        .map(attempt -> QuizOrder.of(attempt, quiz.id(), 0).options(q).indexOf(right))
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                assertThat(shownAt.keySet()).as(module(quiz) + " " + q.id()).hasSize(q.options().size());
                assertThat(shownAt.values()).as(module(quiz) + " " + q.id()).allMatch(n -> n < 300 * 0.6);
            }
        }
    }

    private static List<String> ids(List<Question> questions) {
        return questions.stream().map(Question::id).toList();
    }
}
