package nl.omzien.dashboard;

import nl.omzien.base.OrganisationId;

import nl.omzien.base.MunicipalityId;

import nl.omzien.certificates.CertificateService;
import nl.omzien.dashboard.internal.DashboardRefresh;
import nl.omzien.people.Audience;
import nl.omzien.people.Municipality;
import nl.omzien.people.OrganisationDirectory;
import nl.omzien.people.OrganisationDraft;
import nl.omzien.people.OrganisationService;
import nl.omzien.people.UserAccountService;
import nl.omzien.people.UserDraft;
import nl.omzien.people.Sector;
import nl.omzien.test.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static nl.omzien.people.internal.db.Tables.MUNICIPALITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Every dashboard figure against answers computed by hand from {@link DashboardFixture} for 2025:
 * certificates on 31 Dec 2024 / 1 Jan 2025 / 31 Dec 2025 / 1 Jan 2026, module starts half an hour
 * either side of New Year in Amsterdam, and one certificate revoked by the lead through the real service.
 */
class DashboardFiguresTest extends IntegrationTest {

    @Autowired DSLContext db;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired DashboardService dashboard;
    @Autowired CertificateService certificates;
    @Autowired DashboardRefresh refresh;
    @Autowired UserDetailsService accounts;
    @Autowired UserAccountService users;
    @Autowired OrganisationService organisationService;
    @Autowired OrganisationDirectory organisationDirectory;

    DashboardFixture f;
    DashboardFilter year2025;

