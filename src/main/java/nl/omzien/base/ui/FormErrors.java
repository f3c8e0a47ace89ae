package nl.omzien.base.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import nl.omzien.base.InvalidInputException;

import java.util.Map;

/** Shows a service's validation messages next to the fields they concern. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(field -> field.setInvalid(false));
    }

    public static void show(InvalidInputException problem, Map<String, ? extends HasValidation> fields) {
        clear(fields);
        boolean focused = false;
        for (var error : problem.errors().entrySet()) {
            HasValidation field = fields.get(error.getKey());
            String message = translate(error.getValue());
            if (field == null) {
                error(message);
                continue;
            }
            field.setErrorMessage(message);
            field.setInvalid(true);
            if (!focused && field instanceof com.vaadin.flow.component.Focusable<?> focusable) {
                focusable.focus();
                focused = true;
            }
        }
    }

    public static void error(String message) {
        Notification notification = Notification.show(message, 6000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static void saved(String message) {
        Notification notification = Notification.show(message, 3000, Notification.Position.BOTTOM_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static String translate(String key) {
        return com.vaadin.flow.component.UI.getCurrent().getTranslation(key);
    }
}
