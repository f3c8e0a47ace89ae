package nl.omzien.training.internal;

import nl.omzien.base.PersonId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static nl.omzien.training.internal.db.Tables.FOLLOW_UP;
import static nl.omzien.training.internal.db.Tables.MODULE_ATTEMPT;
import static nl.omzien.training.internal.db.Tables.STORY_RELEASE;

/** The three-month follow-up question: one row per completed attempt that asks it. */
@Repository
public class JooqFollowUpRepository {

    private final DSLContext db;

    JooqFollowUpRepository(DSLContext db) {
        this.db = db;
    }

    /** A follow-up that is due, with what the mail needs. */
    public record Due(long attemptId, PersonId userId, String moduleId, int version, OffsetDateTime completedAt) {
    }

    /** A follow-up found by its link token. */
    public record Found(long attemptId, String moduleId, int version, PersonId userId, OffsetDateTime mailedAt,
                        OffsetDateTime answeredAt, Boolean noticed, String story) {
    }

    /**
     * Schedules the question for this attempt and drops the person's other questions that were not
     * mailed yet, so someone who completes three modules in a week gets one mail, three months after the last.
     */
    public void schedule(PersonId userId, long attemptId, OffsetDateTime dueAt) {
        db.deleteFrom(FOLLOW_UP)
                .where(FOLLOW_UP.MAILED_AT.isNull(), FOLLOW_UP.ATTEMPT_ID.in(
                        db.select(MODULE_ATTEMPT.ID).from(MODULE_ATTEMPT).where(MODULE_ATTEMPT.USER_ID.eq(userId))))
                .execute();
        db.insertInto(FOLLOW_UP, FOLLOW_UP.ATTEMPT_ID, FOLLOW_UP.DUE_AT).values(attemptId, dueAt)
                .onConflictDoNothing().execute();
    }

    /** Locks up to {@code limit} due, unmailed follow-ups; rows another mailer holds are skipped. */
    public List<Due> lockDue(OffsetDateTime now, int limit) {
        return db.select(FOLLOW_UP.ATTEMPT_ID, MODULE_ATTEMPT.USER_ID, MODULE_ATTEMPT.MODULE_ID, MODULE_ATTEMPT.VERSION,
                        MODULE_ATTEMPT.COMPLETED_AT)
                .from(FOLLOW_UP).join(MODULE_ATTEMPT).on(MODULE_ATTEMPT.ID.eq(FOLLOW_UP.ATTEMPT_ID))
                .where(FOLLOW_UP.MAILED_AT.isNull(), FOLLOW_UP.DUE_AT.le(now))
                .orderBy(FOLLOW_UP.DUE_AT)
                .limit(limit)
                .forUpdate().of(FOLLOW_UP).skipLocked()
                .fetch(r -> new Due(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Records the mail; {@code tokenHash} is null when no mail could be sent (e.g. a disabled account). */
    public void markMailed(long attemptId, String tokenHash, OffsetDateTime now) {
        db.update(FOLLOW_UP).set(FOLLOW_UP.MAILED_AT, now).set(FOLLOW_UP.TOKEN_HASH, tokenHash)
                .where(FOLLOW_UP.ATTEMPT_ID.eq(attemptId)).execute();
    }

    public Optional<Found> findByTokenHash(String tokenHash) {
        return db.select(FOLLOW_UP.ATTEMPT_ID, MODULE_ATTEMPT.MODULE_ID, MODULE_ATTEMPT.VERSION, MODULE_ATTEMPT.USER_ID,
                        FOLLOW_UP.MAILED_AT, FOLLOW_UP.ANSWERED_AT, FOLLOW_UP.NOTICED, FOLLOW_UP.STORY)
                .from(FOLLOW_UP).join(MODULE_ATTEMPT).on(MODULE_ATTEMPT.ID.eq(FOLLOW_UP.ATTEMPT_ID))
                .where(FOLLOW_UP.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(r -> new Found(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8()));
    }

    /** Stores the yes/no answer; answering again (changing one's mind, a second tap) overwrites it. */
    public void answer(long attemptId, boolean noticed, OffsetDateTime now) {
        db.update(FOLLOW_UP).set(FOLLOW_UP.NOTICED, noticed).set(FOLLOW_UP.ANSWERED_AT, now)
                .where(FOLLOW_UP.ATTEMPT_ID.eq(attemptId)).execute();
    }

    /** A changed or removed story loses its release: nothing is shown that no lead has read (decision 025). */
    public void saveStory(long attemptId, String story) {
        int changed = db.update(FOLLOW_UP).set(FOLLOW_UP.STORY, story)
                .where(FOLLOW_UP.ATTEMPT_ID.eq(attemptId), FOLLOW_UP.STORY.isDistinctFrom(story)).execute();
        if (changed > 0) {
            db.deleteFrom(STORY_RELEASE).where(STORY_RELEASE.ATTEMPT_ID.eq(attemptId)).execute();
        }
    }
}
