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
        List<nl.omzien.base.OrganisationId> recorded = db.select(PARTNER.ORGANISATION_ID).from(PARTNER).orderBy(PARTNER.ORGANISATION_ID)
                .fetch(PARTNER.ORGANISATION_ID);
        // A partner for 14 months: valid for another 10 (the default 24 months).
        recorded.stream().findFirst().ifPresent(id -> partnerRecords.setPeriod(id, today.minusMonths(14), today.minusMonths(14).plusMonths(24).minusDays(1)));
        // Lapsed: recognised 26 months ago, valid until two months ago; the lead could renew it if the rule is met.
        people.organisation("Bakkerij Van der Veen").filter(id -> !recorded.contains(id))
                .or(() -> people.organisations().stream().map(DemoPeople.Organisation::id).filter(id -> !recorded.contains(id)).findFirst())
                .or(() -> recorded.stream().skip(1).findFirst())
                .ifPresent(id -> {
                    LocalDate since = today.minusMonths(26);
                    partnerRecords.insert(id, java.util.UUID.randomUUID().toString().replace("-", ""), since, since.plusMonths(24).minusDays(1));
                    partnerRecords.setPeriod(id, since, since.plusMonths(24).minusDays(1));
                });
    }
}
