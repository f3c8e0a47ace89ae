package nl.omzien.dashboard.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import nl.omzien.certificates.CertificateService;
import nl.omzien.dashboard.DashboardFixture;
import nl.omzien.dashboard.DashboardService;
import nl.omzien.dashboard.PublishedTableCheck;
import nl.omzien.people.Municipality;
import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's filters drive the figures; publication mode hides small groups; who sees which municipality. */
class DashboardViewTest extends KaribuTest {

    @Autowired DSLContext db;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;

    DashboardFixture f;

    @Autowired CertificateService certificates;
    @Autowired DashboardService dashboard;
    @Autowired nl.omzien.dashboard.PartnerService partners;
    @Autowired nl.omzien.campaigns.CampaignService campaigns;
    @Autowired nl.omzien.requests.TrainingRequestService requests;

    @BeforeEach
    void fixture() {
        f = DashboardFixture.create(db, events, tx);
        signInAs(f.leadEmail);
        certificates.revoke(f.certificates.get("p4/" + DashboardFixture.PATH_X), "Verkeerde persoon, fixture");
    }

    private static Select<Municipality> municipalitySelect() {
        return _get(DashboardView.class).municipality;
    }


    private static String figure(String id) {
        return _get(Span.class, spec -> spec.withId("figure-" + id)).getText();
    }

    @SuppressWarnings("unchecked")
    private static <T> Select<T> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    private void period(YearMonth from, YearMonth until) {
        DashboardViewTest.<YearMonth>select("dashboard-from").setValue(from);
        DashboardViewTest.<YearMonth>select("dashboard-until").setValue(until);
    }

    @Test
    void aLeadSeesOnlyTheirMunicipalityAndThePeriodFilterChangesEveryFigure() {
        signInAs(f.leadEmail);
        open("dashboard");
        Select<Municipality> municipality = municipalitySelect();
        assertThat(municipality.isVisible()).isFalse();
        assertThat(municipality.getValue().id()).isEqualTo(f.municipalityId);

        period(YearMonth.of(2025, 1), YearMonth.of(2025, 12));
        assertThat(figure("trained")).isEqualTo("3");
        assertThat(figure("started")).isEqualTo("3");
        assertThat(figure("sessions")).isEqualTo("2");
        assertThat(figure("attendance")).isEqualTo("60,0%");
        assertThat(figure("organisations")).isEqualTo("2");
        assertThat(figure("evaluation")).isEqualTo("8,0");
        assertThat(figure("confidence")).isEqualTo("van 2,0 naar 3,5");
        assertThat(DashboardViewTest.<DashboardView.Period>select("dashboard-period").getValue()).isEqualTo(DashboardView.Period.CUSTOM);

        period(YearMonth.of(2024, 12), YearMonth.of(2024, 12));
        assertThat(figure("trained")).isEqualTo("1");
        assertThat(figure("sessions")).isEqualTo("0");
        assertThat(figure("attendance")).isEqualTo("–");
    }

    @Test
    void openingTheDashboardAgainShowsFiguresChangedMeanwhile_WithTheSameFiltersAndOneSetOfSections() {
        signInAs(f.leadEmail);
        open("dashboard");
        period(YearMonth.of(2025, 1), YearMonth.of(2025, 12));
        assertThat(figure("trained")).isEqualTo("3");
        certificates.revoke(f.certificates.get("p1/" + DashboardFixture.PATH_X), "Verkeerde persoon, opnieuw geopend");
        open("dashboard");
        assertThat(select("dashboard-from").getValue()).isEqualTo(YearMonth.of(2025, 1));
        assertThat(figure("trained")).isEqualTo("2");
        assertThat(_find(HeadlineFigures.class)).hasSize(1);
        assertThat(_find(com.vaadin.flow.component.html.Section.class, spec -> spec.withId("section-effect"))).hasSize(1);
    }

