package nl.omzien.sessions.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.sessions.SessionParticipant;
import nl.omzien.sessions.SessionService;

import java.util.Map;

/** The trainer types in a paper evaluation form (the same questions as online); it is stored as "on paper". */
final class PaperEvaluationDialog extends Dialog {

    PaperEvaluationDialog(SessionService sessions, SessionParticipant participant, Runnable saved) {
        setHeaderTitle(getTranslation("paper-evaluation.title", participant.fullName()));
        IntegerField score = new IntegerField(getTranslation("paper-evaluation.score"));
        score.setId("paper-score");
        score.setMin(1);
        score.setMax(10);
        score.setStepButtonsVisible(true);
        score.setRequiredIndicatorVisible(true);
        TextArea differently = new TextArea(getTranslation("paper-evaluation.do-differently"));
        differently.setId("paper-do-differently");
        differently.setRequiredIndicatorVisible(true);
        differently.setMaxLength(2000);
        TextArea comment = new TextArea(getTranslation("paper-evaluation.comment"));
        comment.setId("paper-comment");
        comment.setMaxLength(2000);
        FormLayout form = new FormLayout(score, differently, comment);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Map<String, HasValidation> fields = Map.of("score", score, "doDifferently", differently, "comment", comment);
        Button save = new Button(getTranslation("paper-evaluation.save"), click -> {
            FormErrors.clear(fields);
            try {
                sessions.enterPaperEvaluation(participant.registrationId(), score.getValue(), differently.getValue(), comment.getValue());
                FormErrors.saved(getTranslation("paper-evaluation.saved", participant.fullName()));
                close();
                saved.run();
            } catch (InvalidInputException problem) {
                if (problem.errors().containsKey("session")) {
                    FormErrors.error(getTranslation(problem.errors().get("session")));
                } else {
                    FormErrors.show(problem, fields);
                }
            }
        });
        save.setId("paper-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.back"), click -> close()), save);
    }
}
