package nl.omzien.privacy.internal;

import nl.omzien.base.PersonalDataSection;
import nl.omzien.base.PersonalDataSubject;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

import static nl.omzien.privacy.internal.db.Tables.PERSONAL_DATA_AUDIT;

/**
 * The audit log in a person's own data: which staff looked at or changed their data (by account number),
 * and, for staff, what they did themselves. Erasing keeps the rows (the log must outlive the subject) but
 * drops the address the person worked from.
 */
@Component
class AuditPersonalData implements PersonalDataSection {

    private final DSLContext db;

    AuditPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "privacy";
    }

    @Override
    public Map<String, ?> export(PersonalDataSubject subject) {
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("personal_data_audit", db.select(PERSONAL_DATA_AUDIT.AT, PERSONAL_DATA_AUDIT.ACTOR_ID,
                        PERSONAL_DATA_AUDIT.ACTION, PERSONAL_DATA_AUDIT.DETAIL)
                .from(PERSONAL_DATA_AUDIT).where(PERSONAL_DATA_AUDIT.SUBJECT_ID.eq(subject.userId()))
                .orderBy(PERSONAL_DATA_AUDIT.AT).fetchMaps());
        tables.put("personal_data_audit_as_staff", db.select(PERSONAL_DATA_AUDIT.AT, PERSONAL_DATA_AUDIT.SUBJECT_ID,
                        PERSONAL_DATA_AUDIT.ACTION, PERSONAL_DATA_AUDIT.DETAIL, PERSONAL_DATA_AUDIT.IP_ADDRESS)
                .from(PERSONAL_DATA_AUDIT).where(PERSONAL_DATA_AUDIT.ACTOR_ID.eq(subject.userId()))
                .orderBy(PERSONAL_DATA_AUDIT.AT).fetchMaps());
        return tables;
    }

    @Override
    public void erase(PersonalDataSubject subject) {
        db.update(PERSONAL_DATA_AUDIT).set(PERSONAL_DATA_AUDIT.IP_ADDRESS, (String) null)
                .where(PERSONAL_DATA_AUDIT.ACTOR_ID.eq(subject.userId())).execute();
    }
}
