package nl.omzien.training.internal;

import nl.omzien.training.content.LessonStep;
import nl.omzien.training.content.Text;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Dutch at B1: short sentences and no English where a common Dutch word exists, over every nl text. */
class PlainDutchTest {

    @Test
    void everyDutchTextOfTheCoreModulesStaysUnderTheBar() {
        List<ModuleTexts.Passage> passages = ModuleTexts.coreModules().stream().flatMap(l -> ModuleTexts.passages(l).stream()).toList();
        assertThat(passages).hasSizeGreaterThan(500);
        assertThat(PlainDutch.problems(passages)).isEmpty();
    }

    @Test
    void aLongSentenceAnEnglishWordAndALongAverageAreReportedWithModuleFileAndSentence() {
        String longSentence = "Dit is een zin die veel te lang is omdat hij maar door blijft gaan en nooit ophoudt, "
                + "ook niet als de lezer op een telefoon tussen twee klanten door al lang is afgehaakt.";
        var lesson = new LessonStep("les", new Text("Les", "Lesson"), Set.of(),
                new Text(longSentence + "\n\nWe geven je daarna feedback.", "x"), null);
        var passage = new ModuleTexts.Passage("herkennen", "steps/010-les.yaml", "text", lesson, lesson.markdown());

        List<String> problems = PlainDutch.problems(List.of(passage));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("modules/herkennen/steps/010-les.yaml", "words (max 25)", "nooit ophoudt"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("English word 'feedback'", "terugkoppeling", "We geven je daarna feedback."));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("modules/herkennen: average sentence length"));
    }

    @Test
    void quotesMayRunLongButExplanationsMayNot() {
        String quote = "\"Ik weet het ook niet meer, sinds mijn man er niet meer is ga ik eigenlijk nergens meer heen en zie ik de hele week "
                + "helemaal niemand behalve jou hier in de zaak.\"";
        assertThat(PlainDutch.words(quote)).isGreaterThan(25);
        assertThat(PlainDutch.isQuote(PlainDutch.sentences(quote).getFirst())).isTrue();
        assertThat(PlainDutch.sentences("Blijf rustig. Vraag het direct: \"Denk je aan zelfmoord?\" Beloof niets.\n- Bel 113."))
                .containsExactly("Blijf rustig.", "Vraag het direct:", "\"Denk je aan zelfmoord?\"", "Beloof niets.", "Bel 113.");
    }
}
