package nl.omzien.trainers.internal;

import nl.omzien.base.Translations;
import nl.omzien.people.Audience;
import nl.omzien.trainers.KitPart;
import nl.omzien.training.content.QuizStep;
import nl.omzien.training.content.ReadingTime;
import nl.omzien.training.content.ScenarioStep;
import nl.omzien.training.content.Step;
import nl.omzien.training.content.TrainingModule;
import nl.omzien.base.PdfText;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trainer kit, made from the module files themselves so it never drifts from the e-learning: a 90-minute
 * session plan, the scenarios as role-play cards (four per A4) and the quiz as a group quiz. Kept per module version
 * and content: a new version of a module gives new PDFs, an unchanged one is not drawn twice.
 */
@Component
public class TrainerKitPdf {

    /** A group session lasts an hour and a half (seed 002 §5.4 update). */
    public static final int SESSION_MINUTES = 90;
    private static final float MARGIN = 50;

    private final Translations translations;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    TrainerKitPdf(Translations translations) {
        this.translations = translations;
    }

    public byte[] render(TrainingModule module, Audience audience, KitPart part, Locale locale) {
        String key = String.join("|", module.id(), String.valueOf(module.version()), module.contentHash(), audience.name(),
                part.name(), locale.getLanguage());
        return cache.computeIfAbsent(key, k -> draw(module, audience, part, locale));
    }

    /** One block of the session plan. */
    public record Block(int minutes, String what) {
    }

