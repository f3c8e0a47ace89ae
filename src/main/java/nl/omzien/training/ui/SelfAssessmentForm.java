package nl.omzien.training.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import nl.omzien.training.SelfAssessment;

import java.util.List;
import java.util.Optional;

/** The three confidence statements, each 1 (not at all) to 5 (very much). */
class SelfAssessmentForm extends Composite<VerticalLayout> {

    private final List<ConfidenceScale> questions;

    SelfAssessmentForm(String idPrefix) {
        getContent().setPadding(false);
        getContent().add(new Paragraph(getTranslation("player.assessment.intro")));
        questions = List.of("recognise", "raise", "refer").stream().map(key -> {
            ConfidenceScale group = new ConfidenceScale(getTranslation("player.assessment." + key),
                    value -> getTranslation("player.assessment.scale." + value));
            group.setRequiredIndicatorVisible(true);
            group.setId(idPrefix + "-" + key);
            group.addClassName("assessment-scale");
            return group;
        }).toList();
        questions.forEach(getContent()::add);
    }

    /** The answers, or empty after marking unanswered statements. */
    Optional<SelfAssessment> value() {
        boolean complete = true;
        for (ConfidenceScale question : questions) {
            boolean missing = question.getValue() == null;
            question.setInvalid(missing);
            question.setErrorMessage(missing ? getTranslation("player.assessment.required") : null);
            complete &= !missing;
        }
        return complete ? Optional.of(new SelfAssessment(questions.get(0).getValue(), questions.get(1).getValue(),
                questions.get(2).getValue())) : Optional.empty();
    }
}
