package nl.omzien.trainers.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import nl.omzien.sessions.SessionId;
import nl.omzien.trainers.Qualification;
import nl.omzien.trainers.QualificationId;
import nl.omzien.trainers.internal.db.tables.records.QualificationRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static nl.omzien.people.published.Tables.V_ORGANISATION;
import static nl.omzien.people.published.Tables.V_PERSON;
import static nl.omzien.sessions.published.Tables.V_REGISTRATION;
import static nl.omzien.sessions.published.Tables.V_SESSION_FIGURES;
import static nl.omzien.sessions.published.Tables.V_SESSION_TRAINER;
import static nl.omzien.trainers.internal.db.Tables.CANDIDATE;
import static nl.omzien.trainers.internal.db.Tables.QUALIFICATION;
import static nl.omzien.trainers.internal.db.Tables.TRAINER_RULE;
import static nl.omzien.training.published.Tables.V_ATTEMPT_OUTCOME;

/** The trainers feature's tables, and what it reads of people's, sessions' and training's published views. */
@Repository
public class JooqTrainerRepository {

    private final DSLContext db;

    JooqTrainerRepository(DSLContext db) {
        this.db = db;
    }

    static Qualification toQualification(QualificationRecord r) {
        return new Qualification(r.getId(), r.getPersonId(), r.getMunicipalityId(), Qualification.Source.valueOf(r.getSource()),
                r.getQualifiedOn(), r.getExpiresOn(), r.getEvidence());
    }

    // --- qualifications ---

    public QualificationId insert(PersonId personId, MunicipalityId municipalityId, Qualification.Source source, LocalDate qualifiedOn,
                                  LocalDate expiresOn, String evidence, PersonId recordedBy, OffsetDateTime now) {
        return db.insertInto(QUALIFICATION)
                .set(QUALIFICATION.PERSON_ID, personId).set(QUALIFICATION.MUNICIPALITY_ID, municipalityId)
                .set(QUALIFICATION.SOURCE, source.name()).set(QUALIFICATION.QUALIFIED_ON, qualifiedOn)
                .set(QUALIFICATION.EXPIRES_ON, expiresOn).set(QUALIFICATION.EVIDENCE, evidence)
                .set(QUALIFICATION.RECORDED_BY, recordedBy).set(QUALIFICATION.RECORDED_AT, now)
                .returning(QUALIFICATION.ID).fetchOne().getId();
    }

    /** Every qualification of these people in the municipality, latest expiry first. */
    public List<Qualification> of(MunicipalityId municipalityId, Collection<PersonId> people) {
        return db.selectFrom(QUALIFICATION).where(QUALIFICATION.MUNICIPALITY_ID.eq(municipalityId))
                .and(QUALIFICATION.PERSON_ID.in(people))
                .orderBy(QUALIFICATION.EXPIRES_ON.desc(), QUALIFICATION.ID.desc())
                .fetch(JooqTrainerRepository::toQualification);
    }

    /** Per person the qualification that ends last, in one municipality. */
    public Map<PersonId, Qualification> latestIn(MunicipalityId municipalityId) {
        Map<PersonId, Qualification> latest = new LinkedHashMap<>();
        db.selectFrom(QUALIFICATION).where(QUALIFICATION.MUNICIPALITY_ID.eq(municipalityId))
                .orderBy(QUALIFICATION.EXPIRES_ON.desc(), QUALIFICATION.ID.desc())
                .fetch(JooqTrainerRepository::toQualification)
                .forEach(q -> latest.putIfAbsent(q.personId(), q));
        return latest;
    }

    /** The person's qualification that ends last, in any municipality. */
    public Optional<Qualification> latestOf(PersonId personId) {
        return db.selectFrom(QUALIFICATION).where(QUALIFICATION.PERSON_ID.eq(personId))
                .orderBy(QUALIFICATION.EXPIRES_ON.desc(), QUALIFICATION.ID.desc()).limit(1)
                .fetchOptional(JooqTrainerRepository::toQualification);
    }

    /** A person's qualifications for the own-data export. */
    public List<Qualification> allOf(PersonId personId) {
        return db.selectFrom(QUALIFICATION).where(QUALIFICATION.PERSON_ID.eq(personId)).orderBy(QUALIFICATION.ID)
                .fetch(JooqTrainerRepository::toQualification);
    }

