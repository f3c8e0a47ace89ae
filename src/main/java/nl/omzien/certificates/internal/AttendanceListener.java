package nl.omzien.certificates.internal;

import nl.omzien.sessions.SessionAttended;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Attendance at a group session can be the last requirement of a learning path ("signaleerder met
 * training", or "signaleerder (groepstraining)" on its own). Runs in the transaction that marks someone present, by a trainer, a lead or the person's
 * own QR check-in: the sessions feature has already checked who may do that, so no role check here.
 */
@Component
class AttendanceListener {

    private final JooqCertificateRepository certificates;
    private final CertificateIssuer issuer;

    AttendanceListener(JooqCertificateRepository certificates, CertificateIssuer issuer) {
        this.certificates = certificates;
        this.issuer = issuer;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(SessionAttended attended) {
        certificates.recordAttendance(attended.personId(), attended.sessionId(), attended.moduleIds(), attended.recordedAt());
        issuer.evaluate(attended.personId());
    }
}
