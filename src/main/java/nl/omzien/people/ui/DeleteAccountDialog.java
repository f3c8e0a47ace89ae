package nl.omzien.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import java.util.Locale;

/**
 * Asks to type a word before an account is deleted, so nobody deletes one by a slip of the thumb. The
 * delete button only works once the word is typed; deletion cannot be undone.
 */
public class DeleteAccountDialog extends Dialog {

    public DeleteAccountDialog(String explanation, Runnable delete) {
        setHeaderTitle(getTranslation("profile.delete.title"));
        setId("delete-dialog");
        String word = getTranslation("profile.delete.word");
        TextField confirmation = new TextField(getTranslation("profile.delete.type", word));
        confirmation.setId("delete-confirmation");
        confirmation.setValueChangeMode(ValueChangeMode.EAGER);
        confirmation.setWidthFull();
        Button confirm = new Button(getTranslation("profile.delete.confirm"));
        confirm.setId("confirm-delete");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setEnabled(false);
        confirm.setDisableOnClick(true);
        confirmation.addValueChangeListener(change -> confirm.setEnabled(matches(change.getValue(), word)));
        confirm.addClickListener(click -> {
            if (!matches(confirmation.getValue(), word)) {
                return;
            }
            delete.run();
            close();
        });
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("cancel-delete");
        add(new Paragraph(explanation), new Paragraph(getTranslation("profile.delete.final")), confirmation);
        getFooter().add(cancel, confirm);
        setWidth("min(32rem, 100vw)");
    }

    private static boolean matches(String typed, String word) {
        return typed != null && typed.trim().toUpperCase(Locale.ROOT).equals(word.toUpperCase(Locale.ROOT));
    }
}
