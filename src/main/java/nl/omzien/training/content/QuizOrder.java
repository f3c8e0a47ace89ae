package nl.omzien.training.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The order in which a quiz is shown. Positions must not give answers away (issue 18: in one module the
 * right answer was always the first option), so questions and options are shuffled from the first try on.
 * The order is a function of the attempt and the try: a reload shows the same order, "try again"
 * shows a new one.
 */
public final class QuizOrder {

    private final long seed;

    private QuizOrder(long seed) {
        this.seed = seed;
    }

    /**
     * @param attemptId the module attempt (the same attempt always gets the same first order)
     * @param quizId    the quiz step
     * @param tryNumber 0 for the first try, 1 after the first "try again", ...
     */
    public static QuizOrder of(long attemptId, String quizId, int tryNumber) {
        return new QuizOrder(attemptId * 1_000_003L + quizId.hashCode() * 31L + tryNumber * 7_919L);
    }

    public List<QuizStep.Question> questions(List<QuizStep.Question> questions) {
        List<QuizStep.Question> shown = new ArrayList<>(questions);
        Collections.shuffle(shown, new Random(seed));
        return shown;
    }

    /** Indexes into {@link QuizStep.Question#options()} in the order to show them. */
    public List<Integer> options(QuizStep.Question question) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, question.options().size()).boxed().toList());
        Collections.shuffle(order, new Random(seed ^ (question.id().hashCode() * 0x9E3779B97F4A7C15L)));
        return order;
    }
}
