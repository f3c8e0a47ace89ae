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

/** The dashboard's part of the demo story: its read model rebuilt, targets and a partner rule. */
@Component
class DashboardDemoData implements DashboardDemo {

    private static final Logger log = LoggerFactory.getLogger(DashboardDemoData.class);

    private final DSLContext db;
    private final JooqDashboardQuery query;
    private final DashboardRefresh refresh;
    private final Clock clock;

    DashboardDemoData(DSLContext db, JooqDashboardQuery query, DashboardRefresh refresh, Clock clock) {
        this.db = db;
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
}