    /**
     * Qualifications ending between {@code from} and {@code until} whose holder has not been reminded and has no later
     * one, locked so that two runs never both mail (SKIP LOCKED).
     */
    public List<Qualification> lockRemindersDue(LocalDate from, LocalDate until, int limit) {
        var later = QUALIFICATION.as("later");
        return db.selectFrom(QUALIFICATION)
                .where(QUALIFICATION.EXPIRES_ON.between(from, until)).and(QUALIFICATION.REMINDED_AT.isNull())
                .andNotExists(DSL.selectOne().from(later).where(later.PERSON_ID.eq(QUALIFICATION.PERSON_ID))
                        .and(later.MUNICIPALITY_ID.eq(QUALIFICATION.MUNICIPALITY_ID))
                        .and(later.EXPIRES_ON.gt(QUALIFICATION.EXPIRES_ON)))
                .orderBy(QUALIFICATION.EXPIRES_ON).limit(limit).forUpdate().skipLocked()
                .fetch(JooqTrainerRepository::toQualification);
    }

    public void markReminded(QualificationId id, OffsetDateTime now) {
        db.update(QUALIFICATION).set(QUALIFICATION.REMINDED_AT, now).where(QUALIFICATION.ID.eq(id)).execute();
    }

    public int deleteOf(PersonId personId) {
        db.update(QUALIFICATION).setNull(QUALIFICATION.RECORDED_BY).where(QUALIFICATION.RECORDED_BY.eq(personId)).execute();
        db.update(TRAINER_RULE).setNull(TRAINER_RULE.CHANGED_BY).where(TRAINER_RULE.CHANGED_BY.eq(personId)).execute();
        db.deleteFrom(CANDIDATE).where(CANDIDATE.PERSON_ID.eq(personId)).execute();
        return db.deleteFrom(QUALIFICATION).where(QUALIFICATION.PERSON_ID.eq(personId)).execute();
    }

    // --- the trainer path ---

    public record CandidateRow(PersonId personId, OffsetDateTime pathCompletedAt, Long tttSessionId, OffsetDateTime tttAttendedAt,
                               OffsetDateTime qualifiedAt) {
        public boolean readyForFirstSession() {
            return pathCompletedAt != null && tttAttendedAt != null && qualifiedAt == null;
        }
    }

    public void pathCompleted(PersonId personId, OffsetDateTime at) {
        db.insertInto(CANDIDATE).set(CANDIDATE.PERSON_ID, personId).set(CANDIDATE.PATH_COMPLETED_AT, at)
                .onConflict(CANDIDATE.PERSON_ID).doUpdate()
                .set(CANDIDATE.PATH_COMPLETED_AT, DSL.coalesce(CANDIDATE.PATH_COMPLETED_AT, DSL.val(at)))
                .execute();
    }

    public void trainTheTrainerAttended(PersonId personId, SessionId sessionId, OffsetDateTime at) {
        db.insertInto(CANDIDATE).set(CANDIDATE.PERSON_ID, personId).set(CANDIDATE.TTT_SESSION_ID, sessionId.value())
                .set(CANDIDATE.TTT_ATTENDED_AT, at)
                .onConflict(CANDIDATE.PERSON_ID).doUpdate()
                .set(CANDIDATE.TTT_SESSION_ID, DSL.coalesce(CANDIDATE.TTT_SESSION_ID, DSL.val(sessionId.value())))
                .set(CANDIDATE.TTT_ATTENDED_AT, DSL.coalesce(CANDIDATE.TTT_ATTENDED_AT, DSL.val(at)))
                .execute();
    }

    public Optional<CandidateRow> candidate(PersonId personId) {
        return db.selectFrom(CANDIDATE).where(CANDIDATE.PERSON_ID.eq(personId)).fetchOptional(r -> new CandidateRow(
                r.getPersonId(), r.getPathCompletedAt(), r.getTttSessionId(), r.getTttAttendedAt(), r.getQualifiedAt()));
    }

    /** Candidates who only lack their first session, locked (SKIP LOCKED) so two runs never qualify one twice. */
    public List<CandidateRow> lockReadyCandidates() {
        return db.selectFrom(CANDIDATE).where(CANDIDATE.PATH_COMPLETED_AT.isNotNull())
                .and(CANDIDATE.TTT_ATTENDED_AT.isNotNull()).and(CANDIDATE.QUALIFIED_AT.isNull())
                .forUpdate().skipLocked()
                .fetch(r -> new CandidateRow(r.getPersonId(), r.getPathCompletedAt(), r.getTttSessionId(), r.getTttAttendedAt(),
                        r.getQualifiedAt()));
    }

    public List<CandidateRow> candidatesOf(Collection<PersonId> people) {
        return db.selectFrom(CANDIDATE).where(CANDIDATE.PERSON_ID.in(people))
                .fetch(r -> new CandidateRow(r.getPersonId(), r.getPathCompletedAt(), r.getTttSessionId(), r.getTttAttendedAt(),
                        r.getQualifiedAt()));
    }

