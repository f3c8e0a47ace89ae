package nl.omzien.training.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import nl.omzien.training.ScenarioRun;
import nl.omzien.training.TrainingService;
import nl.omzien.training.content.ScenarioStep;
import nl.omzien.training.content.Text;

import java.util.Locale;

/** A branching conversation shown as chat bubbles, with feedback after every reply. */
class ScenarioPanel extends Composite<VerticalLayout> {

    private final TrainingService training;
    private final long attemptId;
    private final ScenarioStep scenario;
    private final Runnable onProgress;
    private final Div conversation = new Div();
    private final Div choices = new Div();

    ScenarioPanel(TrainingService training, long attemptId, ScenarioStep scenario, Runnable onProgress) {
        this.training = training;
        this.attemptId = attemptId;
        this.scenario = scenario;
        this.onProgress = onProgress;
        getContent().setPadding(false);
        getContent().setWidthFull();
        conversation.addClassName("conversation");
        conversation.getElement().setAttribute("aria-live", "polite");
        choices.addClassName("scenario-replies");
        getContent().add(MarkdownText.of(t(scenario.intro()), "scenario-intro"), conversation, choices);
        render(training.scenarioRun(attemptId, scenario.id()));
    }

    private String t(Text text) {
        return text.in(getLocale());
    }

    private void render(ScenarioRun run) {
        conversation.removeAll();
        choices.removeAll();
        int good = 0;
        for (ScenarioRun.Choice choice : run.choices()) {
            ScenarioStep.Node node = scenario.node(choice.nodeId());
            ScenarioStep.Reply reply = node.replies().get(choice.replyIndex());
            conversation.add(bubble(t(node.says()), "them"), bubble(t(reply.text()), "me"), feedback(reply));
            good += reply.quality() == ScenarioStep.Quality.GOOD ? 1 : 0;
        }
        ScenarioStep.Node at = scenario.node(run.currentNodeId());
        if (at.says() != null) {
            conversation.add(bubble(t(at.says()), "them"));
        }
        if (at.isOutcome()) {
            Div outcome = new Div();
            outcome.addClassNames("scenario-outcome", "quality-" + at.outcome().result().name().toLowerCase(Locale.ROOT));
            outcome.setId("scenario-outcome");
            outcome.add(new H3(getTranslation("player.scenario.outcome." + at.outcome().result().name())),
                    new Paragraph(t(at.outcome().text())),
                    new Paragraph(getTranslation("player.scenario.summary", run.choices().size(), good)));
            Button again = new Button(getTranslation("player.scenario.try-again"), click -> render(training.tryAgain(attemptId, scenario.id())));
            again.setId("scenario-try-again");
            outcome.add(again);
            choices.add(outcome);
        } else {
            Paragraph prompt = new Paragraph(getTranslation("player.scenario.choose"));
            prompt.addClassName("scenario-prompt");
            choices.add(prompt);
            for (int i = 0; i < at.replies().size(); i++) {
                int index = i;
                Button reply = new Button(t(at.replies().get(i).text()),
                        click -> render(training.choose(attemptId, scenario.id(), run.run(), at.id(), index)));
                reply.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
                reply.addClassName("scenario-reply");
                reply.setDisableOnClick(true);
                choices.add(reply);
            }
        }
        onProgress.run();
    }

    private static Div bubble(String text, String who) {
        Div bubble = new Div(new Span(text));
        bubble.addClassNames("bubble", "bubble-" + who);
        return bubble;
    }

    private Div feedback(ScenarioStep.Reply reply) {
        Div feedback = new Div();
        feedback.addClassNames("feedback", "quality-" + reply.quality().name().toLowerCase(Locale.ROOT));
        String labelText = getTranslation("player.quality." + reply.quality().name());
        String text = t(reply.feedback());
        // Feedback that already opens with the verdict ("Goed. Je vraagt…") gets no second one ("Goed. Goed.").
        if (!startsWithVerdict(text, labelText)) {
            Span label = new Span(labelText + " ");
            label.addClassName("feedback-label");
            feedback.add(label);
        }
        feedback.add(new Span(text));
        return feedback;
    }

    static boolean startsWithVerdict(String text, String label) {
        String word = label.replaceAll("[.!:;,\\s]+$", "").toLowerCase(Locale.ROOT);
        String start = text.strip().toLowerCase(Locale.ROOT);
        return !word.isEmpty() && start.startsWith(word) && (start.length() == word.length()
                || !Character.isLetter(start.charAt(word.length())));
    }
}
