package nl.omzien.training.ui;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Feedback reads as one sentence: no "Goed. Goed." and no ".;" between right answers. */
class FeedbackTextTest {

    @Test
    void feedbackThatOpensWithTheVerdictGetsNoSecondOne() {
        assertThat(ScenarioPanel.startsWithVerdict("Goed. Je vraagt door.", "Goed.")).isTrue();
        assertThat(ScenarioPanel.startsWithVerdict("goed zo, je luistert", "Goed.")).isTrue();
        assertThat(ScenarioPanel.startsWithVerdict("Goedbedoeld, maar je neemt het over.", "Goed.")).isFalse();
        assertThat(ScenarioPanel.startsWithVerdict("Je vraagt door.", "Goed.")).isFalse();
    }

    @Test
    void rightAnswersAreJoinedWithoutDoublePunctuation() {
        assertThat(QuizPanel.correctAnswers(List.of("Ze komt minder vaak.", "Hij praat weinig."))).isEqualTo("Ze komt minder vaak; Hij praat weinig.");
        assertThat(QuizPanel.correctAnswers(List.of("Bel 113"))).isEqualTo("Bel 113.");
        assertThat(QuizPanel.correctAnswers(List.of("Hoe gaat het echt?"))).isEqualTo("Hoe gaat het echt?");
    }
}