    @Test
    void anEndMonthBeforeTheStartMonthIsRefusedWithAMessageAndKeepsTheLastFigures() {
        signInAs(f.leadEmail);
        open("dashboard");
        period(YearMonth.of(2025, 1), YearMonth.of(2025, 12));
        DashboardViewTest.<YearMonth>select("dashboard-until").setValue(YearMonth.of(2024, 6));
        Select<YearMonth> until = select("dashboard-until");
        assertThat(until.isInvalid()).isTrue();
        assertThat(until.getErrorMessage()).contains("eindmaand");
        assertThat(figure("trained")).isEqualTo("3");
    }

    @Test
    void publicationModeShowsGroupsSmallerThanFiveAsLessThanFive() {
        signInAs(f.leadEmail);
        open("dashboard");
        period(YearMonth.of(2025, 1), YearMonth.of(2025, 12));
        _get(Checkbox.class, spec -> spec.withId("dashboard-publication")).setValue(true);
        assertThat(figure("trained")).isEqualTo("<5");
        assertThat(figure("attendance")).as("3 of 5 seats").isEqualTo("<5");
        assertThat(figure("evaluation")).as("an average of three").isEqualTo("<5");
        assertThat(figure("confidence")).isEqualTo("<5");
        @SuppressWarnings("unchecked")
        Grid<Object> sectors = _get(Grid.class, spec -> spec.withId("table-sector"));
        assertThat(GridKt._getFormattedRow(sectors, 0)).containsExactly("Kapper", "<5");
        List<String> leaks = new ArrayList<>();
        for (Grid<?> grid : _find(Grid.class)) {
            List<String> headers = grid.getColumns().stream().map(c -> headerText(grid, c)).toList();
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < GridKt._size(grid); i++) {
                rows.add(GridKt._getFormattedRow(grid, i));
            }
            leaks.addAll(PublishedTableCheck.leaks(grid.getId().orElse("?"), headers, rows));
        }
        assertThat(leaks).isEmpty();
        // The charts: no bar for a hidden group and no small number written next to one.
        for (Html chart : _find(Html.class)) {
            String svg = chart.getInnerHtml();
            assertThat(svg).as("chart text").doesNotContainPattern(">[1-4]</text>");
        }
        String sectorChart = _find(Html.class).stream().map(Html::getInnerHtml).filter(svg -> svg.contains("Kapper")).findFirst().orElseThrow();
        assertThat(sectorChart).contains("&lt;5").doesNotContain("<rect");

