package nl.omzien.training.internal;

import nl.omzien.base.PersonId;
import nl.omzien.people.Audience;
import nl.omzien.training.Attempt;
import nl.omzien.training.SelfAssessment;
import nl.omzien.training.ScenarioRun;
import nl.omzien.training.content.ScenarioStep;
import nl.omzien.training.internal.db.tables.records.ModuleAttemptRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static nl.omzien.training.internal.db.Tables.MODULE_ATTEMPT;
import static nl.omzien.training.internal.db.Tables.QUIZ_SUBMISSION;
import static nl.omzien.training.internal.db.Tables.REFLECTION_ANSWER;
import static nl.omzien.training.internal.db.Tables.SCENARIO_CHOICE;
import static nl.omzien.training.internal.db.Tables.SELF_ASSESSMENT;
import static nl.omzien.training.internal.db.Tables.STEP_PROGRESS;
import static org.jooq.impl.DSL.array;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

@Repository
public class JooqTrainingRepository {

    private final DSLContext db;

    JooqTrainingRepository(DSLContext db) {
        this.db = db;
    }

    /** The steps an attempt completed, read with the attempt itself: one round trip per attempt read. */
    private static final Field<String[]> COMPLETED_STEPS = array(select(STEP_PROGRESS.STEP_ID).from(STEP_PROGRESS)
            .where(completedStepOf(MODULE_ATTEMPT.ID))).as("completed_steps");

    private static Condition completedStepOf(Field<Long> attemptId) {
        return STEP_PROGRESS.ATTEMPT_ID.eq(attemptId).and(STEP_PROGRESS.COMPLETED_AT.isNotNull());
    }

    private SelectJoinStep<Record> attempts() {
        return db.select(MODULE_ATTEMPT.fields()).select(COMPLETED_STEPS).from(MODULE_ATTEMPT);
    }

    private Attempt toAttempt(Record r) {
        return toAttempt(r.into(MODULE_ATTEMPT), Set.of(r.get(COMPLETED_STEPS)));
    }

    public Optional<Attempt> find(long attemptId) {
        return attempts().where(MODULE_ATTEMPT.ID.eq(attemptId)).fetchOptional(this::toAttempt);
    }

    /**
     * Locks the attempt row so concurrent requests (double clicks, two tabs) for it run one after the other. The
     * completed steps are read after the lock, in a statement of their own: one that waited for the lock must see
     * the steps the other request stored (a subquery would still read the snapshot from before the wait).
     */
    public Optional<Attempt> lock(long attemptId) {
        return db.selectFrom(MODULE_ATTEMPT).where(MODULE_ATTEMPT.ID.eq(attemptId)).forUpdate().fetchOptional()
                .map(r -> toAttempt(r, db.select(STEP_PROGRESS.STEP_ID).from(STEP_PROGRESS)
                        .where(completedStepOf(val(r.getId()))).fetchSet(STEP_PROGRESS.STEP_ID)));
    }

    public Optional<Attempt> latest(PersonId userId, String moduleId) {
        return attempts()
                .where(MODULE_ATTEMPT.USER_ID.eq(userId), MODULE_ATTEMPT.MODULE_ID.eq(moduleId))
                .orderBy(MODULE_ATTEMPT.COMPLETED_AT.isNull().desc(), MODULE_ATTEMPT.STARTED_AT.desc(), MODULE_ATTEMPT.ID.desc())
                .limit(1).fetchOptional(this::toAttempt);
    }

    public Optional<Attempt> latestCompleted(PersonId userId, String moduleId) {
        return attempts()
                .where(MODULE_ATTEMPT.USER_ID.eq(userId), MODULE_ATTEMPT.MODULE_ID.eq(moduleId), MODULE_ATTEMPT.COMPLETED_AT.isNotNull())
                .orderBy(MODULE_ATTEMPT.COMPLETED_AT.desc()).limit(1).fetchOptional(this::toAttempt);
    }

    /** Inserts an open attempt unless one exists (the partial unique index makes a double click harmless). */
    public long openAttempt(PersonId userId, String moduleId, int version, Audience audience, String firstStepId, OffsetDateTime now) {
        db.insertInto(MODULE_ATTEMPT)
                .set(MODULE_ATTEMPT.USER_ID, userId)
                .set(MODULE_ATTEMPT.MODULE_ID, moduleId)
                .set(MODULE_ATTEMPT.VERSION, version)
                .set(MODULE_ATTEMPT.AUDIENCE, audience.name())
                .set(MODULE_ATTEMPT.CURRENT_STEP_ID, firstStepId)
                .set(MODULE_ATTEMPT.STARTED_AT, now)
                .onConflictDoNothing()
                .execute();
        return db.select(MODULE_ATTEMPT.ID).from(MODULE_ATTEMPT)
                .where(MODULE_ATTEMPT.USER_ID.eq(userId), MODULE_ATTEMPT.MODULE_ID.eq(moduleId), MODULE_ATTEMPT.COMPLETED_AT.isNull())
                .fetchSingle(MODULE_ATTEMPT.ID);
    }

