package nl.omzien.dashboard.internal;

import nl.omzien.dashboard.internal.db.Routines;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Recomputes what one person or session contributes to the dashboard, in the caller's transaction. */
@Component
public class DashboardRefresh {

    private final DSLContext db;

    DashboardRefresh(DSLContext db) {
        this.db = db;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void person(long userId) {
        Routines.dashboardRefresh(db.configuration(), "PERSON", userId);
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void session(long sessionId) {
        Routines.dashboardRefresh(db.configuration(), "SESSION", sessionId);
    }

    /** Everything from the source tables, set-based: demo data, a restore, the national-scale generator. */
    @Transactional
    public void rebuild() {
        Routines.dashboardRebuild(db.configuration());
    }
}
