package nl.omzien.certificates.internal;

import nl.omzien.base.PersonId;
import nl.omzien.people.PersonsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A walk-in joined the account that had their address: their attendance and certificates move to it (a
 * certificate for a path and cycle that account already holds stays with the disabled walk-in, which counts
 * nowhere), and the account may now have completed a path (modules online plus the walk-in's attendance).
 */
@Component
class WalkInCertificatesListener {

    private final JooqCertificateRepository certificates;
    private final CertificateIssuer issuer;

    WalkInCertificatesListener(JooqCertificateRepository certificates, CertificateIssuer issuer) {
        this.certificates = certificates;
        this.issuer = issuer;
    }

    @EventListener
    @Order(2)
    void on(PersonsMerged merged) {
        PersonId from = merged.from();
        PersonId into = merged.into();
        certificates.lockPerson(into);
        certificates.moveToJoinedAccount(from, into);
        issuer.evaluate(into);
    }
}
