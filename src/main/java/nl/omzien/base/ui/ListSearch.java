package nl.omzien.base.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The search field above a long list: a visible label "Zoeken", a short hint that fits a phone, and a
 * match on any of an item's texts, ignoring case.
 */
public class ListSearch extends TextField {

    public ListSearch(String id, String hint, Runnable onChange) {
        setLabel(getTranslation("action.search"));
        setPlaceholder(hint);
        setId(id);
        setPrefixComponent(VaadinIcon.SEARCH.create());
        setClearButtonVisible(true);
        setValueChangeMode(ValueChangeMode.LAZY);
        setWidth("min(24rem, 100%)");
        addValueChangeListener(change -> onChange.run());
    }

    /** Whether one of the texts contains what was typed (everything matches an empty field). */
    public boolean matches(String... texts) {
        String typed = getValue().trim().toLowerCase(Locale.ROOT);
        return typed.isEmpty() || Stream.of(texts).filter(Objects::nonNull).anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(typed));
    }
}
