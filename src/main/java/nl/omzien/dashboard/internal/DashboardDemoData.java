package nl.omzien.dashboard.internal;

import nl.omzien.dashboard.PartnerRule;
import nl.omzien.dashboard.TargetKind;
import nl.omzien.people.Audience;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;

import static nl.omzien.dashboard.internal.db.Tables.COALITION_TARGET;
import static nl.omzien.people.published.Tables.V_MUNICIPALITY;

/**
 * After the other demo data (people, training history, sessions, a revoked certificate, some of it
 * written straight to the tables): rebuilds the dashboard's read model once and gives the demo
 * coalitions yearly targets and a partner rule, so a coalition lead sees a living dashboard.
 */
@Component
@Order(90)
@ConditionalOnBooleanProperty(name = "omzien.demo-data", matchIfMissing = true)
class DashboardDemoData implements ApplicationRunner {

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
    public void run(ApplicationArguments args) {
        if (db.fetchExists(COALITION_TARGET)) {
            return;
        }
        log.info("Demo data: dashboard targets and read model");
        refresh.rebuild();
        int year = LocalDate.now(clock).getYear();
        db.select(V_MUNICIPALITY.ID, V_MUNICIPALITY.NAME).from(V_MUNICIPALITY).where(V_MUNICIPALITY.NAME.in("Coevorden", "Twenterand"))
                .forEach(m -> {
                    long id = m.value1();
                    boolean coevorden = "Coevorden".equals(m.value2());
                    query.saveTarget(id, year, TargetKind.TRAINED, null, coevorden ? 40 : 25);
                    query.saveTarget(id, year, TargetKind.TRAINED, Audience.SHOP, coevorden ? 15 : 10);
                    query.saveTarget(id, year, TargetKind.ORGANISATIONS, null, coevorden ? 8 : 5);
                    query.saveTarget(id, year, TargetKind.SESSIONS, null, coevorden ? 6 : 4);
                    query.saveTarget(id, year + 1, TargetKind.TRAINED, Audience.SHOP, coevorden ? 150 : 60);
                    query.saveTarget(id, year + 1, TargetKind.ORGANISATIONS, null, coevorden ? 30 : 15);
                    if (coevorden) {
                        query.savePartnerRule(id, new PartnerRule(75, 2));
                    }
                });
    }
}
