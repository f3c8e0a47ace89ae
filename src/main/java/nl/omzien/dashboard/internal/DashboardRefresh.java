package nl.omzien.dashboard.internal;

import nl.omzien.sessions.SessionId;
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
    public void session(SessionId sessionId) {
        Routines.dashboardRefresh(db.configuration(), "SESSION", sessionId.value());
    }

    /** A person was created or moved: the dashboard's copy, the staff counts and their figures follow. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void personPlaced(long personId, Long organisationId, Long municipalityId) {
        Routines.dashboardPersonPlaced(db.configuration(), personId, organisationId, municipalityId);
    }

    /** An organisation was created or changed municipality, sector or village. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void organisationPlaced(long organisationId, long municipalityId, String sector, String village) {
        Routines.dashboardOrganisationPlaced(db.configuration(), organisationId, municipalityId, sector, village);
    }

    /**
     * Everything again, set-based (demo data, recovery, the national-scale generator), from the views the
     * people, certificates, training and sessions features publish, never from their tables.
     */
    @Transactional
    public void rebuild() {
        Routines.dashboardRebuild(db.configuration());
    }
}
