package nl.omzien.dashboard.internal;

import nl.omzien.certificates.CertificateIssued;
import nl.omzien.certificates.CertificateRevoked;
import nl.omzien.people.OrganisationChanged;
import nl.omzien.people.PersonPlacementChanged;
import nl.omzien.sessions.SessionAttended;
import nl.omzien.sessions.SessionCancelled;
import nl.omzien.sessions.SessionEvaluated;
import nl.omzien.training.ModuleCompleted;
import nl.omzien.training.ModuleStarted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the dashboard's sums, and its own copy of where people and organisations are, current from the
 * features' events. Plain synchronous listeners on purpose, not {@code @ApplicationModuleListener}: that
 * one runs after the commit in a transaction of its own, so for a moment (and for good if it failed) a
 * committed completion or move would be missing from the figures, where the dashboard promises them at
 * once. In the publishing transaction, a certificate issued just before commit included, the change and its
 * effect on the figures commit together (and roll back together). A refresh recomputes the whole
 * contribution of one person or session and a placement event carries the new state, so the order and
 * repetition of events do not matter.
 */
@Component
class DashboardListener {

    private final DashboardRefresh refresh;

    DashboardListener(DashboardRefresh refresh) {
        this.refresh = refresh;
    }

    @EventListener
    void on(PersonPlacementChanged placed) {
        refresh.personPlaced(placed.personId(), placed.organisationId(), placed.municipalityId());
    }

    @EventListener
    void on(OrganisationChanged changed) {
        refresh.organisationPlaced(changed.organisationId(), changed.municipalityId(), changed.sector(), changed.village());
    }

    @EventListener
    void on(ModuleStarted started) {
        refresh.person(started.userId());
    }

    @EventListener
    void on(ModuleCompleted completed) {
        refresh.person(completed.userId());
    }

    @EventListener
    void on(CertificateIssued issued) {
        refresh.person(issued.userId());
    }

    @EventListener
    void on(CertificateRevoked revoked) {
        refresh.person(revoked.userId());
    }

    @EventListener
    void on(SessionAttended attended) {
        refresh.session(attended.sessionId());
        // Being present can turn "trained online" into "both" (TRAINED_HOW).
        refresh.person(attended.personId());
    }

    /** After sessions and certificates moved the walk-in's rows: both people are counted again. */
    @EventListener
    @org.springframework.core.annotation.Order(10)
    void on(nl.omzien.people.PersonsMerged merged) {
        refresh.person(merged.from());
        refresh.person(merged.into());
    }

    @EventListener
    void on(SessionEvaluated evaluated) {
        refresh.session(evaluated.sessionId());
    }

    @EventListener
    void on(SessionCancelled cancelled) {
        refresh.session(cancelled.sessionId());
    }
}
