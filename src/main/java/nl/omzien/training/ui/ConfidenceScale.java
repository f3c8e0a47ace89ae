package nl.omzien.training.ui;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.shared.HasValidationProperties;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * One confidence statement answered 1 to 5: Vaadin's radio group, with its five buttons made in the browser.
 *
 * <p>Why not {@code RadioButtonGroup}: it keeps every button and its label as server-side state, 16 state nodes per
 * statement. Three statements were a third of the module's first page, held for as long as the learner's session
 * lives (issue 23: memory per signed-in user). Here the server keeps one node per statement; the browser gets the
 * same components, so keyboard use, labels and looks are Vaadin's own.
 */
@Tag("vaadin-radio-group")
@JsModule("@vaadin/radio-group/src/vaadin-radio-group.js")
@JsModule("@vaadin/radio-group/src/vaadin-radio-button.js")
public class ConfidenceScale extends AbstractSinglePropertyField<ConfidenceScale, Integer>
        implements HasLabel, HasValidationProperties {

    private static final int LOWEST = 1;
    private static final int HIGHEST = 5;

    /** Adds the buttons unless the browser's element has them already (they survive a detach within the page). */
    private static final String ADD_BUTTONS = """
            if (!this.querySelector('vaadin-radio-button')) {
              $0.forEach((label, i) => {
                const button = document.createElement('vaadin-radio-button');
                button.value = String(i + 1);
                button.label = label;
                this.appendChild(button);
              });
            }""";

    ConfidenceScale(String label, IntFunction<String> optionLabel) {
        // The browser sends the value as text: anything but 1..5 is taken as no answer, never as an error.
        super("value", null, String.class, ConfidenceScale::parse, value -> value == null ? "" : value.toString());
        setLabel(label);
        // The server says what is missing (SelfAssessmentForm), so the browser must not mark the field itself.
        getElement().setProperty("manualValidation", true);
        List<String> options = IntStream.rangeClosed(LOWEST, HIGHEST).mapToObj(optionLabel).toList();
        addAttachListener(attach -> getElement().executeJs(ADD_BUTTONS, options));
    }

    private static Integer parse(String text) {
        if (text == null || !text.matches("[0-9]")) {
            return null;
        }
        int value = Integer.parseInt(text);
        return value >= LOWEST && value <= HIGHEST ? value : null;
    }
}
