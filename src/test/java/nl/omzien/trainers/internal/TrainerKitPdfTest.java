package nl.omzien.trainers.internal;

import nl.omzien.base.Translations;
import nl.omzien.people.Audience;
import nl.omzien.trainers.KitPart;
import nl.omzien.training.content.QuizStep;
import nl.omzien.training.content.ScenarioStep;
import nl.omzien.training.content.TrainingModule;
import nl.omzien.training.internal.ShippedModules;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trainer kit is made from the module files: read back from the PDFs, the plan adds up to 90 minutes, every
 * scenario of the variant is a card (four per page) and every quiz question is in the group quiz with its answer.
 * The pages are also drawn to PNG with pdftoppm (target/screenshots/trainer-kit-*.png) to look at.
 */
class TrainerKitPdfTest {

    private static final Locale NL = Locale.of("nl");
    private final TrainerKitPdf kit = new TrainerKitPdf(new Translations());

    private static TrainingModule module(String id) {
        return ShippedModules.module(id);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static int pages(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    @Test
    void theSessionPlanTakesNinetyMinutesAndFollowsTheModulesSteps() throws Exception {
        for (String id : List.of("herkennen", "gesprek", "doorverwijzen", "trainer-worden")) {
            TrainingModule module = module(id);
            for (Audience audience : module.audiences()) {
                List<TrainerKitPdf.Block> plan = kit.plan(module, audience, NL);
                assertThat(plan.stream().mapToInt(TrainerKitPdf.Block::minutes).sum()).as(id + " " + audience).isEqualTo(90);
                assertThat(plan).allSatisfy(b -> assertThat(b.minutes()).isPositive());
            }
        }
        TrainingModule gesprek = module("gesprek");
        String plan = text(kit.render(gesprek, Audience.SHOP, KitPart.PLAN, NL));
        assertThat(plan).contains("Sessieplan (90 minuten)", "Totaal: 90 minuten", "0:00–0:10", gesprek.title().nl());
        gesprek.stepsFor(Audience.SHOP).stream().filter(s -> s instanceof ScenarioStep)
                .forEach(s -> assertThat(plan.replaceAll("\\s+", " ")).contains(s.title().nl()));
    }

    @Test
    void everyScenarioIsARolePlayCard_FourToAPage() throws Exception {
        TrainingModule gesprek = module("gesprek");
        List<ScenarioStep> scenarios = gesprek.stepsFor(Audience.PROFESSIONAL).stream()
                .filter(s -> s instanceof ScenarioStep).map(s -> (ScenarioStep) s).toList();
        assertThat(scenarios).isNotEmpty();
        byte[] pdf = kit.render(gesprek, Audience.PROFESSIONAL, KitPart.CARDS, NL);
        assertThat(pages(pdf)).isEqualTo((scenarios.size() + 3) / 4);
        String text = text(pdf).replaceAll("\\s+", " ");
        for (ScenarioStep scenario : scenarios) {
            assertThat(text).contains(scenario.title().nl());
        }
        assertThat(text).contains("Situatie", "De ander zegt", "Goede reactie", "Bespreek");
        render(pdf, "trainer-kit-cards");
    }

    @Test
    void theQuizIsAGroupQuizWithTheAnswersOnTheLastPage() throws Exception {
        TrainingModule herkennen = module("herkennen");
        List<QuizStep.Question> questions = herkennen.stepsFor(Audience.CHURCH).stream().filter(s -> s instanceof QuizStep)
                .flatMap(s -> ((QuizStep) s).questions().stream()).toList();
        byte[] pdf = kit.render(herkennen, Audience.CHURCH, KitPart.QUIZ, Locale.ENGLISH);
        String text = text(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("Group quiz", "Answers");
        assertThat(text.substring(text.indexOf("Answers"))).contains("1. ");
        for (QuizStep.Question question : questions) {
            assertThat(text).contains(question.text().en().replaceAll("\\s+", " ").substring(0, Math.min(30, question.text().en().length())));
        }
        render(kit.render(herkennen, Audience.CHURCH, KitPart.PLAN, NL), "trainer-kit-plan");
        render(pdf, "trainer-kit-quiz");
    }

    @Test
    void aModuleVersionIsDrawnOnce_ANewVersionAnew() {
        TrainingModule gesprek = module("gesprek");
        byte[] first = kit.render(gesprek, Audience.SHOP, KitPart.QUIZ, NL);
        assertThat(kit.render(gesprek, Audience.SHOP, KitPart.QUIZ, NL)).isSameAs(first);
        TrainingModule next = new TrainingModule(gesprek.id(), gesprek.version() + 1, gesprek.title(), gesprek.summary(),
                gesprek.minutes(), gesprek.passMark(), gesprek.audiences(), gesprek.steps(), "changed", gesprek.order(), gesprek.optional());
        byte[] second = kit.render(next, Audience.SHOP, KitPart.QUIZ, NL);
        assertThat(second).isNotSameAs(first);
    }

    /** Draws the first page to PNG with poppler's pdftoppm when it is installed, to look at. */
    private static void render(byte[] pdf, String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".pdf");
        Files.write(file, pdf);
        try {
            Process process = new ProcessBuilder("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", file.toString(),
                    dir.resolve(name).toString()).inheritIO().start();
            assertThat(process.waitFor()).isZero();
        } catch (java.io.IOException notInstalled) {
            // pdftoppm is a look, not a requirement: the text checks above already parsed the PDF.
        }
    }
}
