package nl.omzien.certificates.internal;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

import static nl.omzien.people.published.Tables.V_PERSON;
import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE;

/**
 * The demo certificates themselves come from the demo training history: its ModuleCompleted events go
 * through {@link CompletionListener} like real ones. This adds what history cannot: one certificate
 * revoked by the Coevorden coalition lead, so the verify page's "revoked" state can be seen.
 * Runs after the training demo data, once (while nothing has been revoked).
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty(name = "omzien.demo-data", matchIfMissing = true)
class CertificatesDemoData implements ApplicationRunner {

    static final String REVOKED_HOLDER = "kees.brouwer@demo.example";
    static final String LEAD = "coalitie@coevorden.example";
    private static final Logger log = LoggerFactory.getLogger(CertificatesDemoData.class);

    private final DSLContext db;
    private final JooqCertificateRepository certificates;
    private final Clock clock;

    CertificatesDemoData(DSLContext db, JooqCertificateRepository certificates, Clock clock) {
        this.db = db;
        this.certificates = certificates;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (db.fetchExists(CERTIFICATE, CERTIFICATE.STATUS.eq(StoredCertificateStatus.REVOKED))) {
            return;
        }
        var holder = db.select(CERTIFICATE.ID).from(CERTIFICATE).join(V_PERSON).on(V_PERSON.ID.eq(CERTIFICATE.USER_ID))
                .where(V_PERSON.EMAIL.eq(REVOKED_HOLDER), CERTIFICATE.STATUS.eq(StoredCertificateStatus.ISSUED)).limit(1).fetchOptional(CERTIFICATE.ID);
        var lead = db.select(V_PERSON.ID, V_PERSON.FULL_NAME).from(V_PERSON).where(V_PERSON.EMAIL.eq(LEAD)).fetchOptional();
        if (holder.isEmpty() || lead.isEmpty()) {
            return;
        }
        log.info("Demo data: revoking one certificate as an example");
        certificates.revoke(holder.get(), "BY_STAFF", "Uitgegeven aan de verkeerde persoon; op verzoek van de organisatie ingetrokken.",
                lead.get().value1(), lead.get().value2(), OffsetDateTime.now(clock).minusDays(20));
    }
}
