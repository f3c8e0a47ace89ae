package nl.omzien.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import nl.omzien.training.HelpKind;
import nl.omzien.training.ReferralAction;
import nl.omzien.training.ReferralService;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * "Ik heb iemand doorverwezen" in two taps: what (noticed / referred), then which kind of help. Buttons only,
 * no text field: nothing about the resident can be written down (decision 025). The first tap makes the tap's
 * key; every click of the second tap carries it, so a double click counts once (unique key in the database)
 * besides the buttons disabling themselves on the first click.
 */
public class ReferralTally extends Div {

    /** Records one tap; false when its key was recorded already. */
    @FunctionalInterface
    public interface Recorder {
        boolean record(UUID tapKey, ReferralAction action, HelpKind kind);
    }

    private final Recorder recorder;
    private final Div step = new Div();
    private final Paragraph status = new Paragraph();

    public ReferralTally(Recorder recorder) {
        this.recorder = recorder;
        setId("referral-tally");
        addClassName("referral-tally");
        H2 title = new H2(getTranslation("referral.title"));
        title.setId("referral-title");
        status.setId("referral-status");
        status.getElement().setAttribute("role", "status");
        add(title, new Paragraph(getTranslation("referral.intro")), step, status);
        first();
    }

    private void first() {
        step.removeAll();
        FlexLayout buttons = group("referral-title");
        for (ReferralAction action : ReferralAction.values()) {
            Button button = new Button(getTranslation("referral.action." + action), click -> second(action));
            button.setId("referral-" + action.name().toLowerCase());
            buttons.add(button);
        }
        step.add(buttons);
    }

    private void second(ReferralAction action) {
        UUID key = ReferralService.newTapKey();
        status.setText("");
        step.removeAll();
        Paragraph question = new Paragraph(getTranslation("referral.which." + action));
        question.setId("referral-which");
        FlexLayout buttons = group("referral-which");
        List<Button> kinds = new ArrayList<>();
        for (HelpKind kind : HelpKind.values()) {
            Button button = new Button(getTranslation("help-kind." + kind));
            button.setId("referral-kind-" + kind.name().toLowerCase());
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            button.setDisableOnClick(true);
            button.addClickListener(click -> {
                kinds.forEach(b -> b.setEnabled(false));
                recorder.record(key, action, kind);
                status.setText(getTranslation("referral.thanks"));
                first();
            });
            kinds.add(button);
            buttons.add(button);
        }
        Button back = new Button(getTranslation("referral.back"), click -> first());
        back.setId("referral-back");
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        buttons.add(back);
        step.add(question, buttons);
    }

    private static FlexLayout group(String labelledBy) {
        FlexLayout buttons = new FlexLayout();
        buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        buttons.addClassName("referral-buttons");
        buttons.getElement().setAttribute("role", "group");
        buttons.getElement().setAttribute("aria-labelledby", labelledBy);
        return buttons;
    }
}
