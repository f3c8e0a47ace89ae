package nl.omzien.certificates.internal;

import nl.omzien.training.ModuleCompleted;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns a completed module into a certificate when it was the path's last requirement. Runs just
 * before the completing transaction commits, in that transaction: the certificate and the completion
 * are saved together or not at all (no nightly job, never a certificate for missing data).
 */
@Component
class CompletionListener {

    private final CertificateIssuer issuer;

    CompletionListener(CertificateIssuer issuer) {
        this.issuer = issuer;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ModuleCompleted completed) {
        issuer.evaluate(completed.userId());
    }
}
