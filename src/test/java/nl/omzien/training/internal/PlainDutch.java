package nl.omzien.training.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mechanical plain-language measures for the module texts: sentences, words and English words that
 * have a common Dutch equivalent. Markdown is stripped first; list items and lines count as sentences
 * of their own, because that is how a reader on a phone sees them.
 */
final class PlainDutch {

    static final double MAX_AVERAGE_SENTENCE = 15.0;
    static final int MAX_SENTENCE = 25;

    /** English words a B1 reader may trip over, each with the Dutch word to use instead. */
    static final Map<String, String> ENGLISH_WORDS = new TreeMap<>(Map.ofEntries(
            Map.entry("awareness", "bewustzijn"), Map.entry("buddy", "maatje"), Map.entry("challenge", "uitdaging"),
            Map.entry("check", "controle"), Map.entry("checken", "nagaan"), Map.entry("checkt", "gaat na"),
            Map.entry("coachen", "begeleiden"), Map.entry("connecten", "verbinden"), Map.entry("deadline", "uiterste datum"),
            Map.entry("event", "bijeenkomst"), Map.entry("feedback", "terugkoppeling"), Map.entry("follow-up", "vervolg"),
            Map.entry("happy", "blij"), Map.entry("helpdesk", "meldpunt"), Map.entry("issue", "probleem"),
            Map.entry("meeting", "overleg"), Map.entry("mindset", "houding"), Map.entry("nice", "fijn"),
            Map.entry("okay", "goed"), Map.entry("sharen", "delen"), Map.entry("skills", "vaardigheden"),
            Map.entry("support", "steun"), Map.entry("target", "doel"), Map.entry("tool", "hulpmiddel"),
            Map.entry("tools", "hulpmiddelen"), Map.entry("topic", "onderwerp"), Map.entry("update", "bijwerking")));

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?:])[\"”’]?\\s+(?=[\"“‘'(]?[\\p{Lu}\\p{N}])");
    private static final Pattern LINK = Pattern.compile("\\[([^]]*)]\\([^)]*\\)");
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*+]|\\d+[.)])\\s+");

    private PlainDutch() {
    }

    static List<String> sentences(String markdown) {
        List<String> sentences = new ArrayList<>();
        String plain = LINK.matcher(markdown).replaceAll("$1").replace("**", "").replace("*", "").replace("`", "");
        for (String line : plain.split("\\R")) {
            String text = LIST_MARKER.matcher(line.strip().replaceFirst("^#+\\s*", "")).replaceFirst("").strip();
            if (text.isEmpty()) {
                continue;
            }
            // Split keeping the closing quote with its sentence.
            int start = 0;
            Matcher end = SENTENCE_END.matcher(text);
            while (end.find()) {
                int cut = end.start();
                String closing = end.group().strip();
                sentences.add(text.substring(start, cut + closing.length()).strip());
                start = end.end();
            }
            sentences.add(text.substring(start).strip());
        }
        sentences.removeIf(s -> words(s) == 0);
        return sentences;
    }

    static int words(String text) {
        Matcher m = WORD.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    /** Literal speech may run longer than the bar: it is how people talk, not how we explain. */
    static boolean isQuote(String sentence) {
        return sentence.matches("^[\"“‘'].*[\"”’']$");
    }

    static List<String> englishWords(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            if (ENGLISH_WORDS.containsKey(word)) {
                found.add(word);
            }
        }
        return found;
    }

    /** Every breach of the bar over the given Dutch passages, each naming module, file and sentence. */
    static List<String> problems(List<ModuleTexts.Passage> passages) {
        List<String> problems = new ArrayList<>();
        Map<String, int[]> perModule = new TreeMap<>();
        for (ModuleTexts.Passage passage : passages) {
            for (String sentence : sentences(passage.text().nl())) {
                int words = words(sentence);
                int[] totals = perModule.computeIfAbsent(passage.module(), m -> new int[2]);
                totals[0] += words;
                totals[1]++;
                if (words > MAX_SENTENCE && !isQuote(sentence)) {
                    problems.add(passage.where() + ": sentence of " + words + " words (max " + MAX_SENTENCE + "): \"" + sentence + "\"");
                }
                for (String english : englishWords(sentence)) {
                    problems.add(passage.where() + ": English word '" + english + "', use '" + ENGLISH_WORDS.get(english)
                            + "': \"" + sentence + "\"");
                }
            }
        }
        perModule.forEach((module, totals) -> {
            double average = (double) totals[0] / totals[1];
            if (average >= MAX_AVERAGE_SENTENCE) {
                problems.add("modules/" + module + ": average sentence length " + String.format(Locale.ROOT, "%.1f", average)
                        + " words (must be under " + MAX_AVERAGE_SENTENCE + ")");
            }
        });
        return problems;
    }
}
