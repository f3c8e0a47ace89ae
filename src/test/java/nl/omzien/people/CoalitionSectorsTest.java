package nl.omzien.people;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.textfield.TextField;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.dashboard.DashboardFilter;
import nl.omzien.dashboard.DashboardFixture;
import nl.omzien.dashboard.DashboardService;
import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.people.internal.db.Tables.ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sectors per coalition (issue 21): a lead adds one, organisation forms offer it, the dashboard counts by it. */
class CoalitionSectorsTest extends KaribuTest {

    @Autowired SectorService sectors;
    @Autowired OrganisationService organisations;
    @Autowired MunicipalityService municipalities;
    @Autowired DashboardService dashboard;
    @Autowired DSLContext db;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;

    private MunicipalityId coevorden() {
        return municipalities.visible().stream().filter(m -> m.name().equals("Coevorden")).findFirst().orElseThrow().id();
    }

    @Test
    void theLeadAddsASectorInTheViewAndTheOrganisationFormOffersIt() {
        signInAs(LEAD_COEVORDEN);
        open("sectoren");
        // The demo coalition's own sector is there already.
        assertThat(_find(ListItem.class).stream().map(li -> li.getElement().getTextRecursively()).toList())
                .anyMatch(text -> text.startsWith("Woningcorporatie"));
        _click(_get(Button.class, spec -> spec.withId("add-sector")));
        _click(_get(Button.class, spec -> spec.withId("sector-save")));
        assertThat(_get(TextField.class, spec -> spec.withId("sector-name-nl")).getErrorMessage()).isEqualTo("Dit veld is verplicht.");
        _get(TextField.class, spec -> spec.withId("sector-name-nl")).setValue("Kapper");
        _get(TextField.class, spec -> spec.withId("sector-name-en")).setValue("Village council");
        @SuppressWarnings("unchecked")
        ComboBox<Audience> audience = _get(ComboBox.class, spec -> spec.withId("sector-audience"));
        audience.setValue(Audience.CHURCH);
        _click(_get(Button.class, spec -> spec.withId("sector-save")));
        assertThat(_get(TextField.class, spec -> spec.withId("sector-name-nl")).getErrorMessage())
                .as("a built-in sector's name").isEqualTo("Deze sector bestaat al.");
        _get(TextField.class, spec -> spec.withId("sector-name-nl")).setValue("Dorpsbelang");
        _click(_get(Button.class, spec -> spec.withId("sector-save")));
        Sector added = sectors.added(coevorden()).stream().filter(s -> s.nameNl().equals("Dorpsbelang")).findFirst().orElseThrow();
        assertThat(added.audience()).isEqualTo(Audience.CHURCH);
        assertThat(added.code()).matches("C[0-9]+");
        assertThat(added.label(Locale.ENGLISH, key -> key)).isEqualTo("Village council");

        open("organisaties");
        _click(_get(Button.class, spec -> spec.withId("add-organisation")));
        @SuppressWarnings("unchecked")
        ComboBox<Sector> sector = _get(ComboBox.class, spec -> spec.withId("organisation-sector"));
        assertThat(sector.getListDataView().getItems().toList()).contains(Sector.SHOP, added);
        assertThat(sector.getItemLabelGenerator().apply(added)).isEqualTo("Dorpsbelang");
        _get(TextField.class, spec -> spec.withId("organisation-name")).setValue("Dorpsbelang Sleen");
        sector.setValue(added);
        _click(_get(Button.class, spec -> spec.withId("save")));
        Organisation saved = organisations.visible().stream().filter(o -> o.name().equals("Dorpsbelang Sleen")).findFirst().orElseThrow();
        assertThat(saved.sector()).isEqualTo(added);
        assertThat(saved.sector().audience()).as("its staff get the church and volunteers variant").isEqualTo(Audience.CHURCH);
    }

    @Test
    void aSectorOfOneMunicipalityCannotBeUsedOrChangedByAnother() {
        signInAs(LEAD_COEVORDEN);
        MunicipalityId coevorden = coevorden();
        Sector housing = sectors.added(coevorden).stream().filter(s -> s.nameNl().equals("Woningcorporatie")).findFirst().orElseThrow();
        signInAs(LEAD_TWENTERAND);
        assertThatThrownBy(() -> sectors.save(coevorden, housing.code(), "Woningbouw", null, Audience.SHOP))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sectors.added(coevorden)).isInstanceOf(AccessDeniedException.class);
        Organisation twenterands = organisations.visible().getFirst();
        OrganisationDraft draft = OrganisationDraft.of(twenterands, municipalities.visible().getFirst());
        draft.setSector(housing);
        assertThatThrownBy(() -> organisations.save(draft)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).containsEntry("sector", "sectors.other-municipality"));
        // The database refuses it too, whatever writes it.
        assertThatThrownBy(() -> db.update(ORGANISATION).set(ORGANISATION.SECTOR, housing.code())
                .where(ORGANISATION.ID.eq(twenterands.id())).execute()).hasMessageContaining("is not a sector of municipality");
        assertThatThrownBy(() -> db.update(ORGANISATION).set(ORGANISATION.SECTOR, "NO_SUCH_SECTOR")
                .where(ORGANISATION.ID.eq(twenterands.id())).execute()).hasMessageContaining("is not a sector of municipality");
    }

    @Test
    void theDashboardBreaksDownByAnAddedSectorByItsName() {
        DashboardFixture f = DashboardFixture.create(db, events, tx);
        signInAs(f.leadEmail);
        Sector council = sectors.save(f.municipalityId, null, "Dorpsraad", "Village council", Audience.CHURCH);
        // The home-care organisation (people trained in 2025) turns out to be the village council.
        OrganisationId homeCare = f.organisations.get("B");
        Organisation organisation = organisations.visible().stream().filter(o -> o.id().equals(homeCare)).findFirst().orElseThrow();
        OrganisationDraft draft = OrganisationDraft.of(organisation, new Municipality(f.municipalityId, f.municipalityName));
        draft.setSector(council);
        organisations.save(draft);

        DashboardFilter year2025 = DashboardFilter.year(f.municipalityId, 2025);
        Map<String, Long> nl = dashboard.bySector(year2025, Locale.of("nl")).stream()
                .collect(Collectors.toMap(b -> b.label(), b -> b.count()));
        assertThat(nl).containsKey("Dorpsraad").containsEntry("Kapper", 2L).doesNotContainKey("Thuiszorg");
        assertThat(dashboard.bySector(year2025, Locale.ENGLISH).stream().map(b -> b.label()).toList()).contains("Village council");
        assertThat(dashboard.organisations(year2025).stream().filter(o -> o.organisationId().equals(homeCare))
                .findFirst().orElseThrow().sector()).isEqualTo(council);
        assertThat(dashboard.tables(year2025, Locale.of("nl"), false).stream().flatMap(t -> t.rows().stream())
                .map(List::toString).toList()).anyMatch(row -> row.contains("Dorpsraad"));
    }

    @Test
    void aSectorAddedElsewhereShowsOnceWhenTheLeadOpensTheSectorsAgain() {
        signInAs(LEAD_COEVORDEN);
        open("sectoren");
        sectors.save(coevorden(), null, "Zangkoor", "Choir", Audience.CHURCH);
        open("sectoren");
        assertThat(_find(ListItem.class).stream().map(li -> li.getElement().getTextRecursively()).filter(text -> text.startsWith("Zangkoor")))
                .hasSize(1);
    }
}
