package nl.omzien.dashboard.internal;

import nl.omzien.certificates.CertificateIssued;
import nl.omzien.dashboard.PartnerService;
import nl.omzien.people.OrganisationChanged;
import nl.omzien.people.PersonPlacementChanged;
import nl.omzien.people.PersonsMerged;
import nl.omzien.sessions.SessionAttended;
import nl.omzien.training.ModuleCompleted;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records "Omzien-partner since" on the day an organisation first meets its coalition's rule (decision
 * 027). Runs just before the commit of any transaction whose events can raise an organisation's trained
 * share (someone trained, someone moved or merged, an organisation moved), so after {@link
 * DashboardListener} updated the counts, in the same transaction and with the application's clock: the
 * record commits with the change that earned it, or not at all.
 */
@Component
class PartnerRecorder {

    private final PartnerService partners;

    PartnerRecorder(PartnerService partners) {
        this.partners = partners;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true,
            classes = {CertificateIssued.class, ModuleCompleted.class, SessionAttended.class, PersonPlacementChanged.class,
                    PersonsMerged.class, OrganisationChanged.class})
    void countsChanged() {
        partners.recordNewPartners();
    }
}
