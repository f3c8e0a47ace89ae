package nl.omzien.people.chooser;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.shared.Registration;
import nl.omzien.base.MunicipalityId;
import nl.omzien.people.Municipality;

import java.util.List;
import java.util.function.Consumer;

/**
 * The admin's "which municipality" field: an admin works for every municipality and looks at one at a time.
 * The view passes its own element id and label, reads the municipalities itself (on entry or when it is made,
 * as it always did) and picks the rule for what is chosen at first.
 */
public class MunicipalityChooser extends ComboBox<Municipality> {

    public MunicipalityChooser(String id, String label) {
        super(label);
        setId(id);
        setItemLabelGenerator(Municipality::name);
    }

    /** The chosen municipality's id, or null when none is chosen. */
    public MunicipalityId chosenId() {
        return idOf(getValue());
    }

    /** Calls the listener with the newly chosen municipality's id, or null when the field is cleared. */
    public Registration onChoose(Consumer<MunicipalityId> listener) {
        return addValueChangeListener(change -> listener.accept(idOf(change.getValue())));
    }

    /**
     * Offers these municipalities. An admin without a municipality of their own gets the first one chosen, so
     * the page is not empty; one with their own sees theirs, and the field stays empty until they choose.
     *
     * @return the municipality to show: the own one, else the one chosen, else null (none to offer)
     */
    public MunicipalityId offer(List<Municipality> municipalities, MunicipalityId own) {
        setItems(municipalities);
        if (own != null || municipalities.isEmpty()) {
            return own;
        }
        setValue(municipalities.getFirst());
        return chosenId();
    }

    /**
     * Offers these municipalities anew (on a later visit the list may have changed) and keeps the chosen one,
     * matched by id: a renamed municipality is still the one chosen. With none chosen yet, the first; when
     * the chosen one is no longer offered, none.
     */
    public void offerKeeping(List<Municipality> municipalities, MunicipalityId chosen) {
        setItems(municipalities);
        setValue(municipalities.stream().filter(m -> m.id().equals(chosen)).findFirst()
                .orElse(chosen == null && !municipalities.isEmpty() ? municipalities.getFirst() : null));
    }

    private static MunicipalityId idOf(Municipality municipality) {
        return municipality == null ? null : municipality.id();
    }
}
