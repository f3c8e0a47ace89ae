package nl.omzien.people;

import org.springframework.beans.factory.annotation.Autowired;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import nl.omzien.people.ui.OrganisationsView;
import nl.omzien.test.KaribuTest;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class OrganisationsViewTest extends KaribuTest {

    @Autowired OrganisationService organisations;
    @Autowired MunicipalityService municipalities;

    @SuppressWarnings("unchecked")
    private Grid<Organisation> grid() {
        return _get(Grid.class);
    }

    @Test
    void coalitionLeadSeesOnlyOwnMunicipality() {
        signInAs(LEAD_TWENTERAND);
        open("organisaties");
        Grid<Organisation> grid = grid();
        assertThat(_size(grid)).isPositive();
        for (int row = 0; row < _size(grid); row++) {
            assertThat(_get(grid, row).municipalityName()).isEqualTo("Twenterand");
        }
    }

    @Test
    void emptyFormShowsDutchMessagesAndSavesNothing() {
        signInAs(LEAD_COEVORDEN);
        open("organisaties");
        int before = _size(grid());
        _click(_get(Button.class, spec -> spec.withId("add-organisation")));
        _get(EmailField.class, spec -> spec.withId("organisation-email")).setValue("geen-adres");
        _click(_get(Button.class, spec -> spec.withId("save")));

        TextField name = _get(TextField.class, spec -> spec.withId("organisation-name"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Dit veld is verplicht.");
        assertThat(_get(ComboBox.class, spec -> spec.withId("organisation-sector")).getErrorMessage())
                .isEqualTo("Dit veld is verplicht.");
        assertThat(_get(EmailField.class, spec -> spec.withId("organisation-email")).getErrorMessage())
                .startsWith("Dit is geen geldig e-mailadres.");
        // The lead's own municipality is filled in and cannot be changed.
        ComboBox<?> municipality = _get(ComboBox.class, spec -> spec.withId("organisation-municipality"));
        assertThat(municipality.isReadOnly()).isTrue();
        assertThat(((Municipality) municipality.getValue()).name()).isEqualTo("Coevorden");
        assertThat(_get(Button.class, spec -> spec.withId("save")).isEnabled()).as("save stays usable").isTrue();
        assertThat(_size(grid())).isEqualTo(before);
    }

    @Test
    void leadAddsAnOrganisationInOwnMunicipality() {
        signInAs(LEAD_COEVORDEN);
        open("organisaties");
        int before = _size(grid());
        _click(_get(Button.class, spec -> spec.withId("add-organisation")));
        _get(TextField.class, spec -> spec.withId("organisation-name")).setValue("Bloemenwinkel Het Boeket");
        @SuppressWarnings("unchecked")
        ComboBox<Sector> sector = _get(ComboBox.class, spec -> spec.withId("organisation-sector"));
        sector.setValue(Sector.SHOP);
        _click(_get(Button.class, spec -> spec.withId("save")));
        assertThat(_size(grid())).isEqualTo(before + 1);
    }

    @Test
    void trainerSeesOrganisationsWithoutEditing() {
        signInAs(TRAINER);
        open("organisaties");
        assertThat(_size(grid())).isPositive();
        _assertNone(Button.class, spec -> spec.withId("add-organisation"));
        assertThat(_get(OrganisationsView.class)).isNotNull();
    }

    @Test
    void anOrganisationAddedElsewhereShowsWhenTheLeadOpensTheListAgain() {
        signInAs(LEAD_COEVORDEN);
        open("organisaties");
        int before = _size(grid());

        OrganisationDraft draft = new OrganisationDraft();
        draft.setName("Kerkkoor Zingend Omzien");
        draft.setSector(Sector.SHOP);
        draft.setMunicipality(municipalities.visible().getFirst());
        organisations.save(draft);
        open("organisaties");
        assertThat(_size(grid())).isEqualTo(before + 1);
        assertThat(java.util.stream.IntStream.range(0, _size(grid())).mapToObj(row -> _get(grid(), row).name()))
                .containsOnlyOnce("Kerkkoor Zingend Omzien");
    }
}
