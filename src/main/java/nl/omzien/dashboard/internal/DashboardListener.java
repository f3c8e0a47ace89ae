package nl.omzien.dashboard.internal;

import nl.omzien.certificates.CertificateIssued;
import nl.omzien.certificates.CertificateRevoked;
import nl.omzien.sessions.SessionAttended;
import nl.omzien.sessions.SessionCancelled;
import nl.omzien.sessions.SessionEvaluated;
import nl.omzien.training.ModuleCompleted;
import nl.omzien.training.ModuleStarted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the dashboard's sums current. Plain synchronous listeners on purpose: they run in the
 * publishing transaction (a certificate issued just before commit included), so a completion and
 * its effect on the figures commit together and show at once. A refresh recomputes the whole
 * contribution of one person or session, so the order and repetition of events do not matter.
 */
@Component
class DashboardListener {

    private final DashboardRefresh refresh;

    DashboardListener(DashboardRefresh refresh) {
        this.refresh = refresh;
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
