package nl.omzien.training.internal;

import nl.omzien.people.Audience;
import nl.omzien.training.content.LessonStep;
import nl.omzien.training.content.QuizStep;
import nl.omzien.training.content.ReflectionStep;
import nl.omzien.training.content.ScenarioStep;
import nl.omzien.training.content.ScenarioStep.Node;
import nl.omzien.training.content.ScenarioStep.Quality;
import nl.omzien.training.content.ScenarioStep.Reply;
import nl.omzien.training.content.Step;
import nl.omzien.training.content.Text;
import nl.omzien.training.content.TrainingModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Word counts, sentence lengths and a simulated read-through per module, audience and language.
 * Run {@code main} (or ContentMetricsTest) to reproduce docs/content-metrics.md; the method is explained
 * in that file.
 *
 * <p>The simulated read-through: a learner reads every lesson; in each scenario reads the intro, what
 * the other person says, all reply options and the feedback on the reply chosen, and the ending; reads
 * every quiz question, its options and its explanation. Reading speed {@link #WORDS_PER_MINUTE} (150). On top:
 * {@link #SECONDS_PER_CHOICE} per scenario choice, {@link #SECONDS_PER_QUESTION} per quiz question,
 * {@link #SECONDS_PER_REFLECTION} per reflection and {@link #SECONDS_SELF_ASSESSMENT} for the
 * before/after confidence questions. Two scenario paths: only good replies (shortest), and one detour
 * (the weakest reply at the first choice, then good replies), which is how most learners play.
 */
public final class ContentMetrics {

    // Issue 18: 150 words per minute, B1 readers on a phone; the player's remaining time uses the same numbers.
    static final int WORDS_PER_MINUTE = nl.omzien.training.content.ReadingTime.WORDS_PER_MINUTE;
    static final int SECONDS_PER_CHOICE = nl.omzien.training.content.ReadingTime.SECONDS_PER_CHOICE;
    static final int SECONDS_PER_QUESTION = nl.omzien.training.content.ReadingTime.SECONDS_PER_QUESTION;
    static final int SECONDS_PER_REFLECTION = nl.omzien.training.content.ReadingTime.SECONDS_PER_REFLECTION;
    static final int SECONDS_SELF_ASSESSMENT = 60;

    record Row(String module, Audience audience, String language, int totalWords, int sentences, double averageSentence,
               int readWordsGood, int readWordsDetour, int choicesGood, int choicesDetour, int questions, int reflections,
               int estimatedMinutes) {

        double minutesGood() {
            return minutes(readWordsGood, choicesGood);
        }

        double minutesDetour() {
            return minutes(readWordsDetour, choicesDetour);
        }

        private double minutes(int words, int choices) {
            return (double) words / WORDS_PER_MINUTE
                    + (choices * SECONDS_PER_CHOICE + questions * SECONDS_PER_QUESTION
                    + reflections * SECONDS_PER_REFLECTION + SECONDS_SELF_ASSESSMENT) / 60.0;
        }
    }

    private ContentMetrics() {
    }

    static List<Row> measure() {
        return measure(false);
    }

    /** The core only: the steps an audience must do, without the optional practice (issue 18). */
    static List<Row> measureCore() {
        return measure(true);
    }

    private static List<Row> measure(boolean coreOnly) {
        List<Row> rows = new ArrayList<>();
        for (ModuleTexts.Loaded loaded : ModuleTexts.coreModules()) {
            TrainingModule module = loaded.module();
            for (Audience audience : Audience.values()) {
                for (String language : List.of("nl", "en")) {
                    Function<Text, String> lang = text -> language.equals("nl") ? text.nl() : text.en();
                    List<Step> steps = coreOnly ? module.requiredStepsFor(audience) : module.stepsFor(audience);
                    int total = 0;
                    int sentences = 0;
                    int sentenceWords = 0;
                    for (ModuleTexts.Passage p : ModuleTexts.passages(loaded)) {
                        if (p.step() != null && !steps.contains(p.step())) {
                            continue;
                        }
                        String text = lang.apply(p.text());
                        total += PlainDutch.words(text);
                        for (String sentence : PlainDutch.sentences(text)) {
                            sentences++;
                            sentenceWords += PlainDutch.words(sentence);
                        }
                    }
                    int[] good = new int[2];
                    int[] detour = new int[2];
                    int questions = 0;
                    int reflections = 0;
                    for (Step step : steps) {
                        int fixed = PlainDutch.words(lang.apply(step.title()));
                        switch (step) {
                            case LessonStep lesson -> fixed += PlainDutch.words(lang.apply(lesson.markdown()));
                            case ReflectionStep reflection -> {
                                fixed += PlainDutch.words(lang.apply(reflection.question()));
                                reflections++;
                            }
                            case QuizStep quiz -> {
                                for (QuizStep.Question q : quiz.questions()) {
                                    fixed += PlainDutch.words(lang.apply(q.text())) + PlainDutch.words(lang.apply(q.explanation()));
                                    for (QuizStep.Option o : q.options()) {
                                        fixed += PlainDutch.words(lang.apply(o.text()));
                                    }
                                    questions++;
                                }
                            }
                            case ScenarioStep scenario -> {
                                fixed += PlainDutch.words(lang.apply(scenario.intro()));
                                int[] g = play(scenario, lang, false);
                                int[] d = play(scenario, lang, true);
                                good[0] += g[0];
                                good[1] += g[1];
                                detour[0] += d[0];
                                detour[1] += d[1];
                            }
                        }
                        good[0] += fixed;
                        detour[0] += fixed;
                    }
                    rows.add(new Row(module.id(), audience, language, total, sentences, (double) sentenceWords / sentences,
                            good[0], detour[0], good[1], detour[1], questions, reflections, module.minutes()));
                }
            }
        }
        return rows;
    }

    /** Words read and choices made along one path: good replies only, or one weakest reply first. */
    private static int[] play(ScenarioStep scenario, Function<Text, String> lang, boolean detourFirst) {
        int words = 0;
        int choices = 0;
        Set<String> seen = new HashSet<>();
        Node node = scenario.node(scenario.start());
        while (!node.isOutcome()) {
            if (!seen.add(node.id()) && choices > 50) {
                throw new IllegalStateException("Scenario " + scenario.id() + " loops on good replies");
            }
            words += PlainDutch.words(lang.apply(node.says()));
            for (Reply r : node.replies()) {
                words += PlainDutch.words(lang.apply(r.text()));
            }
            Reply chosen = detourFirst && choices == 0 ? weakest(node) : node.replies().stream()
                    .filter(r -> r.quality() == Quality.GOOD).findFirst().orElse(node.replies().getFirst());
            words += PlainDutch.words(lang.apply(chosen.feedback()));
            choices++;
            node = scenario.node(chosen.next());
        }
        words += node.says() == null ? 0 : PlainDutch.words(lang.apply(node.says()));
        words += PlainDutch.words(lang.apply(node.outcome().text()));
        return new int[]{words, choices};
    }

    private static Reply weakest(Node node) {
        return node.replies().stream().max(java.util.Comparator.comparing(Reply::quality)).orElseThrow();
    }

    static String markdownTable(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| module | audience | lang | words (all) | avg sentence | read words (good path / one detour) | choices | quiz q. | estimate (module.yaml) | read-through min (good / detour) |\n");
        out.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.1f | %d / %d | %d / %d | %d | %d | %.1f / %.1f |%n",
                    r.module(), r.audience().id(), r.language(), r.totalWords(), r.averageSentence(), r.readWordsGood(),
                    r.readWordsDetour(), r.choicesGood(), r.choicesDetour(), r.questions(), r.estimatedMinutes(),
                    r.minutesGood(), r.minutesDetour()));
        }
        return out.toString();
    }

    /** Average sentence length of the lesson prose only, per module and language: no titles, options or dialogue. */
    static String lessonProseTable() {
        StringBuilder out = new StringBuilder("| module | lang | lesson sentences | avg words per sentence | longest |\n| --- | --- | ---: | ---: | ---: |\n");
        for (ModuleTexts.Loaded loaded : ModuleTexts.coreModules()) {
            for (String language : List.of("nl", "en")) {
                int sentences = 0;
                int words = 0;
                int longest = 0;
                for (Step step : loaded.module().steps()) {
                    if (step instanceof LessonStep lesson) {
                        for (String sentence : PlainDutch.sentences(language.equals("nl") ? lesson.markdown().nl() : lesson.markdown().en())) {
                            int n = PlainDutch.words(sentence);
                            sentences++;
                            words += n;
                            longest = Math.max(longest, n);
                        }
                    }
                }
                out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %d |%n", loaded.module().id(), language,
                        sentences, (double) words / sentences, longest));
            }
        }
        return out.toString();
    }

    /** The core per audience: each module is a chapter; the sum is the whole core. */
    static String coreTable(List<Row> core) {
        StringBuilder out = new StringBuilder("| audience | lang | herkennen (good / detour) | gesprek (good / detour) | doorverwijzen (good / detour) | core total (good / detour) | core words read (detour) |\n"
                + "| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Audience audience : Audience.values()) {
            for (String language : List.of("nl", "en")) {
                List<Row> rows = core.stream().filter(r -> r.audience() == audience && r.language().equals(language)).toList();
                StringBuilder line = new StringBuilder("| " + audience.id() + " | " + language + " |");
                double good = 0;
                double detour = 0;
                int words = 0;
                for (String module : List.of("herkennen", "gesprek", "doorverwijzen")) {
                    Row r = rows.stream().filter(x -> x.module().equals(module)).findFirst().orElseThrow();
                    line.append(String.format(Locale.ROOT, " %.1f / %.1f |", r.minutesGood(), r.minutesDetour()));
                    good += r.minutesGood();
                    detour += r.minutesDetour();
                    words += r.readWordsDetour();
                }
                line.append(String.format(Locale.ROOT, " %.1f / %.1f | %d |%n", good, detour, words));
                out.append(line);
            }
        }
        return out.toString();
    }

    public static void main(String[] args) throws IOException {
        String table = markdownTable(measure()) + "\n" + coreTable(measureCore()) + "\n" + lessonProseTable();
        System.out.print(table);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), table);
        }
    }
}
