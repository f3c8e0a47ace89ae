package nl.omzien.dashboard.internal;

import nl.omzien.dashboard.DashboardDemo;
import nl.omzien.dashboard.PartnerRule;
import nl.omzien.dashboard.TargetKind;
import nl.omzien.people.Audience;
import nl.omzien.people.DemoPeople;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static nl.omzien.dashboard.internal.db.Tables.COALITION_TARGET;
import static nl.omzien.dashboard.internal.db.Tables.PARTNER;

/** The dashboard's part of the demo story: its read model rebuilt, targets and a partner rule. */
@Component
class DashboardDemoData implements DashboardDemo {

    private static final Logger log = LoggerFactory.getLogger(DashboardDemoData.class);

    private final DSLContext db;
    private final JooqDashboardQuery query;
    private final DashboardRefresh refresh;
    private final Clock clock;
    private final nl.omzien.dashboard.PartnerService partners;
    private final JooqPartnerQuery partnerRecords;

    DashboardDemoData(DSLContext db, JooqDashboardQuery query, DashboardRefresh refresh, Clock clock,
                      nl.omzien.dashboard.PartnerService partners, JooqPartnerQuery partnerRecords) {
        this.db = db;
        this.partners = partners;
        this.partnerRecords = partnerRecords;
        this.query = query;
        this.refresh = refresh;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void targetsAndReadModel(DemoPeople people) {
        if (db.fetchExists(COALITION_TARGET)) {
            return;
        }
        log.info("Demo data: dashboard targets and read model");
        refresh.rebuild();
        int year = LocalDate.now(clock).getYear();
        List.of("Coevorden", "Twenterand").forEach(name -> people.municipality(name).ifPresent(id -> {
            boolean coevorden = "Coevorden".equals(name);
            query.saveTarget(id, year, TargetKind.TRAINED, null, coevorden ? 40 : 25);
            query.saveTarget(id, year, TargetKind.TRAINED, Audience.SHOP, coevorden ? 15 : 10);
            query.saveTarget(id, year, TargetKind.ORGANISATIONS, null, coevorden ? 8 : 5);
            query.saveTarget(id, year, TargetKind.SESSIONS, null, coevorden ? 6 : 4);
            query.saveTarget(id, year + 1, TargetKind.TRAINED, Audience.SHOP, coevorden ? 150 : 60);
            query.saveTarget(id, year + 1, TargetKind.ORGANISATIONS, null, coevorden ? 30 : 15);
            if (coevorden) {
                query.savePartnerRule(id, new PartnerRule(75, 2));
            }
        }));
    }

    @Override
    @Transactional
    public void partnersOneLapsed(DemoPeople people) {
        LocalDate today = LocalDate.now(clock);
        if (db.fetchExists(PARTNER, PARTNER.SINCE.lt(today))) {
            return;
        }
        log.info("Demo data: Omzien-partners, one of them lapsed");
        partners.recordNewPartners();
        java.util.Map<nl.omzien.base.MunicipalityId, PartnerRule> rules = query.partnerRules();
        List<JooqDashboardQuery.OrganisationRow> rows = people.municipalities().values().stream()
                .flatMap(m -> query.organisations(m, today, today).stream()).toList();
        var states = partners.states(rows, rules);
        if (states.values().stream().noneMatch(st -> st == nl.omzien.dashboard.PartnerState.PARTNER)) {
            // No demo organisation meets its rule: the coalition of the best-trained one sets its share at that
            // organisation's (a coalition starting out with a lower bar), so the story has a partner to show.
            rows.stream().filter(r -> r.trainedTotal() > 0 && r.staff() > 0)
                    .max(java.util.Comparator.comparingDouble(r -> (double) r.trainedTotal() / r.staff()))
                    .ifPresent(best -> query.savePartnerRule(best.municipalityId(),
                            new PartnerRule((int) Math.max(1, Math.min(100, best.trainedTotal() * 100 / best.staff())), 1)));
            partners.recordNewPartners();
            rules = query.partnerRules();
            states = partners.states(rows, rules);
        }
        var finalStates = states;
        // A partner for 14 months (the rule is met now): valid for another 10 of the default 24.
        var current = rows.stream().map(JooqDashboardQuery.OrganisationRow::id)
                .filter(id -> finalStates.get(id) == nl.omzien.dashboard.PartnerState.PARTNER).findFirst();
        current.ifPresent(id -> partnerRecords.setPeriod(id, today.minusMonths(14), today.minusMonths(14).plusMonths(24).minusDays(1)));
        // Lapsed: recognised 26 months ago, valid until two months ago; the lead renews it if the rule is met.
        people.organisation("Bakkerij Van der Veen").filter(id -> !current.equals(java.util.Optional.of(id)))
                .or(() -> rows.stream().map(JooqDashboardQuery.OrganisationRow::id).filter(id -> !current.equals(java.util.Optional.of(id))).findFirst())
                .ifPresent(id -> {
                    LocalDate since = today.minusMonths(26);
                    partnerRecords.insert(id, java.util.UUID.randomUUID().toString().replace("-", ""), since, since.plusMonths(24).minusDays(1));
                    partnerRecords.setPeriod(id, since, since.plusMonths(24).minusDays(1));
                });
    }
}