        _get(Checkbox.class, spec -> spec.withId("dashboard-publication")).setValue(false);
        @SuppressWarnings("unchecked")
        Grid<Object> again = _get(Grid.class, spec -> spec.withId("table-sector"));
        assertThat(GridKt._getFormattedRow(again, 0)).containsExactly("Kapper", "2");
    }

    @Test
    void publicationModeShowsNothingOfASmallOrganisationButItsNameOnScreen() {
        dashboard.savePartnerRule(f.municipalityId, 80, 2);
        signInAs(f.leadEmail);
        open("dashboard");
        period(YearMonth.of(2025, 1), YearMonth.of(2025, 12));
        @SuppressWarnings("unchecked")
        Grid<Object> unpublished = _get(Grid.class, spec -> spec.withId("table-organisations"));
        // Karibu prints the partner cell "Ja" + sticker link as its layout.
        assertThat(kapsalonRow(unpublished).getLast()).as("the Kapsalon (2 of 2 staff) is a partner, with a sticker")
                .startsWith("HorizontalLayout");
        _get(Checkbox.class, spec -> spec.withId("dashboard-publication")).setValue(true);
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class, spec -> spec.withId("table-organisations"));
        List<String> headers = grid.getColumns().stream().map(c -> headerText(grid, c)).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(GridKt._getFormattedRow(grid, i).stream().map(DashboardViewTest::cellText).toList());
        }
        assertThat(PublishedTableCheck.leaks("organisations", headers, rows)).isEmpty();
        List<String> kapsalon = kapsalonRow(grid).stream().map(DashboardViewTest::cellText).toList();
        assertThat(kapsalon.subList(3, kapsalon.size())).containsExactly("<5", "<5", "<5", "<5", "", "<5");
        assertThat(kapsalonRow(grid).getLast()).as("no sticker link that gives the partner away").isEqualTo("Span[text='<5']");
    }

    private static List<String> kapsalonRow(Grid<Object> grid) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            List<String> row = GridKt._getFormattedRow(grid, i);
            if (row.getFirst().startsWith("Kapsalon")) {
                return row;
            }
        }
        throw new AssertionError("no Kapsalon row");
    }

    /** A component cell as Karibu prints it ({@code Span[text='<5']}) reduced to its text. */
    private static String cellText(String cell) {
        var text = java.util.regex.Pattern.compile("text='([^']*)'").matcher(cell);
        return text.find() ? text.group(1) : cell;
    }

    private static String headerText(Grid<?> grid, Grid.Column<?> column) {
        return grid.getHeaderRows().getLast().getCell(column).getText();
    }

    @Test
    void tellFiltersTheCommentsByText() {
        signInAs(f.leadEmail);
        open("dashboard");
        period(YearMonth.of(2025, 1), YearMonth.of(2025, 12));
        assertThat(_find(Div.class, spec -> spec.withClasses("comment-card"))).hasSize(3);
        _get(TextField.class, spec -> spec.withId("comments-search")).setValue("oefenen");
        assertThat(_find(Div.class, spec -> spec.withClasses("comment-card"))).hasSize(1);
    }

    @Test
    void anAdminChoosesAllMunicipalitiesOrOne() {
        signInAs(ADMIN);
        open("dashboard");
        Select<Municipality> municipality = municipalitySelect();
        assertThat(municipality.isVisible()).isTrue();
        assertThat(municipality.getValue()).isSameAs(DashboardView.ALL);
        Municipality fixture = municipality.getListDataView().getItems().filter(m -> f.municipalityId.equals(m.id())).findFirst().orElseThrow();
        municipality.setValue(fixture);
        period(YearMonth.of(2025, 1), YearMonth.of(2025, 12));
        assertThat(figure("trained")).isEqualTo("3");
    }

    @Test
    void anotherMunicipalitysLeadDoesNotGetTheFixtureMunicipality() {
        signInAs(LEAD_COEVORDEN);
        open("dashboard");
        Select<Municipality> municipality = municipalitySelect();
        assertThat(municipality.getListDataView().getItems().map(Municipality::id)).doesNotContain(f.municipalityId).hasSize(1);
    }

    @Test
    void thePeriodPresetsAndTheMonthsToChooseFromFollowTheApplicationsClock() {
        signInAs(f.leadEmail);
        // 10 May 2023, far from the computer's date: a preset taken from the system clock would show.
        Clock may2023 = Clock.fixed(Instant.parse("2023-05-10T10:00:00Z"), ZoneId.of("Europe/Amsterdam"));
        UI.getCurrent().add(new DashboardView(dashboard, may2023, campaigns, partners, requests));
        Select<YearMonth> from = select("dashboard-from");
        Select<YearMonth> until = select("dashboard-until");
        assertThat(DashboardViewTest.<DashboardView.Period>select("dashboard-period").getValue()).isEqualTo(DashboardView.Period.THIS_YEAR);
        assertThat(from.getValue()).isEqualTo(YearMonth.of(2023, 1));
        assertThat(until.getValue()).isEqualTo(YearMonth.of(2023, 12));
        assertThat(from.getListDataView().getItems().findFirst()).as("up to a year ahead").contains(YearMonth.of(2024, 5));

        DashboardViewTest.<DashboardView.Period>select("dashboard-period").setValue(DashboardView.Period.LAST_YEAR);
        assertThat(from.getValue()).isEqualTo(YearMonth.of(2022, 1));
        assertThat(until.getValue()).isEqualTo(YearMonth.of(2022, 12));

        DashboardViewTest.<DashboardView.Period>select("dashboard-period").setValue(DashboardView.Period.LAST_12);
        assertThat(from.getValue()).isEqualTo(YearMonth.of(2022, 6));
        assertThat(until.getValue()).isEqualTo(YearMonth.of(2023, 5));
    }
}
