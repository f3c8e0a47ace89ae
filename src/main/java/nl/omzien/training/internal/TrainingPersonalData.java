package nl.omzien.training.internal;

import nl.omzien.base.PersonId;
import nl.omzien.base.PersonalDataSection;
import nl.omzien.base.PersonalDataSubject;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

import static nl.omzien.training.internal.db.Tables.FOLLOW_UP;
import static nl.omzien.training.internal.db.Tables.REFERRAL_TAP;
import static nl.omzien.training.internal.db.Tables.STORY_RELEASE;
import static nl.omzien.training.internal.db.Tables.MODULE_ATTEMPT;
import static nl.omzien.training.internal.db.Tables.QUIZ_SUBMISSION;
import static nl.omzien.training.internal.db.Tables.REFLECTION_ANSWER;
import static nl.omzien.training.internal.db.Tables.SCENARIO_CHOICE;
import static nl.omzien.training.internal.db.Tables.SELF_ASSESSMENT;
import static nl.omzien.training.internal.db.Tables.STEP_PROGRESS;
import static org.jooq.impl.DSL.select;

/**
 * Progress, answers, reflections, self-assessments and follow-up answers. Erasing removes what the person
 * wrote in their own words (reflections, the follow-up story); attempts, scores and ratings stay, tied to
 * the anonymised account, because the coalition's completion and confidence figures count them.
 */
@Component
class TrainingPersonalData implements PersonalDataSection {

    private final DSLContext db;

    TrainingPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "training";
    }

    @Override
    public Map<String, ?> export(PersonalDataSubject subject) {
        PersonId id = subject.userId();
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("module_attempt", db.selectFrom(MODULE_ATTEMPT).where(MODULE_ATTEMPT.USER_ID.eq(id))
                .orderBy(MODULE_ATTEMPT.STARTED_AT).fetchMaps());
        tables.put("step_progress", rowsOfAttempts(id, STEP_PROGRESS, STEP_PROGRESS.ATTEMPT_ID));
        tables.put("scenario_choice", rowsOfAttempts(id, SCENARIO_CHOICE, SCENARIO_CHOICE.ATTEMPT_ID));
        tables.put("quiz_submission", rowsOfAttempts(id, QUIZ_SUBMISSION, QUIZ_SUBMISSION.ATTEMPT_ID));
        tables.put("reflection_answer", rowsOfAttempts(id, REFLECTION_ANSWER, REFLECTION_ANSWER.ATTEMPT_ID));
        tables.put("self_assessment", rowsOfAttempts(id, SELF_ASSESSMENT, SELF_ASSESSMENT.ATTEMPT_ID));
        // Not the token hash: it is a secret, not information about the person.
        tables.put("follow_up", db.select(FOLLOW_UP.ATTEMPT_ID, FOLLOW_UP.DUE_AT, FOLLOW_UP.MAILED_AT, FOLLOW_UP.ANSWERED_AT,
                        FOLLOW_UP.NOTICED, FOLLOW_UP.STORY)
                .from(FOLLOW_UP).where(FOLLOW_UP.ATTEMPT_ID.in(attemptsOf(id))).fetchMaps());
        tables.put("story_release", db.select(STORY_RELEASE.ATTEMPT_ID, STORY_RELEASE.SHOWN_TEXT, STORY_RELEASE.APPROVED_AT)
                .from(STORY_RELEASE).where(STORY_RELEASE.ATTEMPT_ID.in(attemptsOf(id))).fetchMaps());
        tables.put("referral_tap", db.select(REFERRAL_TAP.ACTION, REFERRAL_TAP.HELP_KIND, REFERRAL_TAP.TAPPED_AT)
                .from(REFERRAL_TAP).where(REFERRAL_TAP.USER_ID.eq(id)).orderBy(REFERRAL_TAP.TAPPED_AT).fetchMaps());
        return tables;
    }

    private Object rowsOfAttempts(PersonId userId, Table<?> table, Field<Long> attemptId) {
        return db.selectFrom(table).where(attemptId.in(attemptsOf(userId))).fetchMaps();
    }

    private static org.jooq.Select<org.jooq.Record1<Long>> attemptsOf(PersonId userId) {
        return select(MODULE_ATTEMPT.ID).from(MODULE_ATTEMPT).where(MODULE_ATTEMPT.USER_ID.eq(userId));
    }

    @Override
    public void erase(PersonalDataSubject subject) {
        PersonId id = subject.userId();
        db.deleteFrom(REFLECTION_ANSWER).where(REFLECTION_ANSWER.ATTEMPT_ID.in(attemptsOf(id))).execute();
        // The follow-up's yes/no and the referral taps stay for the figures; the story, its released copy and the
        // link go, and no reminder follows.
        db.deleteFrom(STORY_RELEASE).where(STORY_RELEASE.ATTEMPT_ID.in(attemptsOf(id))).execute();
        db.update(FOLLOW_UP).set(FOLLOW_UP.STORY, (String) null).set(FOLLOW_UP.TOKEN_HASH, (String) null)
                .where(FOLLOW_UP.ATTEMPT_ID.in(attemptsOf(id))).execute();
        db.deleteFrom(FOLLOW_UP).where(FOLLOW_UP.ATTEMPT_ID.in(attemptsOf(id)), FOLLOW_UP.MAILED_AT.isNull()).execute();
    }
}