    public void moveTo(long attemptId, String stepId, OffsetDateTime now) {
        db.update(MODULE_ATTEMPT).set(MODULE_ATTEMPT.CURRENT_STEP_ID, stepId).where(MODULE_ATTEMPT.ID.eq(attemptId)).execute();
        db.insertInto(STEP_PROGRESS)
                .set(STEP_PROGRESS.ATTEMPT_ID, attemptId)
                .set(STEP_PROGRESS.STEP_ID, stepId)
                .set(STEP_PROGRESS.FIRST_SEEN_AT, now)
                .onConflictDoNothing().execute();
    }

    public void changeAudience(long attemptId, Audience audience) {
        db.update(MODULE_ATTEMPT).set(MODULE_ATTEMPT.AUDIENCE, audience.name()).where(MODULE_ATTEMPT.ID.eq(attemptId)).execute();
    }

    /** Marks a step done once; time adds up on every visit. */
    public void completeStep(long attemptId, String stepId, int seconds, OffsetDateTime now) {
        db.insertInto(STEP_PROGRESS)
                .set(STEP_PROGRESS.ATTEMPT_ID, attemptId)
                .set(STEP_PROGRESS.STEP_ID, stepId)
                .set(STEP_PROGRESS.FIRST_SEEN_AT, now)
                .set(STEP_PROGRESS.COMPLETED_AT, now)
                .set(STEP_PROGRESS.SECONDS_SPENT, seconds)
                .onConflict(STEP_PROGRESS.ATTEMPT_ID, STEP_PROGRESS.STEP_ID).doUpdate()
                .set(STEP_PROGRESS.COMPLETED_AT, coalesce(STEP_PROGRESS.COMPLETED_AT, val(now)))
                .set(STEP_PROGRESS.SECONDS_SPENT, STEP_PROGRESS.SECONDS_SPENT.plus(seconds))
                .execute();
    }

    public List<ScenarioRun.Choice> choices(long attemptId, String stepId, int run) {
        return db.selectFrom(SCENARIO_CHOICE)
                .where(SCENARIO_CHOICE.ATTEMPT_ID.eq(attemptId), SCENARIO_CHOICE.STEP_ID.eq(stepId), SCENARIO_CHOICE.RUN.eq(run))
                .orderBy(SCENARIO_CHOICE.POSITION)
                .fetch(r -> new ScenarioRun.Choice(r.getNodeId(), r.getReplyIndex(), r.getNextNode(),
                        ScenarioStep.Quality.valueOf(r.getQuality())));
    }

    public int latestRun(long attemptId, String stepId) {
        Integer run = db.select(max(SCENARIO_CHOICE.RUN)).from(SCENARIO_CHOICE)
                .where(SCENARIO_CHOICE.ATTEMPT_ID.eq(attemptId), SCENARIO_CHOICE.STEP_ID.eq(stepId)).fetchOne(0, Integer.class);
        return run == null ? 1 : run;
    }

    public void addChoice(long attemptId, String stepId, int run, int position, ScenarioRun.Choice choice, OffsetDateTime now) {
        db.insertInto(SCENARIO_CHOICE)
                .set(SCENARIO_CHOICE.ATTEMPT_ID, attemptId)
                .set(SCENARIO_CHOICE.STEP_ID, stepId)
                .set(SCENARIO_CHOICE.RUN, run)
                .set(SCENARIO_CHOICE.POSITION, position)
                .set(SCENARIO_CHOICE.NODE_ID, choice.nodeId())
                .set(SCENARIO_CHOICE.REPLY_INDEX, choice.replyIndex())
                .set(SCENARIO_CHOICE.NEXT_NODE, choice.nextNodeId())
                .set(SCENARIO_CHOICE.QUALITY, choice.quality().name())
                .set(SCENARIO_CHOICE.CHOSEN_AT, now)
                .onConflictDoNothing().execute();
    }

    public void addQuizSubmission(long attemptId, String stepId, int correct, int total, boolean passed, String answers, OffsetDateTime now) {
        db.insertInto(QUIZ_SUBMISSION)
                .set(QUIZ_SUBMISSION.ATTEMPT_ID, attemptId)
                .set(QUIZ_SUBMISSION.STEP_ID, stepId)
                .set(QUIZ_SUBMISSION.CORRECT_COUNT, correct)
                .set(QUIZ_SUBMISSION.QUESTION_COUNT, total)
                .set(QUIZ_SUBMISSION.PASSED, passed)
                .set(QUIZ_SUBMISSION.ANSWERS, answers)
                .set(QUIZ_SUBMISSION.SUBMITTED_AT, now)
                .execute();
    }