    /**
     * The plan: welcome and the confidence questions, the lessons before the first scenario, the role-plays, the
     * lessons after them, the group quiz, and a close with the evaluation; in 5-minute steps, 90 in all. Lessons are
     * grouped (a 90-minute session cannot give each of a dozen steps its own slot); time follows reading length,
     * with room to talk, and about 15 minutes per role-play (at most three).
     */
    public List<Block> plan(TrainingModule module, Audience audience, Locale locale) {
        List<Step> steps = module.stepsFor(audience);
        boolean quiz = steps.stream().anyMatch(s -> s instanceof QuizStep);
        List<Step> before = new ArrayList<>();
        List<Step> scenarios = new ArrayList<>();
        List<Step> after = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof ScenarioStep) {
                scenarios.add(step);
            } else if (!(step instanceof QuizStep)) {
                (scenarios.isEmpty() ? before : after).add(step);
            }
        }
        List<String> what = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (List<Step> group : List.of(before, scenarios, after)) {
            if (group.isEmpty()) {
                continue;
            }
            String titles = String.join(", ", group.stream().map(s -> s.title().in(locale)).toList());
            if (group == scenarios) {
                what.add(t(locale, "kit.plan.roleplay", titles));
                weights.add(15.0 * Math.min(3, group.size()));
            } else {
                what.add(t(locale, "kit.plan.lesson", titles));
                // Talking about a lesson in a group takes about twice as long as reading it.
                weights.add(group.stream().mapToDouble(s -> Math.max(120, 2 * ReadingTime.seconds(s, text -> text.in(locale))) / 60).sum());
            }
        }
        int welcome = 10;
        int closing = 10;
        int quizMinutes = quiz ? 10 : 0;
        int units = (SESSION_MINUTES - welcome - closing - quizMinutes) / 5;
        int[] allotted = allot(units, weights);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(welcome, t(locale, "kit.plan.welcome")));
        for (int i = 0; i < what.size(); i++) {
            blocks.add(new Block(allotted[i] * 5, what.get(i)));
        }
        if (quiz) {
            blocks.add(new Block(quizMinutes, t(locale, "kit.plan.quiz")));
        }
        int sum = blocks.stream().mapToInt(Block::minutes).sum();
        blocks.add(new Block(SESSION_MINUTES - sum, t(locale, "kit.plan.closing")));
        return blocks;
    }

    /** Shares {@code units} by weight, at least one each, by largest remainder, so they add up exactly. */
    static int[] allot(int units, List<Double> weights) {
        int n = weights.size();
        int[] result = new int[n];
        if (n == 0) {
            return result;
        }
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        int spare = units - n;
        double[] exact = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            exact[i] = spare * weights.get(i) / total;
            result[i] = 1 + (int) Math.floor(exact[i]);
            given += result[i];
        }
        while (given < units) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (exact[i] - Math.floor(exact[i]) > exact[best] - Math.floor(exact[best])) {
                    best = i;
                }
            }
            result[best]++;
            exact[best] = Math.floor(exact[best]);
            given++;
        }
        return result;
    }

    private byte[] draw(TrainingModule module, Audience audience, KitPart part, Locale locale) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Fonts fonts = new Fonts(font(document, "/fonts/DejaVuSans.ttf"), font(document, "/fonts/DejaVuSans-Bold.ttf"));
            String heading = module.title().in(locale) + " · " + t(locale, "audience." + audience.name()) + " · v" + module.version();
            switch (part) {
                case PLAN -> drawPlan(document, fonts, heading, plan(module, audience, locale), locale);
                case CARDS -> drawCards(document, fonts, heading, module.stepsFor(audience).stream()
                        .filter(s -> s instanceof ScenarioStep).map(s -> (ScenarioStep) s).toList(), locale);
                case QUIZ -> drawQuiz(document, fonts, heading, module.stepsFor(audience).stream()
                        .filter(s -> s instanceof QuizStep).flatMap(s -> ((QuizStep) s).questions().stream()).toList(), locale);
            }
            document.getDocumentInformation().setTitle(t(locale, "kit.part." + part.name().toLowerCase()) + " – " + heading);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Fonts(PDFont regular, PDFont bold) {
    }

    /** Writes lines top-down over as many A4 pages as it takes. */
    private final class Writer implements AutoCloseable {
        private final PDDocument document;
        private final Fonts fonts;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document, Fonts fonts) throws IOException {
            this.document = document;
            this.fonts = fonts;
            newPage();
        }

        void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void paragraph(String text, boolean bold, float size, float indent) throws IOException {
            PDFont font = bold ? fonts.bold() : fonts.regular();
            for (String line : wrap(text, font, size, PDRectangle.A4.getWidth() - 2 * MARGIN - indent)) {
                if (y < MARGIN + size) {
                    newPage();
                }
                write(content, font, size, MARGIN + indent, y, line);
                y -= size * 1.35f;
            }
        }

        void gap(float points) {
            y -= points;
        }

        @Override
        public void close() throws IOException {
            content.close();
        }
    }

    private void drawPlan(PDDocument document, Fonts fonts, String heading, List<Block> blocks, Locale locale) throws IOException {
        try (Writer w = new Writer(document, fonts)) {
            w.paragraph(t(locale, "kit.part.plan"), true, 18, 0);
            w.paragraph(heading, false, 11, 0);
            w.gap(12);
            int start = 0;
            for (Block block : blocks) {
                String time = String.format("%d:%02d–%d:%02d", start / 60, start % 60, (start + block.minutes()) / 60,
                        (start + block.minutes()) % 60);
                w.paragraph(time + "  (" + t(locale, "kit.minutes", block.minutes()) + ")", true, 11, 0);
                w.paragraph(block.what(), false, 11, 12);
                w.gap(6);
                start += block.minutes();
            }
            w.gap(6);
            w.paragraph(t(locale, "kit.plan.total", start), true, 11, 0);
        }
    }

    private void drawCards(PDDocument document, Fonts fonts, String heading, List<ScenarioStep> scenarios, Locale locale)
            throws IOException {
        float pageWidth = PDRectangle.A4.getWidth();
        float pageHeight = PDRectangle.A4.getHeight();
        float cardWidth = (pageWidth - 2 * 30) / 2;
        float cardHeight = (pageHeight - 2 * 30) / 2;
        if (scenarios.isEmpty()) {
            try (Writer w = new Writer(document, fonts)) {
                w.paragraph(t(locale, "kit.part.cards"), true, 18, 0);
                w.paragraph(heading, false, 11, 0);
                w.paragraph(t(locale, "kit.cards.none"), false, 11, 0);
            }
            return;
        }
        for (int first = 0; first < scenarios.size(); first += 4) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                for (int i = first; i < Math.min(first + 4, scenarios.size()); i++) {
                    int slot = i - first;
                    float x = 30 + (slot % 2) * cardWidth;
                    float top = pageHeight - 30 - (slot / 2) * cardHeight;
                    // Dashed cutting lines around each card.
                    content.setLineDashPattern(new float[]{4, 3}, 0);
                    content.setLineWidth(0.5f);
                    content.addRect(x, top - cardHeight, cardWidth, cardHeight);
                    content.stroke();
                    card(content, fonts, scenarios.get(i), x + 10, top - 16, cardWidth - 20, top - cardHeight + 8, locale);
                }
            }
        }
    }

    private void card(PDPageContentStream content, Fonts fonts, ScenarioStep scenario, float x, float y, float width,
                      float bottom, Locale locale) throws IOException {
        ScenarioStep.Node start = scenario.node(scenario.start());
        List<String[]> parts = new ArrayList<>();
        parts.add(new String[]{"B", scenario.title().in(locale)});
        parts.add(new String[]{"L", t(locale, "kit.cards.situation")});
        parts.add(new String[]{"R", plain(scenario.intro().in(locale))});
        if (start.says() != null) {
            parts.add(new String[]{"L", t(locale, "kit.cards.says")});
            parts.add(new String[]{"R", "“" + plain(start.says().in(locale)) + "”"});
        }
        for (ScenarioStep.Quality quality : List.of(ScenarioStep.Quality.GOOD, ScenarioStep.Quality.POOR)) {
            List<ScenarioStep.Reply> replies = start.replies().stream().filter(r -> r.quality() == quality).toList();
            if (!replies.isEmpty()) {
                parts.add(new String[]{"L", t(locale, "kit.cards." + quality.name().toLowerCase())});
                for (ScenarioStep.Reply reply : replies) {
                    parts.add(new String[]{"R", "• " + plain(reply.text().in(locale))});
                }
            }
        }
        parts.add(new String[]{"L", t(locale, "kit.cards.discuss")});
        parts.add(new String[]{"R", t(locale, "kit.cards.discuss-question")});
        float size = 8.5f;
        for (String[] part : parts) {
            PDFont font = part[0].equals("R") ? fonts.regular() : fonts.bold();
            float fontSize = part[0].equals("B") ? 11 : size;
            for (String line : wrap(part[1], font, fontSize, width)) {
                if (y < bottom) {
                    return;
                }
                write(content, font, fontSize, x, y, line);
                y -= fontSize * 1.3f;
            }
            y -= part[0].equals("R") ? 3 : 1;
        }
    }

    private void drawQuiz(PDDocument document, Fonts fonts, String heading, List<QuizStep.Question> questions, Locale locale)
            throws IOException {
        try (Writer w = new Writer(document, fonts)) {
            w.paragraph(t(locale, "kit.part.quiz"), true, 18, 0);
            w.paragraph(heading, false, 11, 0);
            w.paragraph(t(locale, "kit.quiz.intro"), false, 11, 0);
            w.gap(10);
            int number = 1;
            for (QuizStep.Question question : questions) {
                String text = question.text().in(locale);
                // Most module questions already say "choose all correct answers"; say it only when they do not.
                boolean saysSo = text.toLowerCase(locale).matches(".*(kies alle|choose all).*");
                w.paragraph(number++ + ". " + text + (question.type() == QuizStep.QuestionType.MULTIPLE && !saysSo
                        ? " " + t(locale, "kit.quiz.more-than-one") : ""), true, 12, 0);
                for (int i = 0; i < question.options().size(); i++) {
                    w.paragraph((char) ('A' + i) + "  " + question.options().get(i).text().in(locale), false, 12, 14);
                }
                w.gap(8);
            }
            w.newPage();
            w.paragraph(t(locale, "kit.quiz.answers"), true, 16, 0);
            w.gap(6);
            number = 1;
            for (QuizStep.Question question : questions) {
                StringBuilder letters = new StringBuilder();
                question.correctOptions().stream().sorted().forEach(i -> letters.append(letters.isEmpty() ? "" : ", ").append((char) ('A' + i)));
                w.paragraph(number++ + ". " + letters, true, 11, 0);
                if (question.explanation() != null) {
                    w.paragraph(question.explanation().in(locale), false, 10, 14);
                }
                w.gap(4);
            }
        }
    }

    /** Markdown as print: no asterisks, list dashes as bullets, paragraphs on one line each. */
    static String plain(String markdown) {
        if (markdown == null) {
            return "";
        }
        return markdown.replaceAll("\\*\\*|__|\\*", "").replaceAll("(?m)^\\s*[-*] ", "• ")
                .replaceAll("\\[([^]]+)]\\([^)]+\\)", "$1").replaceAll("\\n{2,}", "\n").trim();
    }

    static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        return PdfText.wrap(plain(text), font, size, width);
    }

    private static void write(PDPageContentStream content, PDFont font, float size, float x, float y, String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text.replaceAll("[\\r\\n\\t]", " "));
        content.endText();
    }

    private static PDFont font(PDDocument document, String resource) throws IOException {
        try (InputStream in = TrainerKitPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Font missing: " + resource);
            }
            return PDType0Font.load(document, in);
        }
    }

    private String t(Locale locale, String key, Object... params) {
        return translations.getTranslation(key, locale, params);
    }
}
