package nl.omzien.certificates.internal;

import nl.omzien.base.PersonalDataSection;
import nl.omzien.base.PersonalDataSubject;
import nl.omzien.certificates.CertificateService;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE;
import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE_ATTENDANCE;
import static nl.omzien.certificates.internal.db.Tables.MUNICIPALITY_LOGO;

/**
 * Certificates (data and the PDFs) and attendance as certificates see it. Erasing revokes them with
 * "account deleted" and forgets name and PDF (see decision 007); the rows stay, so the verify page can still
 * explain a code and the coalition's certificate count does not drop. A deleted staff member's name also
 * leaves the certificates they revoked.
 */
@Component
class CertificatesPersonalData implements PersonalDataSection {

    private final DSLContext db;
    private final CertificateService certificates;

    CertificatesPersonalData(DSLContext db, CertificateService certificates) {
        this.db = db;
        this.certificates = certificates;
    }

    @Override
    public String name() {
        return "certificates";
    }

    @Override
    public Map<String, ?> export(PersonalDataSubject subject) {
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("certificate", db.select(CERTIFICATE.ID, CERTIFICATE.CODE, CERTIFICATE.PATH_ID, CERTIFICATE.CYCLE,
                        CERTIFICATE.HOLDER_NAME, CERTIFICATE.ORGANISATION_NAME, CERTIFICATE.MUNICIPALITY_NAME,
                        CERTIFICATE.PATH_TITLE_NL, CERTIFICATE.PATH_TITLE_EN, CERTIFICATE.COMPLETED_ON, CERTIFICATE.ISSUED_AT,
                        CERTIFICATE.EXPIRES_AT, CERTIFICATE.SESSION_ID, CERTIFICATE.STATUS, CERTIFICATE.REVOKED_KIND,
                        CERTIFICATE.REVOKED_REASON, CERTIFICATE.REVOKED_AT, CERTIFICATE.SUPERSEDED_BY, CERTIFICATE.PDF_SHA256)
                .from(CERTIFICATE).where(CERTIFICATE.USER_ID.eq(subject.userId())).orderBy(CERTIFICATE.ISSUED_AT).fetchMaps());
        tables.put("certificate_revoked_by_me", db.select(CERTIFICATE.ID, CERTIFICATE.REVOKED_AT, CERTIFICATE.REVOKED_BY_NAME)
                .from(CERTIFICATE).where(CERTIFICATE.REVOKED_BY.eq(subject.userId())).fetchMaps());
        tables.put("certificate_attendance", db.selectFrom(CERTIFICATE_ATTENDANCE)
                .where(CERTIFICATE_ATTENDANCE.USER_ID.eq(subject.userId())).fetchMaps());
        tables.put("municipality_logo", db.select(MUNICIPALITY_LOGO.MUNICIPALITY_ID, MUNICIPALITY_LOGO.UPLOADED_AT)
                .from(MUNICIPALITY_LOGO).where(MUNICIPALITY_LOGO.UPLOADED_BY.eq(subject.userId())).fetchMaps());
        return tables;
    }

    @Override
    public Map<String, byte[]> files(PersonalDataSubject subject) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        db.select(CERTIFICATE.CODE, CERTIFICATE.PDF).from(CERTIFICATE)
                .where(CERTIFICATE.USER_ID.eq(subject.userId()), CERTIFICATE.PDF.isNotNull())
                .forEach(r -> files.put("certificaten/" + r.value1() + ".pdf", r.value2()));
        return files;
    }

    @Override
    public void erase(PersonalDataSubject subject) {
        certificates.accountDeleted(subject.userId());
        db.update(CERTIFICATE).set(CERTIFICATE.REVOKED_BY_NAME, (String) null)
                .where(CERTIFICATE.REVOKED_BY.eq(subject.userId())).execute();
        db.update(MUNICIPALITY_LOGO).setNull(MUNICIPALITY_LOGO.UPLOADED_BY)
                .where(MUNICIPALITY_LOGO.UPLOADED_BY.eq(subject.userId())).execute();
    }
}