    @BeforeEach
    void fixture() {
        f = DashboardFixture.create(db, events, tx);
        year2025 = DashboardFilter.year(f.municipalityId, 2025);
        signInAs(f.leadEmail);
        certificates.revoke(f.certificates.get("p4/" + DashboardFixture.PATH_X), "Verkeerde persoon, fixture");
        dashboard.savePartnerRule(f.municipalityId, 80, 2);
        dashboard.saveTarget(f.municipalityId, 2025, TargetKind.TRAINED, null, 10);
        dashboard.saveTarget(f.municipalityId, 2025, TargetKind.TRAINED, Audience.SHOP, 4);
        dashboard.saveTarget(f.municipalityId, 2025, TargetKind.ORGANISATIONS, null, 5);
        dashboard.saveTarget(f.municipalityId, 2025, TargetKind.SESSIONS, null, 4);
        dashboard.saveTarget(f.municipalityId, 2024, TargetKind.SESSIONS, null, 1);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void signInAs(String email) {
        var user = accounts.loadUserByUsername(email);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @Test
    void headlineFiguresMatchTheHandComputedAnswers() {
        DashboardFigures figures = dashboard.figures(year2025);
        // p1 (10 Mar), p2 (1 Jan), p5 (31 Dec); not p3 (first on 31 Dec 2024), p4 (revoked), p6 (1 Jan 2026).
        assertThat(figures.trained()).isEqualTo(3);
        // p1 (Feb), p7 (Apr), p5 (31 Dec 23:30 Amsterdam); not p2 (Dec 2024), p6 (1 Jan 00:30 Amsterdam = 2025 in UTC).
        assertThat(figures.started()).isEqualTo(3);
        // May and September; not October (nobody present), November (cancelled), January 2026.
        assertThat(figures.sessionsHeld()).isEqualTo(2);
        assertThat(figures.seats()).isEqualTo(5);
        assertThat(figures.present()).isEqualTo(3);
        assertThat(figures.attendanceRate().getAsDouble()).isCloseTo(0.6, within(1e-9));
        // Kapsalon (from 1 Jan 2025) and Thuiszorg (from 31 Dec 2024); the bakery has nobody trained.
        assertThat(figures.organisationsReached()).isEqualTo(2);
        assertThat(figures.averageEvaluation().getAsDouble()).isCloseTo(8.0, within(1e-9));
        // p1 6 -> 12 and p2 6 -> 9: 12/6 = 2.0 before, 21/6 = 3.5 after.
        assertThat(figures.confidenceBefore().getAsDouble()).isCloseTo(2.0, within(1e-9));
        assertThat(figures.confidenceAfter().getAsDouble()).isCloseTo(3.5, within(1e-9));
        assertThat(figures.confidenceChange().getAsDouble()).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void periodBoundariesCountTheDayOnTheirOwnSide() {
        var december2024 = new DashboardFilter(f.municipalityId, YearMonth.of(2024, 12), YearMonth.of(2024, 12));
        assertThat(dashboard.figures(december2024).trained()).isEqualTo(1);
        assertThat(dashboard.figures(december2024).organisationsReached()).isEqualTo(1);
        var january2026 = new DashboardFilter(f.municipalityId, YearMonth.of(2026, 1), YearMonth.of(2026, 1));
        assertThat(dashboard.figures(january2026).trained()).isEqualTo(1);
        assertThat(dashboard.figures(january2026).started()).isEqualTo(1);
        assertThat(dashboard.figures(january2026).sessionsHeld()).isEqualTo(1);
    }

    @Test
    void breakdownsBySectorVillagePathAndModule() {
        assertThat(counts(dashboard.bySector(year2025, Locale.of("nl"))))
                .isEqualTo(Map.of(Sector.HAIRDRESSER.name(), 2L, Sector.HOME_CARE.name(), 1L));
        assertThat(dashboard.bySector(year2025, Locale.of("nl")).getFirst().label()).isEqualTo("Kapper");
        assertThat(counts(dashboard.byVillage(year2025))).isEqualTo(Map.of("Dalen", 2L, "Sleen", 1L));
        assertThat(counts(dashboard.byPath(year2025, Locale.of("nl"))))
                .isEqualTo(Map.of(DashboardFixture.PATH_X, 3L, DashboardFixture.PATH_Y, 1L));
        assertThat(dashboard.byPath(year2025, Locale.of("nl")).getFirst().label()).isEqualTo("Signaleerder eenzaamheid");
        assertThat(counts(dashboard.byModule(year2025, Locale.of("nl")))).isEqualTo(Map.of(f.moduleId, 2L));
    }

    private static Map<String, Long> counts(List<Breakdown> rows) {
        return rows.stream().collect(Collectors.toMap(Breakdown::key, Breakdown::count));
    }

    @Test
    void overTimePerMonthQuarterAndYearWithTheCumulativeLineStartingFromEarlierYears() {
        List<TimePoint> months = dashboard.overTime(year2025, Granularity.MONTH);
        assertThat(months).hasSize(12);
        assertThat(months.get(0)).isEqualTo(new TimePoint(LocalDate.of(2025, 1, 1), 1, 2));
        assertThat(months.get(1)).isEqualTo(new TimePoint(LocalDate.of(2025, 2, 1), 0, 2));
        assertThat(months.get(2)).isEqualTo(new TimePoint(LocalDate.of(2025, 3, 1), 1, 3));
        assertThat(months.get(11)).isEqualTo(new TimePoint(LocalDate.of(2025, 12, 1), 1, 4));
        assertThat(dashboard.overTime(year2025, Granularity.QUARTER)).containsExactly(
                new TimePoint(LocalDate.of(2025, 1, 1), 2, 3), new TimePoint(LocalDate.of(2025, 4, 1), 0, 3),
                new TimePoint(LocalDate.of(2025, 7, 1), 0, 3), new TimePoint(LocalDate.of(2025, 10, 1), 1, 4));
        assertThat(dashboard.overTime(year2025, Granularity.YEAR)).containsExactly(new TimePoint(LocalDate.of(2025, 1, 1), 3, 4));
    }

    @Test
    void organisationsTableWithShareLastDateAndThePartnerRule() {
        Map<OrganisationId, OrganisationFigures> rows = dashboard.organisations(year2025).stream()
                .collect(Collectors.toMap(OrganisationFigures::organisationId, o -> o));
        assertThat(rows).hasSize(3);
        OrganisationFigures a = rows.get(f.organisations.get("A"));
        assertThat(List.of(a.trainedInPeriod(), a.trainedTotal(), a.registeredStaff())).containsExactly(2L, 2L, 2L);
        assertThat(a.lastTrainedOn()).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(a.partner()).isTrue();
        OrganisationFigures b = rows.get(f.organisations.get("B"));
        // p3, p5, p6 live (p4 revoked): 3 of 4 = 75%, below this coalition's 80%.
        assertThat(List.of(b.trainedInPeriod(), b.trainedTotal(), b.registeredStaff())).containsExactly(1L, 3L, 4L);
        assertThat(b.shareTrained().getAsDouble()).isCloseTo(0.75, within(1e-9));
        assertThat(b.lastTrainedOn()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(b.partner()).isFalse();
        OrganisationFigures c = rows.get(f.organisations.get("C"));
        assertThat(List.of(c.trainedInPeriod(), c.trainedTotal(), c.registeredStaff())).containsExactly(0L, 0L, 1L);
        assertThat(c.lastTrainedOn()).isNull();
        assertThat(c.partner()).isFalse();

        dashboard.savePartnerRule(f.municipalityId, 75, 3);
        assertThat(dashboard.organisations(year2025).stream().filter(OrganisationFigures::partner).map(OrganisationFigures::organisationId))
                .containsExactly(f.organisations.get("B"));
    }

    @Test
    void targetsOfThePeriodsYearsShowWhatWasReached() {
        Map<String, Long> reached = dashboard.targets(year2025).stream().collect(Collectors.toMap(
                p -> p.target().kind() + "/" + p.target().audience(), TargetProgress::reached));
        assertThat(reached).isEqualTo(Map.of("TRAINED/null", 3L, "TRAINED/SHOP", 2L, "ORGANISATIONS/null", 2L, "SESSIONS/null", 2L));
    }

    @Test
    void tellShowsTheNewestCommentsOfThePeriodFilteredByTextAndScore() {
        List<EvaluationComment> all = dashboard.comments(year2025, CommentFilter.ALL);
        assertThat(all).extracting(EvaluationComment::score).containsExactly(10, 6, 8);
        assertThat(all.getFirst().sessionTitle()).isEqualTo("Training Fixture september");
        assertThat(all.getFirst().sessionOn()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(dashboard.comments(year2025, new CommentFilter("OEFENEN", 1, 10))).extracting(EvaluationComment::comment)
                .containsExactly("Heel leerzaam");
        assertThat(dashboard.comments(year2025, new CommentFilter(null, 9, 10))).extracting(EvaluationComment::score).containsExactly(10);
    }

    @Test
    void aNewCompletionAndARevocationChangeTheFiguresAtOnce() {
        tx.executeWithoutResult(s -> f.certificate("p7", DashboardFixture.PATH_X, LocalDate.of(2025, 7, 7)));
        assertThat(dashboard.figures(year2025).trained()).isEqualTo(4);
        assertThat(dashboard.figures(year2025).organisationsReached()).isEqualTo(3);
        certificates.revoke(f.certificates.get("p7/" + DashboardFixture.PATH_X), "Toch niet afgerond, fixture");
        assertThat(dashboard.figures(year2025).trained()).isEqualTo(3);
        assertThat(dashboard.figures(year2025).organisationsReached()).isEqualTo(2);
    }

    @Test
    void rebuildingFromTheSourceTablesGivesTheSameFiguresAsTheIncrementalUpdates() {
        var before = List.of(dashboard.figures(year2025), dashboard.bySector(year2025, Locale.ENGLISH),
                dashboard.organisations(year2025), dashboard.overTime(year2025, Granularity.MONTH), dashboard.comments(year2025, CommentFilter.ALL));
        refresh.rebuild();
        var after = List.of(dashboard.figures(year2025), dashboard.bySector(year2025, Locale.ENGLISH),
                dashboard.organisations(year2025), dashboard.overTime(year2025, Granularity.MONTH), dashboard.comments(year2025, CommentFilter.ALL));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void peopleAndOrganisationsMovingChangeTheFiguresAtOnceAndAsARebuildWould() {
        MunicipalityId elsewhere = db.insertInto(MUNICIPALITY).set(MUNICIPALITY.NAME, "Elders " + f.municipalityName)
                .returning(MUNICIPALITY.ID).fetchOne().getId();
        var elsewhere2024 = DashboardFilter.year(elsewhere, 2024);
        var here2024 = DashboardFilter.year(f.municipalityId, 2024);
        signInAs(ADMIN);
        assertThat(dashboard.figures(here2024).trained()).isEqualTo(1);

        // p5 (trained 31 Dec 2025) moves from the care organisation to the bakery, through the people feature,
        // whose event is all the dashboard hears of it.
        var p5 = UserDraft.of(users.open(f.people.get("p5")), organisationDirectory.find(f.organisations.get("C")).orElseThrow(), null);
        users.save(p5);
        assertThat(counts(dashboard.bySector(year2025, Locale.ENGLISH)))
                .isEqualTo(Map.of(Sector.HAIRDRESSER.name(), 2L, Sector.BAKERY.name(), 1L));
        Map<OrganisationId, OrganisationFigures> rows = dashboard.organisations(year2025).stream()
                .collect(Collectors.toMap(OrganisationFigures::organisationId, o -> o));
        OrganisationFigures care = rows.get(f.organisations.get("B"));
        assertThat(List.of(care.trainedInPeriod(), care.trainedTotal(), care.registeredStaff())).containsExactly(0L, 2L, 3L);
        OrganisationFigures bakery = rows.get(f.organisations.get("C"));
        assertThat(List.of(bakery.trainedInPeriod(), bakery.trainedTotal(), bakery.registeredStaff())).containsExactly(1L, 1L, 2L);

        // The hairdresser becomes a supermarket in another village; the care organisation moves municipality.
        var hairdresser = organisationDraft("A", new Municipality(f.municipalityId, f.municipalityName));
        hairdresser.setSector(Sector.SUPERMARKET);
        hairdresser.setVillage("Aalden");
        organisationService.save(hairdresser);
        organisationService.save(organisationDraft("B", new Municipality(elsewhere, "Elders " + f.municipalityName)));
        assertThat(counts(dashboard.bySector(year2025, Locale.ENGLISH)))
                .isEqualTo(Map.of(Sector.SUPERMARKET.name(), 2L, Sector.BAKERY.name(), 1L));
        assertThat(counts(dashboard.byVillage(year2025))).isEqualTo(Map.of("Aalden", 2L));
        // p3's certificate of 31 Dec 2024 now counts in the other municipality.
        assertThat(dashboard.figures(here2024).trained()).isZero();
        assertThat(dashboard.figures(elsewhere2024).trained()).isEqualTo(1);
        assertThat(counts(dashboard.bySector(elsewhere2024, Locale.ENGLISH))).isEqualTo(Map.of(Sector.HOME_CARE.name(), 1L));
        assertThat(dashboard.organisations(elsewhere2024)).extracting(OrganisationFigures::organisationId)
                .containsExactly(f.organisations.get("B"));
        assertThat(dashboard.organisations(year2025)).extracting(OrganisationFigures::organisationId)
                .doesNotContain(f.organisations.get("B"));

        var before = List.of(dashboard.figures(year2025), dashboard.figures(here2024), dashboard.figures(elsewhere2024),
                dashboard.bySector(year2025, Locale.ENGLISH), dashboard.bySector(elsewhere2024, Locale.ENGLISH),
                dashboard.byVillage(year2025), dashboard.organisations(year2025), dashboard.organisations(elsewhere2024));
        refresh.rebuild();
        var after = List.of(dashboard.figures(year2025), dashboard.figures(here2024), dashboard.figures(elsewhere2024),
                dashboard.bySector(year2025, Locale.ENGLISH), dashboard.bySector(elsewhere2024, Locale.ENGLISH),
                dashboard.byVillage(year2025), dashboard.organisations(year2025), dashboard.organisations(elsewhere2024));
        assertThat(after).isEqualTo(before);
    }

    private OrganisationDraft organisationDraft(String key, Municipality municipality) {
        return OrganisationDraft.of(organisationDirectory.find(f.organisations.get(key)).orElseThrow(), municipality);
    }

    @Test
    void aLeadOfAnotherMunicipalityAndAParticipantAreRefused() {
        signInAs(LEAD_COEVORDEN);
        assertThatThrownBy(() -> dashboard.figures(year2025)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dashboard.figures(new DashboardFilter(null, year2025.from(), year2025.until()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dashboard.savePartnerRule(f.municipalityId, 50, 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dashboard.partnerSticker(f.organisations.get("A"), Locale.of("nl"))).isInstanceOf(AccessDeniedException.class);
        signInAs(PARTICIPANT);
        assertThatThrownBy(() -> dashboard.figures(year2025)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAdminSeesAnyMunicipalityAndAllTogether() {
        signInAs(ADMIN);
        assertThat(dashboard.figures(year2025).trained()).isEqualTo(3);
        assertThat(dashboard.figures(new DashboardFilter(null, year2025.from(), year2025.until())).trained()).isGreaterThanOrEqualTo(3);
        assertThat(dashboard.municipalities()).extracting(m -> m.id()).contains(f.municipalityId);
    }
}
