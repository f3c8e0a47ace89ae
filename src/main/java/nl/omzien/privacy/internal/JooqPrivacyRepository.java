package nl.omzien.privacy.internal;

import nl.omzien.base.PersonalDataSubject;
import nl.omzien.privacy.AuditEntry;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.EMAIL_CHANGE;
import static nl.omzien.privacy.internal.db.Tables.PERSONAL_DATA_AUDIT;
import static nl.omzien.people.internal.db.Tables.USER_ROLE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;

@Repository
public class JooqPrivacyRepository {

    private final DSLContext db;

    JooqPrivacyRepository(DSLContext db) {
        this.db = db;
    }

    /** The person as the sections need them; empty when there is no such account or it is already anonymised. */
    public Optional<PersonalDataSubject> liveSubject(long userId) {
        return db.select(APP_USER.FULL_NAME, APP_USER.EMAIL).from(APP_USER)
                .where(APP_USER.ID.eq(userId), APP_USER.ANONYMISED_AT.isNull())
                .fetchOptional(r -> {
                    Set<String> emails = new HashSet<>();
                    emails.add(r.value2());
                    emails.addAll(db.select(EMAIL_CHANGE.NEW_EMAIL).from(EMAIL_CHANGE)
                            .where(EMAIL_CHANGE.USER_ID.eq(userId)).fetch(EMAIL_CHANGE.NEW_EMAIL));
                    return new PersonalDataSubject(userId, r.value1(), emails);
                });
    }

    /** Any account, also an anonymised one (an admin may still export what is left). */
    public Optional<PersonalDataSubject> subject(long userId) {
        return liveSubject(userId).or(() -> db.select(APP_USER.FULL_NAME, APP_USER.EMAIL).from(APP_USER)
                .where(APP_USER.ID.eq(userId))
                .fetchOptional(r -> new PersonalDataSubject(userId, r.value1(), Set.of(r.value2()))));
    }

    /**
     * Accounts nobody used since {@code before}: last page load, or creation when never seen. Admin accounts
     * are kept, so an installation cannot lose its last admin to the retention rule.
     */
    public List<Long> inactiveSince(OffsetDateTime before) {
        return db.select(APP_USER.ID).from(APP_USER)
                .where(APP_USER.ANONYMISED_AT.isNull(),
                        coalesce(APP_USER.LAST_SEEN_AT, APP_USER.CREATED_AT).lt(before),
                        notExists(selectOne().from(USER_ROLE)
                                .where(USER_ROLE.USER_ID.eq(APP_USER.ID), USER_ROLE.ROLE.eq("ADMIN"))))
                .orderBy(APP_USER.ID)
                .fetch(APP_USER.ID);
    }

    /** Notes a page load; writes at most once per hour per person, to keep page loads cheap. */
    public void touch(long userId, OffsetDateTime now) {
        db.update(APP_USER).set(APP_USER.LAST_SEEN_AT, now)
                .where(APP_USER.ID.eq(userId),
                        APP_USER.LAST_SEEN_AT.isNull().or(APP_USER.LAST_SEEN_AT.lt(now.minusHours(1))))
                .execute();
    }

    /**
     * One audit row per subject. The same look by the same person at the same thing within ten minutes is
     * one row: a trainer's participant list reloads after every attendance click.
     */
    public void audit(OffsetDateTime at, Long actorId, long subjectId, String action, String detail, String ip) {
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

    /** Newest first; {@code subjectId} and {@code subjectText} (name or address, part of it) narrow it down. */
    public List<AuditEntry> entries(Long subjectId, String subjectText, int limit) {
        var actor = APP_USER.as("actor");
        var subject = APP_USER.as("subject");
        Condition filter = noCondition();
        if (subjectId != null) {
            filter = filter.and(PERSONAL_DATA_AUDIT.SUBJECT_ID.eq(subjectId));
        }
        if (subjectText != null && !subjectText.isBlank()) {
            String like = "%" + subjectText.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            filter = filter.and(subject.ANONYMISED_AT.isNull())
                    .and(subject.FULL_NAME.likeIgnoreCase(like).or(subject.EMAIL.likeIgnoreCase(like)));
        }
        return db.select(PERSONAL_DATA_AUDIT.ID, PERSONAL_DATA_AUDIT.AT, PERSONAL_DATA_AUDIT.ACTOR_ID, actor.FULL_NAME,
                        actor.ANONYMISED_AT, PERSONAL_DATA_AUDIT.SUBJECT_ID, subject.FULL_NAME, subject.ANONYMISED_AT,
                        PERSONAL_DATA_AUDIT.ACTION, PERSONAL_DATA_AUDIT.DETAIL, PERSONAL_DATA_AUDIT.IP_ADDRESS)
                .from(PERSONAL_DATA_AUDIT)
                .leftJoin(actor).on(actor.ID.eq(PERSONAL_DATA_AUDIT.ACTOR_ID))
                .leftJoin(subject).on(subject.ID.eq(PERSONAL_DATA_AUDIT.SUBJECT_ID))
                .where(filter)
                .orderBy(PERSONAL_DATA_AUDIT.AT.desc(), PERSONAL_DATA_AUDIT.ID.desc())
                .limit(limit)
                .fetch(r -> new AuditEntry(r.value1(), r.value2(), r.value3(), r.value5() == null ? r.value4() : null,
                        r.value6(), r.value8() == null ? r.value7() : null, r.value9(), r.value10(), r.value11()));
    }
}
