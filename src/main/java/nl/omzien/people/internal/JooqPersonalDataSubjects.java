package nl.omzien.people.internal;

import nl.omzien.base.PersonId;
import nl.omzien.base.PersonalDataSubject;
import nl.omzien.privacy.PersonalDataSubjects;
import nl.omzien.security.Role;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.EMAIL_CHANGE;
import static nl.omzien.people.internal.db.Tables.USER_ROLE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;

/** The accounts as the privacy feature needs them (see {@link PersonalDataSubjects}); runs in the caller's transaction. */
@Repository
class JooqPersonalDataSubjects implements PersonalDataSubjects {

    private final DSLContext db;

    JooqPersonalDataSubjects(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<PersonalDataSubject> live(PersonId userId) {
        return subject(userId, false);
    }

    @Override
    public Optional<PersonalDataSubject> liveLocked(PersonId userId) {
        return subject(userId, true);
    }

    private Optional<PersonalDataSubject> subject(PersonId userId, boolean lock) {
        var query = db.select(APP_USER.FULL_NAME, APP_USER.EMAIL).from(APP_USER)
                .where(APP_USER.ID.eq(userId), APP_USER.ANONYMISED_AT.isNull());
        // FOR UPDATE re-checks ANONYMISED_AT after waiting for a concurrent erasure, which then wins.
        return (lock ? query.forUpdate().of(APP_USER) : query)
                .fetchOptional(r -> {
                    // An address still waiting for confirmation may have received mail too.
                    Set<String> emails = new HashSet<>();
                    emails.add(r.value2());
                    emails.addAll(db.select(EMAIL_CHANGE.NEW_EMAIL).from(EMAIL_CHANGE)
                            .where(EMAIL_CHANGE.USER_ID.eq(userId)).fetch(EMAIL_CHANGE.NEW_EMAIL));
                    return new PersonalDataSubject(userId, r.value1(), emails);
                });
    }

    @Override
    public Optional<PersonalDataSubject> any(PersonId userId) {
        return live(userId).or(() -> db.select(APP_USER.FULL_NAME, APP_USER.EMAIL).from(APP_USER)
                .where(APP_USER.ID.eq(userId))
                .fetchOptional(r -> new PersonalDataSubject(userId, r.value1(), Set.of(r.value2()))));
    }

    @Override
    public List<PersonId> inactiveSince(OffsetDateTime before) {
        return db.select(APP_USER.ID).from(APP_USER)
                .where(APP_USER.ANONYMISED_AT.isNull(),
                        coalesce(APP_USER.LAST_SEEN_AT, APP_USER.CREATED_AT).lt(before),
                        notExists(selectOne().from(USER_ROLE)
                                .where(USER_ROLE.USER_ID.eq(APP_USER.ID), USER_ROLE.ROLE.eq(Role.ADMIN.name()))))
                .orderBy(APP_USER.ID)
                .fetch(APP_USER.ID);
    }

    @Override
    public void seen(PersonId userId, OffsetDateTime now) {
        db.update(APP_USER).set(APP_USER.LAST_SEEN_AT, now)
                .where(APP_USER.ID.eq(userId),
                        APP_USER.LAST_SEEN_AT.isNull().or(APP_USER.LAST_SEEN_AT.lt(now.minusHours(1))))
                .execute();
    }

    @Override
    public Map<PersonId, String> liveNames(Collection<PersonId> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return db.select(APP_USER.ID, APP_USER.FULL_NAME).from(APP_USER)
                .where(APP_USER.ID.in(userIds), APP_USER.ANONYMISED_AT.isNull())
                .fetchMap(APP_USER.ID, APP_USER.FULL_NAME);
    }

    @Override
    public List<PersonId> liveMatching(String text) {
        String like = "%" + text.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return db.select(APP_USER.ID).from(APP_USER)
                .where(APP_USER.ANONYMISED_AT.isNull(),
                        APP_USER.FULL_NAME.likeIgnoreCase(like).or(APP_USER.EMAIL.likeIgnoreCase(like)))
                .fetch(APP_USER.ID);
    }
}