    /** The latest submission of one quiz step. */
    public record QuizScore(String stepId, int correct, int total, boolean passed) {
    }

    /** The latest submission per quiz step of an attempt. */
    public List<QuizScore> latestQuizScores(long attemptId) {
        return db.selectDistinct(QUIZ_SUBMISSION.STEP_ID, QUIZ_SUBMISSION.CORRECT_COUNT, QUIZ_SUBMISSION.QUESTION_COUNT, QUIZ_SUBMISSION.PASSED)
                .on(QUIZ_SUBMISSION.STEP_ID)
                .from(QUIZ_SUBMISSION).where(QUIZ_SUBMISSION.ATTEMPT_ID.eq(attemptId))
                .orderBy(QUIZ_SUBMISSION.STEP_ID, QUIZ_SUBMISSION.SUBMITTED_AT.desc(), QUIZ_SUBMISSION.ID.desc())
                .fetch(r -> new QuizScore(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public boolean anyRunFinished(long attemptId, ScenarioStep scenario) {
        var outcomes = scenario.nodes().values().stream().filter(ScenarioStep.Node::isOutcome).map(ScenarioStep.Node::id).toList();
        return db.fetchExists(SCENARIO_CHOICE, SCENARIO_CHOICE.ATTEMPT_ID.eq(attemptId)
                .and(SCENARIO_CHOICE.STEP_ID.eq(scenario.id())).and(SCENARIO_CHOICE.NEXT_NODE.in(outcomes)));
    }

    public void saveReflection(long attemptId, String stepId, String answer, OffsetDateTime now) {
        db.insertInto(REFLECTION_ANSWER)
                .set(REFLECTION_ANSWER.ATTEMPT_ID, attemptId)
                .set(REFLECTION_ANSWER.STEP_ID, stepId)
                .set(REFLECTION_ANSWER.ANSWER, answer)
                .set(REFLECTION_ANSWER.UPDATED_AT, now)
                .onConflict(REFLECTION_ANSWER.ATTEMPT_ID, REFLECTION_ANSWER.STEP_ID).doUpdate()
                .set(REFLECTION_ANSWER.ANSWER, answer)
                .set(REFLECTION_ANSWER.UPDATED_AT, now)
                .execute();
    }

    public Optional<String> reflection(long attemptId, String stepId) {
        return db.select(REFLECTION_ANSWER.ANSWER).from(REFLECTION_ANSWER)
                .where(REFLECTION_ANSWER.ATTEMPT_ID.eq(attemptId), REFLECTION_ANSWER.STEP_ID.eq(stepId))
                .fetchOptional(REFLECTION_ANSWER.ANSWER);
    }

    public void saveSelfAssessment(long attemptId, String phase, SelfAssessment answers, OffsetDateTime now) {
        db.insertInto(SELF_ASSESSMENT)
                .set(SELF_ASSESSMENT.ATTEMPT_ID, attemptId)
                .set(SELF_ASSESSMENT.PHASE, phase)
                .set(SELF_ASSESSMENT.RECOGNISE, (short) answers.recognise())
                .set(SELF_ASSESSMENT.RAISE, (short) answers.raise())
                .set(SELF_ASSESSMENT.REFER, (short) answers.refer())
                .set(SELF_ASSESSMENT.ANSWERED_AT, now)
                .onConflictDoNothing().execute();
    }

    public Optional<SelfAssessment> selfAssessment(long attemptId, String phase) {
        return db.selectFrom(SELF_ASSESSMENT).where(SELF_ASSESSMENT.ATTEMPT_ID.eq(attemptId), SELF_ASSESSMENT.PHASE.eq(phase))
                .fetchOptional(r -> new SelfAssessment(r.getRecognise(), r.getRaise(), r.getRefer()));
    }

    public void complete(long attemptId, int score, OffsetDateTime now) {
        db.update(MODULE_ATTEMPT)
                .set(MODULE_ATTEMPT.COMPLETED_AT, now)
                .set(MODULE_ATTEMPT.SCORE_PERCENT, score)
                .set(MODULE_ATTEMPT.PASSED, true)
                .where(MODULE_ATTEMPT.ID.eq(attemptId), MODULE_ATTEMPT.COMPLETED_AT.isNull())
                .execute();
    }

    private static Attempt toAttempt(ModuleAttemptRecord r, Set<String> completed) {
        return new Attempt(r.getId(), r.getUserId(), r.getModuleId(), r.getVersion(), Audience.valueOf(r.getAudience()),
                r.getCurrentStepId(), r.getStartedAt(), r.getCompletedAt(), r.getScorePercent(),
                Set.copyOf(completed));
    }
}
