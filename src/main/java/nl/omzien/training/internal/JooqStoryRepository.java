package nl.omzien.training.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import nl.omzien.training.StoryForLead;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static nl.omzien.people.published.Tables.V_ORGANISATION;
import static nl.omzien.people.published.Tables.V_PERSON;
import static nl.omzien.training.internal.db.Tables.FOLLOW_UP;
import static nl.omzien.training.internal.db.Tables.MODULE_ATTEMPT;
import static nl.omzien.training.internal.db.Tables.STORY_RELEASE;

/** Follow-up stories with the municipality and organisation size of their author (people's published views). */
@Repository
public class JooqStoryRepository {

    private final DSLContext db;

    JooqStoryRepository(DSLContext db) {
        this.db = db;
    }

    private static Field<MunicipalityId> municipality() {
        return DSL.coalesce(V_ORGANISATION.MUNICIPALITY_ID, V_PERSON.MUNICIPALITY_ID);
    }

    public List<StoryForLead> ofMunicipality(MunicipalityId municipalityId) {
        var colleague = V_PERSON.as("colleague");
        Field<Integer> size = DSL.field(DSL.selectCount().from(colleague)
                .where(colleague.ORGANISATION_ID.eq(V_PERSON.ORGANISATION_ID)));
        return db.select(FOLLOW_UP.ATTEMPT_ID, MODULE_ATTEMPT.MODULE_ID, FOLLOW_UP.ANSWERED_AT, FOLLOW_UP.STORY,
                        STORY_RELEASE.SHOWN_TEXT, STORY_RELEASE.APPROVED_AT, size)
                .from(FOLLOW_UP)
                .join(MODULE_ATTEMPT).on(MODULE_ATTEMPT.ID.eq(FOLLOW_UP.ATTEMPT_ID))
                .join(V_PERSON).on(V_PERSON.ID.eq(MODULE_ATTEMPT.USER_ID))
                .leftJoin(V_ORGANISATION).on(V_ORGANISATION.ID.eq(V_PERSON.ORGANISATION_ID))
                .leftJoin(STORY_RELEASE).on(STORY_RELEASE.ATTEMPT_ID.eq(FOLLOW_UP.ATTEMPT_ID))
                .where(FOLLOW_UP.STORY.isNotNull(), municipality().eq(municipalityId))
                .orderBy(FOLLOW_UP.ANSWERED_AT.desc().nullsLast(), FOLLOW_UP.ATTEMPT_ID.desc())
                .fetch(r -> new StoryForLead(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7() == null ? 0 : r.value7()));
    }

    /** The municipality of a story's author; empty when there is no story for this attempt. */
    public Optional<MunicipalityId> municipalityOf(long attemptId) {
        return db.select(municipality())
                .from(FOLLOW_UP)
                .join(MODULE_ATTEMPT).on(MODULE_ATTEMPT.ID.eq(FOLLOW_UP.ATTEMPT_ID))
                .join(V_PERSON).on(V_PERSON.ID.eq(MODULE_ATTEMPT.USER_ID))
                .leftJoin(V_ORGANISATION).on(V_ORGANISATION.ID.eq(V_PERSON.ORGANISATION_ID))
                .where(FOLLOW_UP.ATTEMPT_ID.eq(attemptId), FOLLOW_UP.STORY.isNotNull())
                .fetchOptional(r -> r.value1());
    }

    public void release(long attemptId, String shownText, PersonId by, OffsetDateTime at) {
        db.insertInto(STORY_RELEASE)
                .set(STORY_RELEASE.ATTEMPT_ID, attemptId).set(STORY_RELEASE.SHOWN_TEXT, shownText)
                .set(STORY_RELEASE.APPROVED_BY, by).set(STORY_RELEASE.APPROVED_AT, at)
                .onConflict(STORY_RELEASE.ATTEMPT_ID).doUpdate()
                .set(STORY_RELEASE.SHOWN_TEXT, shownText).set(STORY_RELEASE.APPROVED_BY, by).set(STORY_RELEASE.APPROVED_AT, at)
                .execute();
    }

    public void withdraw(long attemptId) {
        db.deleteFrom(STORY_RELEASE).where(STORY_RELEASE.ATTEMPT_ID.eq(attemptId)).execute();
    }
}
