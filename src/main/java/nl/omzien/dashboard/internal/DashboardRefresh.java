package nl.omzien.dashboard.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.base.PersonId;

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
    public void person(PersonId userId) {
        Routines.dashboardRefresh(db.configuration(), "PERSON", userId.value());
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void session(SessionId sessionId) {
        Routines.dashboardRefresh(db.configuration(), "SESSION", sessionId.value());
    }

    /** A person was created or moved: the dashboard's copy, the staff counts and their figures follow. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void personPlaced(PersonId personId, OrganisationId organisationId, MunicipalityId municipalityId) {
        // The read model's routines take plain numbers (its tables use 0 for "all"); null stays null.
        Routines.dashboardPersonPlaced(db.configuration(), personId.value(),
                organisationId == null ? null : organisationId.value(), municipalityId == null ? null : municipalityId.value());
    }

    /** An organisation was created or changed municipality, sector or village. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void organisationPlaced(OrganisationId organisationId, MunicipalityId municipalityId, String sector, String village) {
        Routines.dashboardOrganisationPlaced(db.configuration(), organisationId.value(), municipalityId.value(), sector, village);
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
