package nl.omzien.training.content;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a step takes a B1 reader on a phone: 150 words per minute (issue 18; see docs/content-metrics.md),
 * plus time to choose, answer and write. Scenarios are counted along the good path: the other person's
 * words, every reply shown, the feedback on the chosen reply and the ending. The player shows the sum of the
 * steps still to do as the remaining time of the chapter; once people use a module, the measured seconds per
 * step decide.
 */
public final class ReadingTime {

    public static final int WORDS_PER_MINUTE = 150;
    public static final int SECONDS_PER_CHOICE = 5;
    public static final int SECONDS_PER_QUESTION = 10;
    public static final int SECONDS_PER_REFLECTION = 60;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private ReadingTime() {
    }

    /** Words in a text, Markdown marks ignored: a run of letters or digits is a word. */
    public static int words(String text) {
        if (text == null) {
            return 0;
        }
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Seconds one learner needs for the step, in the language {@code lang} picks. */
    public static double seconds(Step step, Function<Text, String> lang) {
        int words = words(lang.apply(step.title()));
        double extra = 0;
        switch (step) {
            case LessonStep lesson -> words += words(lang.apply(lesson.markdown()));
            case ReflectionStep reflection -> {
                words += words(lang.apply(reflection.question()));
                extra += SECONDS_PER_REFLECTION;
            }
            case QuizStep quiz -> {
                for (QuizStep.Question q : quiz.questions()) {
                    words += words(lang.apply(q.text())) + words(lang.apply(q.explanation()));
                    for (QuizStep.Option o : q.options()) {
                        words += words(lang.apply(o.text()));
                    }
                    extra += SECONDS_PER_QUESTION;
                }
            }
            case ScenarioStep scenario -> {
                words += words(lang.apply(scenario.intro()));
                int[] path = goodPath(scenario, lang);
                words += path[0];
                extra += path[1] * SECONDS_PER_CHOICE;
            }
        }
        return words * 60.0 / WORDS_PER_MINUTE + extra;
    }

    /** Whole minutes, at least one, for the steps given. */
    public static int minutes(List<Step> steps, Function<Text, String> lang) {
        double seconds = steps.stream().mapToDouble(s -> seconds(s, lang)).sum();
        return Math.max(1, (int) Math.round(seconds / 60));
    }

    private static int[] goodPath(ScenarioStep scenario, Function<Text, String> lang) {
        int words = 0;
        int choices = 0;
        Set<String> seen = new HashSet<>();
        ScenarioStep.Node node = scenario.node(scenario.start());
        while (!node.isOutcome() && seen.add(node.id())) {
            words += words(lang.apply(node.says()));
            for (ScenarioStep.Reply r : node.replies()) {
                words += words(lang.apply(r.text()));
            }
            ScenarioStep.Reply chosen = node.replies().stream().filter(r -> r.quality() == ScenarioStep.Quality.GOOD)
                    .findFirst().orElse(node.replies().getFirst());
            words += words(lang.apply(chosen.feedback()));
            choices++;
            node = scenario.node(chosen.next());
        }
        if (node.isOutcome()) {
            words += node.says() == null ? 0 : words(lang.apply(node.says()));
            words += words(lang.apply(node.outcome().text()));
        }
        return new int[]{words, choices};
    }
}
