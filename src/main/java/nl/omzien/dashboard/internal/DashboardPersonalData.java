package nl.omzien.dashboard.internal;

import nl.omzien.base.PersonalDataSection;
import nl.omzien.base.PersonalDataSubject;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.Map;

import static nl.omzien.dashboard.internal.db.Tables.DASHBOARD_COMMENT;
import static nl.omzien.sessions.published.Tables.V_REGISTRATION;
import static org.jooq.impl.DSL.select;

/**
 * The dashboard keeps a copy of evaluation comments for the "tell" list. After the sessions feature has
 * erased a person's free text, the sessions they evaluated are recomputed, so the copy loses it too;
 * their scores keep counting. Whose registrations they were comes from the view sessions publishes.
 */
@Component
class DashboardPersonalData implements PersonalDataSection {

    private final DSLContext db;
    private final DashboardRefresh refresh;

    DashboardPersonalData(DSLContext db, DashboardRefresh refresh) {
        this.db = db;
        this.refresh = refresh;
    }

    @Override
    public String name() {
        return "dashboard";
    }

    @Override
    public Map<String, ?> export(PersonalDataSubject subject) {
        return Map.of("dashboard_comment", db.select(DASHBOARD_COMMENT.SESSION_TITLE, DASHBOARD_COMMENT.SESSION_ON,
                        DASHBOARD_COMMENT.SCORE, DASHBOARD_COMMENT.DO_DIFFERENTLY, DASHBOARD_COMMENT.COMMENT,
                        DASHBOARD_COMMENT.ANSWERED_AT)
                .from(DASHBOARD_COMMENT).where(DASHBOARD_COMMENT.REGISTRATION_ID.in(
                        select(V_REGISTRATION.ID).from(V_REGISTRATION).where(V_REGISTRATION.USER_ID.eq(subject.userId()))))
                .orderBy(DASHBOARD_COMMENT.ANSWERED_AT).fetchMaps());
    }

    @Override
    public void erase(PersonalDataSubject subject) {
        db.selectDistinct(V_REGISTRATION.SESSION_ID).from(V_REGISTRATION).where(V_REGISTRATION.USER_ID.eq(subject.userId()))
                .fetch(V_REGISTRATION.SESSION_ID).forEach(refresh::session);
    }

    /** After the sessions feature (-100) has erased the texts this copies, before the account row (1000). */
    @Override
    public int erasureOrder() {
        return 0;
    }
}
