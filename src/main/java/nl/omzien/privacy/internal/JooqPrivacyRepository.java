package nl.omzien.privacy.internal;

import nl.omzien.base.PersonId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import static nl.omzien.privacy.internal.db.Tables.PERSONAL_DATA_AUDIT;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.noCondition;

/** The log of staff actions on personal data; the accounts themselves are the people feature's. */
@Repository
public class JooqPrivacyRepository {

    private final DSLContext db;

    JooqPrivacyRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * One audit row per subject. The same look by the same person at the same thing within ten minutes is
     * one row: a trainer's participant list reloads after every attendance click.
     */
    public void audit(OffsetDateTime at, PersonId actorId, PersonId subjectId, String action, String detail, String ip) {
        Condition sameActor = actorId == null ? PERSONAL_DATA_AUDIT.ACTOR_ID.isNull() : PERSONAL_DATA_AUDIT.ACTOR_ID.eq(actorId);
        Condition sameDetail = detail == null ? PERSONAL_DATA_AUDIT.DETAIL.isNull() : PERSONAL_DATA_AUDIT.DETAIL.eq(detail);
        boolean repeat = "VIEWED".equals(action) && db.fetchExists(PERSONAL_DATA_AUDIT, sameActor, sameDetail,
                PERSONAL_DATA_AUDIT.SUBJECT_ID.eq(subjectId), PERSONAL_DATA_AUDIT.ACTION.eq(action),
                PERSONAL_DATA_AUDIT.AT.gt(at.minusMinutes(10)));
        if (repeat) {
            return;
        }
        db.insertInto(PERSONAL_DATA_AUDIT)
                .set(PERSONAL_DATA_AUDIT.AT, at)
                .set(PERSONAL_DATA_AUDIT.ACTOR_ID, actorId)
                .set(PERSONAL_DATA_AUDIT.SUBJECT_ID, subjectId)
                .set(PERSONAL_DATA_AUDIT.ACTION, action)
                .set(PERSONAL_DATA_AUDIT.DETAIL, detail)
                .set(PERSONAL_DATA_AUDIT.IP_ADDRESS, ip)
                .execute();
    }

    /** One audit row as stored: ids only, the people feature knows the names. */
    public record AuditRow(long id, OffsetDateTime at, PersonId actorId, PersonId subjectId, String action, String detail,
                           String ipAddress) {
    }

    /** Newest first; {@code subjectIds}, when given, narrows it down to those subjects. */
    public List<AuditRow> entries(Collection<PersonId> subjectIds, int limit) {
        Condition filter = subjectIds == null ? noCondition()
                // One array parameter, however many people a search found.
                : PERSONAL_DATA_AUDIT.SUBJECT_ID.eq(any(subjectIds.toArray(PersonId[]::new)));
        return db.select(PERSONAL_DATA_AUDIT.ID, PERSONAL_DATA_AUDIT.AT, PERSONAL_DATA_AUDIT.ACTOR_ID,
                        PERSONAL_DATA_AUDIT.SUBJECT_ID, PERSONAL_DATA_AUDIT.ACTION, PERSONAL_DATA_AUDIT.DETAIL,
                        PERSONAL_DATA_AUDIT.IP_ADDRESS)
                .from(PERSONAL_DATA_AUDIT)
                .where(filter)
                .orderBy(PERSONAL_DATA_AUDIT.AT.desc(), PERSONAL_DATA_AUDIT.ID.desc())
                .limit(limit)
                .fetch(r -> new AuditRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }
}