    public void markQualified(PersonId personId, OffsetDateTime now) {
        db.update(CANDIDATE).set(CANDIDATE.QUALIFIED_AT, now).where(CANDIDATE.PERSON_ID.eq(personId)).execute();
    }

    // --- rules ---

    public record RuleRow(int validityMonths, int minSessionsPerYear) {
    }

    public Optional<RuleRow> rule(MunicipalityId municipalityId) {
        return db.selectFrom(TRAINER_RULE).where(TRAINER_RULE.MUNICIPALITY_ID.eq(municipalityId))
                .fetchOptional(r -> new RuleRow(r.getValidityMonths(), r.getMinSessionsPerYear()));
    }

    public void saveRule(MunicipalityId municipalityId, int validityMonths, int minSessionsPerYear, PersonId changedBy, OffsetDateTime now) {
        db.insertInto(TRAINER_RULE).set(TRAINER_RULE.MUNICIPALITY_ID, municipalityId)
                .set(TRAINER_RULE.VALIDITY_MONTHS, validityMonths).set(TRAINER_RULE.MIN_SESSIONS_PER_YEAR, minSessionsPerYear)
                .set(TRAINER_RULE.CHANGED_BY, changedBy).set(TRAINER_RULE.CHANGED_AT, now)
                .onConflict(TRAINER_RULE.MUNICIPALITY_ID).doUpdate()
                .set(TRAINER_RULE.VALIDITY_MONTHS, validityMonths).set(TRAINER_RULE.MIN_SESSIONS_PER_YEAR, minSessionsPerYear)
                .set(TRAINER_RULE.CHANGED_BY, changedBy).set(TRAINER_RULE.CHANGED_AT, now)
                .execute();
    }

    // --- people (published view) ---

    public record PersonRow(PersonId id, String name, MunicipalityId municipalityId, boolean trainerRole) {
    }

    /** Staff have a municipality of their own; everyone else their organisation's. */
    private static final org.jooq.Field<MunicipalityId> MUNICIPALITY = DSL.coalesce(V_PERSON.MUNICIPALITY_ID, V_ORGANISATION.MUNICIPALITY_ID);

    public Optional<PersonRow> person(PersonId personId) {
        return db.select(V_PERSON.ID, V_PERSON.FULL_NAME, MUNICIPALITY, V_PERSON.ROLES).from(V_PERSON)
                .leftJoin(V_ORGANISATION).on(V_ORGANISATION.ID.eq(V_PERSON.ORGANISATION_ID))
                .where(V_PERSON.ID.eq(personId)).fetchOptional(r -> new PersonRow(r.value1(), r.value2(), r.value3(),
                        r.value4() != null && List.of(r.value4()).contains("TRAINER")));
    }

    /** Enabled people of a municipality, by name: whom a lead may record a qualification for. */
    public Map<PersonId, String> peopleIn(MunicipalityId municipalityId) {
        Map<PersonId, String> people = new LinkedHashMap<>();
        db.select(V_PERSON.ID, V_PERSON.FULL_NAME).from(V_PERSON)
                .leftJoin(V_ORGANISATION).on(V_ORGANISATION.ID.eq(V_PERSON.ORGANISATION_ID))
                .where(MUNICIPALITY.eq(municipalityId)).and(V_PERSON.ENABLED.isTrue()).orderBy(V_PERSON.FULL_NAME)
                .forEach(r -> people.put(r.value1(), r.value2()));
        return people;
    }

    public Map<PersonId, String> names(Collection<PersonId> ids) {
        Map<PersonId, String> names = new LinkedHashMap<>();
        db.select(V_PERSON.ID, V_PERSON.FULL_NAME).from(V_PERSON).where(V_PERSON.ID.in(ids))
                .forEach(r -> names.put(r.value1(), r.value2()));
        return names;
    }

    // --- sessions (published views) ---

    public record LedSession(SessionId sessionId, MunicipalityId municipalityId, String title, List<String> moduleIds,
                             OffsetDateTime startsAt, OffsetDateTime endsAt, List<PersonId> trainerIds) {
    }

