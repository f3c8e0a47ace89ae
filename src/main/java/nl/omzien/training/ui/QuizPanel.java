package nl.omzien.training.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import nl.omzien.training.QuizResult;
import nl.omzien.training.TrainingService;
import nl.omzien.training.content.QuizOrder;
import nl.omzien.training.content.QuizStep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A quiz: answer all, check, read the explanations; retry. Questions and options are shuffled from the
 * first try on, the same way for the same attempt and try ({@link QuizOrder}), so a reload doesn't reshuffle.
 */
class QuizPanel extends Composite<VerticalLayout> {

    private final TrainingService training;
    private final long attemptId;
    private final QuizStep quiz;
    private final int passMark;
    private final Runnable onProgress;
    private int tryNumber;

    QuizPanel(TrainingService training, long attemptId, QuizStep quiz, int passMark, Runnable onProgress) {
        this.training = training;
        this.attemptId = attemptId;
        this.quiz = quiz;
        this.passMark = passMark;
        this.onProgress = onProgress;
        getContent().setPadding(false);
        render();
    }

    private String t(nl.omzien.training.content.Text text) {
        return text.in(getLocale());
    }

    private void render() {
        getContent().removeAll();
        getContent().add(new Paragraph(getTranslation("player.quiz.intro", quiz.questions().size(), passMark)));
        QuizOrder shown = QuizOrder.of(attemptId, quiz.id(), tryNumber);
        Map<QuizStep.Question, AbstractField<?, ?>> fields = new LinkedHashMap<>();
        for (QuizStep.Question question : shown.questions(quiz.questions())) {
            List<Integer> order = shown.options(question);
            // The question is a heading in body text, in full: a field label is cut to one grey line on a phone.
            H3 questionText = new H3(t(question.text()));
            questionText.setId("question-" + question.id() + "-text");
            questionText.addClassName("quiz-question-text");
            getContent().add(questionText);
            AbstractField<?, ?> field;
            if (question.type() == QuizStep.QuestionType.SINGLE) {
                RadioButtonGroup<Integer> group = new RadioButtonGroup<>();
                group.setAriaLabelledBy(questionText.getId().orElseThrow());
                group.setItems(order);
                group.setItemLabelGenerator(i -> t(question.options().get(i).text()));
                field = group;
            } else {
                CheckboxGroup<Integer> group = new CheckboxGroup<>();
                group.setAriaLabelledBy(questionText.getId().orElseThrow());
                group.setItems(order);
                group.setItemLabelGenerator(i -> t(question.options().get(i).text()));
                group.setHelperText(getTranslation("player.quiz.multiple"));
                field = group;
            }
            field.setId("question-" + question.id());
            field.addClassName("quiz-question");
            fields.put(question, field);
            getContent().add(field);
        }
        Div results = new Div();
        results.getElement().setAttribute("aria-live", "polite");
        Button check = new Button(getTranslation("player.quiz.check"));
        check.setId("quiz-check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.setDisableOnClick(true);
        check.addClickListener(click -> {
            Map<String, Set<Integer>> answers = new LinkedHashMap<>();
            boolean complete = true;
            for (var entry : fields.entrySet()) {
                Set<Integer> chosen = chosen(entry.getValue());
                boolean missing = chosen.isEmpty();
                ((HasValidation) entry.getValue()).setInvalid(missing);
                ((HasValidation) entry.getValue()).setErrorMessage(missing ? getTranslation("player.quiz.answer-required") : null);
                complete &= !missing;
                answers.put(entry.getKey().id(), chosen);
            }
            if (!complete) {
                check.setEnabled(true);
                return;
            }
            QuizResult result = training.submitQuiz(attemptId, quiz.id(), answers);
            showResult(result, fields, results);
            check.setVisible(false);
            onProgress.run();
        });
        getContent().add(check, results);
    }

    /** The right options as one sentence: "A; B." rather than "A.; B." when the options end in a full stop. */
    static String correctAnswers(List<String> options) {
        List<String> parts = options.stream().map(o -> o.strip().replaceAll("[.;]+$", "")).toList();
        String joined = String.join("; ", parts);
        return joined.isEmpty() || joined.matches(".*[?!…]$") ? joined : joined + ".";
    }

    @SuppressWarnings("unchecked")
    private static Set<Integer> chosen(AbstractField<?, ?> field) {
        Object value = field.getValue();
        if (value instanceof Integer single) {
            return Set.of(single);
        }
        return value == null ? Set.of() : Set.copyOf((Set<Integer>) value);
    }

    private void showResult(QuizResult result, Map<QuizStep.Question, AbstractField<?, ?>> fields, Div results) {
        fields.forEach((question, field) -> {
            field.setReadOnly(true);
            boolean right = question.isAnsweredCorrectly(result.answers().get(question.id()));
            Div explanation = new Div();
            explanation.addClassNames("feedback", right ? "quality-good" : "quality-poor");
            String correctText = correctAnswers(question.correctOptions().stream().sorted().map(i -> t(question.options().get(i).text())).toList());
            explanation.add(new Paragraph(getTranslation(right ? "player.quiz.right" : "player.quiz.wrong", correctText)),
                    new Paragraph(t(question.explanation())));
            int index = getContent().indexOf(field);
            getContent().addComponentAtIndex(index + 1, explanation);
        });
        Div summary = new Div();
        summary.setId("quiz-result");
        summary.addClassNames("quiz-result", result.passed() ? "quality-good" : "quality-poor");
        summary.add(new Paragraph(getTranslation(result.passed() ? "player.quiz.passed" : "player.quiz.failed",
                result.correct(), result.total(), passMark)));
        if (!result.passed()) {
            Button retry = new Button(getTranslation("player.quiz.retry"), click -> {
                tryNumber++;
                render();
            });
            retry.setId("quiz-retry");
            summary.add(retry);
        }
        results.add(summary);
    }
}
