package nl.omzien.certificates.internal;

import nl.omzien.certificates.CertificatesDemo;
import nl.omzien.people.DemoPeople;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE;
import static nl.omzien.certificates.internal.db.Tables.MUNICIPALITY_LOGO;

/**
 * The certificates part of the demo story. The demo certificates themselves come from the demo training
 * history: its ModuleCompleted events go through {@link CompletionListener} like real ones.
 */
@Component
class CertificatesDemoData implements CertificatesDemo {

    static final String REVOKED_HOLDER = "kees.brouwer@demo.example";
    static final String LEAD = "coalitie@coevorden.example";
    private static final Logger log = LoggerFactory.getLogger(CertificatesDemoData.class);
    private static final Map<String, String> LOGOS = Map.of(
            "Coevorden", "certificates/demo-logo-coevorden.svg",
            "Twenterand", "certificates/demo-logo-twenterand.svg");

    private final DSLContext db;
    private final JooqCertificateRepository certificates;
    private final JooqLogoRepository logos;
    private final LogoCache cache;
    private final Clock clock;

    CertificatesDemoData(DSLContext db, JooqCertificateRepository certificates, JooqLogoRepository logos, LogoCache cache,
                         Clock clock) {
        this.db = db;
        this.certificates = certificates;
        this.logos = logos;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void municipalityLogos(DemoPeople people) {
        if (db.fetchExists(MUNICIPALITY_LOGO)) {
            return;
        }
        for (var entry : LOGOS.entrySet()) {
            people.municipality(entry.getKey()).ifPresent(id -> {
                log.info("Demo data: logo for {}", entry.getKey());
                logos.save(id, LogoImages.normalise(svg(entry.getValue())), null, OffsetDateTime.now(clock));
                cache.invalidate(id);
            });
        }
    }

    private static byte[] svg(String resource) {
        try {
            return new ClassPathResource(resource).getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    @Transactional
    public void oneRevokedCertificate(DemoPeople people) {
        if (db.fetchExists(CERTIFICATE, CERTIFICATE.STATUS.eq(StoredCertificateStatus.REVOKED))) {
            return;
        }
        var holder = people.person(REVOKED_HOLDER).flatMap(person -> db.select(CERTIFICATE.ID).from(CERTIFICATE)
                .where(CERTIFICATE.USER_ID.eq(person.id()), CERTIFICATE.STATUS.eq(StoredCertificateStatus.ISSUED)).limit(1).fetchOptional(CERTIFICATE.ID));
        var lead = people.person(LEAD);
        if (holder.isEmpty() || lead.isEmpty()) {
            return;
        }
        log.info("Demo data: revoking one certificate as an example");
        certificates.revoke(holder.get(), "BY_STAFF", "Uitgegeven aan de verkeerde persoon; op verzoek van de organisatie ingetrokken.",
                lead.get().id(), lead.get().fullName(), OffsetDateTime.now(clock).minusDays(20));
    }
}