    private List<LedSession> led(org.jooq.Condition condition) {
        Map<SessionId, LedSession> sessions = new LinkedHashMap<>();
        db.select(V_SESSION_TRAINER.SESSION_ID, V_SESSION_TRAINER.MUNICIPALITY_ID, V_SESSION_TRAINER.TITLE,
                        V_SESSION_TRAINER.MODULE_IDS, V_SESSION_TRAINER.STARTS_AT, V_SESSION_TRAINER.ENDS_AT,
                        V_SESSION_TRAINER.TRAINER_ID)
                .from(V_SESSION_TRAINER).where(condition).and(V_SESSION_TRAINER.CANCELLED.isFalse())
                .orderBy(V_SESSION_TRAINER.STARTS_AT, V_SESSION_TRAINER.SESSION_ID)
                .forEach(r -> sessions.computeIfAbsent(r.value1(), id -> new LedSession(id, r.value2(), r.value3(),
                        r.value4() == null ? List.of() : List.of(r.value4()), r.value5(), r.value6(), new ArrayList<>()))
                        .trainerIds().add(r.value7()));
        return new ArrayList<>(sessions.values());
    }

    /** Sessions (not cancelled) the person gave that have ended, oldest first, with all their trainers. */
    public List<LedSession> givenBy(PersonId personId, OffsetDateTime now) {
        return led(V_SESSION_TRAINER.SESSION_ID.in(DSL.select(V_SESSION_TRAINER.SESSION_ID).from(V_SESSION_TRAINER)
                .where(V_SESSION_TRAINER.TRAINER_ID.eq(personId))).and(V_SESSION_TRAINER.ENDS_AT.le(now)));
    }

    /** Sessions given (ended, not cancelled) per trainer, since {@code from} (null: ever). */
    public Map<PersonId, Integer> sessionsGiven(Collection<PersonId> trainers, OffsetDateTime from, OffsetDateTime now) {
        Map<PersonId, Integer> counts = new LinkedHashMap<>();
        var query = db.select(V_SESSION_TRAINER.TRAINER_ID, DSL.count()).from(V_SESSION_TRAINER)
                .where(V_SESSION_TRAINER.TRAINER_ID.in(trainers)).and(V_SESSION_TRAINER.CANCELLED.isFalse())
                .and(V_SESSION_TRAINER.ENDS_AT.le(now));
        if (from != null) {
            query = query.and(V_SESSION_TRAINER.STARTS_AT.ge(from));
        }
        query.groupBy(V_SESSION_TRAINER.TRAINER_ID).forEach(r -> counts.put(r.value1(), r.value2()));
        return counts;
    }

    /** Planned sessions of a municipality that start after {@code now}, with their trainers. */
    public List<LedSession> upcomingIn(MunicipalityId municipalityId, OffsetDateTime now) {
        return led(V_SESSION_TRAINER.MUNICIPALITY_ID.eq(municipalityId).and(V_SESSION_TRAINER.STARTS_AT.gt(now)));
    }

    public record Figures(int places, int present, int evaluations, long scoreSum) {
    }

    public Optional<Figures> figures(SessionId sessionId) {
        return db.select(V_SESSION_FIGURES.SEATS, V_SESSION_FIGURES.PRESENT, V_SESSION_FIGURES.EVALUATIONS, V_SESSION_FIGURES.SCORE_SUM)
                .from(V_SESSION_FIGURES).where(V_SESSION_FIGURES.SESSION_ID.eq(sessionId))
                .fetchOptional(r -> new Figures(r.value1().intValue(), r.value2().intValue(), r.value3().intValue(), r.value4()));
    }

    /** Self-assessment sums (3..15) before and after of the people present, one completed attempt each (their latest). */
    public List<short[]> confidenceOfThosePresent(SessionId sessionId, List<String> moduleIds) {
        var attempts = db.select(V_ATTEMPT_OUTCOME.USER_ID, V_ATTEMPT_OUTCOME.CONFIDENCE_BEFORE, V_ATTEMPT_OUTCOME.CONFIDENCE_AFTER)
                .distinctOn(V_ATTEMPT_OUTCOME.USER_ID)
                .from(V_ATTEMPT_OUTCOME)
                .where(V_ATTEMPT_OUTCOME.USER_ID.in(DSL.select(V_REGISTRATION.USER_ID).from(V_REGISTRATION)
                        .where(V_REGISTRATION.SESSION_ID.eq(sessionId)).and(V_REGISTRATION.PRESENT.isTrue())))
                .and(V_ATTEMPT_OUTCOME.CONFIDENCE_BEFORE.isNotNull()).and(V_ATTEMPT_OUTCOME.CONFIDENCE_AFTER.isNotNull());
        if (!moduleIds.isEmpty()) {
            attempts = attempts.and(V_ATTEMPT_OUTCOME.MODULE_ID.in(moduleIds));
        }
        return attempts.orderBy(V_ATTEMPT_OUTCOME.USER_ID, V_ATTEMPT_OUTCOME.CONFIDENCE_AFTER_AT.desc())
                .fetch(r -> new short[]{r.value2(), r.value3()});
    }
}
