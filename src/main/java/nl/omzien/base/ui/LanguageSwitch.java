package nl.omzien.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.VaadinSession;
import nl.omzien.base.Translations;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Switches the interface between Dutch and English. Signed-in users also get their choice saved
 * (the listener), so it is remembered on the next visit.
 */
public class LanguageSwitch extends Composite<HorizontalLayout> {

    private Consumer<Locale> onChange = locale -> { };

    public LanguageSwitch() {
        getContent().addClassName("language-switch");
        getContent().add(button("Nederlands", Translations.DUTCH), button("English", Translations.ENGLISH));
    }

    public LanguageSwitch onChange(Consumer<Locale> listener) {
        this.onChange = listener;
        return this;
    }

    private Button button(String label, Locale locale) {
        Button button = new Button(label, click -> {
            VaadinSession.getCurrent().setLocale(locale);
            onChange.accept(locale);
            UI.getCurrent().getPage().reload();
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.getElement().setAttribute("lang", locale.getLanguage());
        return button;
    }
}
