package nl.omzien.sessions.internal;

import nl.omzien.base.PersonId;
import nl.omzien.sessions.RegistrationId;
import nl.omzien.sessions.SessionId;
import nl.omzien.sessions.Attendance;
import nl.omzien.sessions.MyRegistration;
import nl.omzien.sessions.RegistrationStatus;
import nl.omzien.sessions.SessionParticipant;
import nl.omzien.sessions.TrainingSession;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import nl.omzien.sessions.internal.db.tables.records.RegistrationRecord;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import static nl.omzien.people.published.Tables.V_PERSON;
import static nl.omzien.people.published.Tables.V_ORGANISATION;
import static nl.omzien.sessions.internal.db.Tables.REGISTRATION;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.arrayGet;
import static org.jooq.impl.DSL.concat;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.selectFrom;
import static org.jooq.impl.DSL.update;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.unnest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.param;
import static nl.omzien.sessions.internal.db.Tables.SESSION_AUDIT;
import static nl.omzien.sessions.internal.db.Tables.SESSION_EVALUATION;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.when;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.val;

/**
 * Registrations and their audit trail. Callers lock the session first ({@link JooqSessionRepository#lock});
 * the database trigger {@code registration_capacity} refuses a seat beyond capacity regardless.
 */
@Repository
public class JooqRegistrationRepository {

    private final DSLContext db;

    JooqRegistrationRepository(DSLContext db) {
        this.db = db;
    }

    private static List<RegistrationStatus> statuses(Predicate<RegistrationStatus> which) {
        return Arrays.stream(RegistrationStatus.values()).filter(which).toList();
    }

    // The rules themselves are RegistrationStatus.holdsSeat() and isLive(); these are their SQL form.
    private static final List<RegistrationStatus> HOLDING_A_SEAT = statuses(RegistrationStatus::holdsSeat);
    private static final List<RegistrationStatus> LIVE = statuses(RegistrationStatus::isLive);

    static Condition holdsSeat(Field<RegistrationStatus> status) {
        return status.in(HOLDING_A_SEAT);
    }

    static Condition isLive(Field<RegistrationStatus> status) {
        return status.in(LIVE);
    }

    /** A registration's own columns. */
    public record Row(RegistrationId id, SessionId sessionId, PersonId userId, RegistrationStatus status, long arrival,
                      OffsetDateTime offerExpiresAt, Attendance attendance) {
        /** The same registration after a status change (as the update statements write it: no offer left). */
        public Row withStatus(RegistrationStatus newStatus) {
            return new Row(id, sessionId, userId, newStatus, arrival, null, attendance);
        }
    }

    /** The one mapping of a registration row. */
    private static Row toRow(Record r) {
        String attendance = r.get(REGISTRATION.ATTENDANCE);
        return new Row(r.get(REGISTRATION.ID), r.get(REGISTRATION.SESSION_ID), r.get(REGISTRATION.USER_ID),
                r.get(REGISTRATION.STATUS), r.get(REGISTRATION.ARRIVAL),
                r.get(REGISTRATION.OFFER_EXPIRES_AT), attendance == null ? null : Attendance.valueOf(attendance));
    }

    private List<Row> rows(Condition condition) {
        return db.selectFrom(REGISTRATION).where(condition).orderBy(REGISTRATION.ID).fetch(JooqRegistrationRepository::toRow);
    }

    public Optional<Row> find(RegistrationId id) {
        return rows(REGISTRATION.ID.eq(id)).stream().findFirst();
    }

    public Optional<Row> findLive(SessionId sessionId, PersonId userId) {
        return rows(REGISTRATION.SESSION_ID.eq(sessionId).and(REGISTRATION.USER_ID.eq(userId))
                .and(isLive(REGISTRATION.STATUS))).stream().findFirst();
    }

    /** The latest registration of a person for a session, live or not. */
    public Optional<Row> findLatest(SessionId sessionId, PersonId userId) {
        return db.selectFrom(REGISTRATION).where(REGISTRATION.SESSION_ID.eq(sessionId))
                .and(REGISTRATION.USER_ID.eq(userId)).orderBy(REGISTRATION.ID.desc()).limit(1)
                .fetchOptional(JooqRegistrationRepository::toRow);
    }

    public Optional<Row> findByOfferToken(String tokenHash) {
        return rows(REGISTRATION.OFFER_TOKEN_HASH.eq(tokenHash)).stream().findFirst();
    }

    /** Counts the rows; the seat row's counter says the same (checked by the tests and the benchmark). */
    public int seatsTaken(SessionId sessionId) {
        return db.fetchCount(REGISTRATION, REGISTRATION.SESSION_ID.eq(sessionId).and(holdsSeat(REGISTRATION.STATUS)));
    }

    public RegistrationId insert(SessionId sessionId, PersonId userId, RegistrationStatus status, long arrival, PersonId registeredBy,
                       OffsetDateTime now) {
        return newRegistration(sessionId, userId, status, arrival, registeredBy, now)
                .returning(REGISTRATION.ID).fetchSingle().getId();
    }

    private InsertSetMoreStep<RegistrationRecord> newRegistration(SessionId sessionId, PersonId userId,
            RegistrationStatus status, long arrival, PersonId registeredBy, OffsetDateTime now) {
        return db.insertInto(REGISTRATION)
                .set(REGISTRATION.SESSION_ID, sessionId)
                .set(REGISTRATION.USER_ID, userId)
                .set(REGISTRATION.STATUS, status)
                .set(REGISTRATION.ARRIVAL, arrival)
                .set(REGISTRATION.REGISTERED_BY, registeredBy)
                .set(REGISTRATION.CREATED_AT, now)
                .set(REGISTRATION.UPDATED_AT, now);
    }

    /**
     * A newcomer's registration and its audit entry in one statement (one round trip while the session is
     * locked). Empty, writing nothing, when the person already has a live place (the partial unique index):
     * a repeat that reached the lock at the same moment as the first.
     */
    public Optional<RegistrationId> insertUnlessLive(SessionId sessionId, PersonId userId, RegistrationStatus status, long arrival,
                                           PersonId registeredBy, String action, OffsetDateTime now) {
        var inserted = name("inserted").as(newRegistration(sessionId, userId, status, arrival, registeredBy, now)
                .onConflict(REGISTRATION.SESSION_ID, REGISTRATION.USER_ID).where(isLive(REGISTRATION.STATUS))
                .doNothing()
                .returningResult(REGISTRATION.ID));
        Field<RegistrationId> id = inserted.field(REGISTRATION.ID);
        return db.with(inserted)
                .insertInto(SESSION_AUDIT, SESSION_AUDIT.SESSION_ID, SESSION_AUDIT.REGISTRATION_ID, SESSION_AUDIT.USER_ID,
                        SESSION_AUDIT.ACTOR_ID, SESSION_AUDIT.ACTION, SESSION_AUDIT.ARRIVAL, SESSION_AUDIT.AT)
                .select(select(val(sessionId, SESSION_AUDIT.SESSION_ID), id, val(userId, SESSION_AUDIT.USER_ID), val(registeredBy, SESSION_AUDIT.ACTOR_ID), val(action), val(arrival), val(now))
                        .from(inserted))
                .returningResult(SESSION_AUDIT.REGISTRATION_ID)
                .fetchOptional(r -> r.value1());
    }

    /**
     * Cancels a live registration and writes its audit entry ("was" its status) in one statement: the
     * registration as it was, or empty, changing nothing, when it is no longer live.
     */
    public Optional<Row> cancelLive(RegistrationId id, PersonId actorId, OffsetDateTime now) {
        return changeOne(REGISTRATION.ID.eq(id).and(isLive(REGISTRATION.STATUS)),
                Map.<Field<?>, Object>of(REGISTRATION.STATUS, RegistrationStatus.CANCELLED), actorId, "CANCELLED",
                was -> concat(inline("was "), was.field(REGISTRATION.STATUS.getName(), String.class)), now);
    }

    /**
     * Confirms an offer that still stands at {@code now}, with its audit entry, in one statement: the offer
     * as it was, or empty, changing nothing (accepted already, lapsed, or never made).
     */
    public Optional<Row> acceptOffer(RegistrationId id, PersonId actorId, OffsetDateTime now) {
        return changeOne(REGISTRATION.ID.eq(id).and(REGISTRATION.STATUS.eq(RegistrationStatus.OFFERED))
                        .and(REGISTRATION.OFFER_EXPIRES_AT.gt(now)),
                // The token stays: the link keeps working, so a second click shows "accepted" instead of an error.
                Map.<Field<?>, Object>of(REGISTRATION.STATUS, RegistrationStatus.CONFIRMED,
                        REGISTRATION.OFFER_TOKEN_HASH, REGISTRATION.OFFER_TOKEN_HASH),
                actorId, "OFFER_ACCEPTED", was -> null, now);
    }

    /**
     * Ends an offer whose time is up at {@code now}, with its audit entry, in one statement: the offer as it
     * was, or empty, changing nothing (accepted, declined or still standing).
     */
    public Optional<Row> expireOffer(RegistrationId id, OffsetDateTime now) {
        return changeOne(REGISTRATION.ID.eq(id).and(REGISTRATION.STATUS.eq(RegistrationStatus.OFFERED))
                        .and(REGISTRATION.OFFER_EXPIRES_AT.le(now)),
                Map.<Field<?>, Object>of(REGISTRATION.STATUS, RegistrationStatus.OFFER_EXPIRED), null, "OFFER_EXPIRED",
                was -> null, now);
    }

    /**
     * Offers a seat to the first in line (lowest arrival number), with its audit entry, in one statement:
     * whom it was offered to, or empty when nobody waits.
     */
    public Optional<Row> offerToFirstWaiting(SessionId sessionId, OffsetDateTime expiresAt, String tokenHash, OffsetDateTime now) {
        return changeOne(REGISTRATION.SESSION_ID.eq(sessionId).and(REGISTRATION.STATUS.eq(RegistrationStatus.WAITLISTED)),
                Map.<Field<?>, Object>of(REGISTRATION.STATUS, RegistrationStatus.OFFERED, REGISTRATION.OFFER_EXPIRES_AT, expiresAt,
                        REGISTRATION.OFFER_TOKEN_HASH, tokenHash),
                null, "OFFERED", was -> val("until " + expiresAt), now);
    }

    /**
     * Reads the first registration matching {@code which} (by arrival) with a row lock, changes it and writes
     * its audit entry, in one statement: seat changes hold the session's lock until they commit, so every
     * round trip they save is one that the callers in line do not wait for (bench/signups.sh). An offer's
     * time and token are cleared unless {@code changes} sets them. Returns the registration as it was.
     */
    private Optional<Row> changeOne(Condition which, Map<Field<?>, Object> changes, PersonId actorId, String action,
                                    Function<Table<?>, Field<String>> detail, OffsetDateTime now) {
        var was = name("was").as(selectFrom(REGISTRATION).where(which).orderBy(REGISTRATION.ARRIVAL).limit(1).forUpdate());
        Map<Field<?>, Object> values = new HashMap<>();
        values.put(REGISTRATION.OFFER_EXPIRES_AT, null);
        values.put(REGISTRATION.OFFER_TOKEN_HASH, null);
        values.putAll(changes);
        values.put(REGISTRATION.UPDATED_AT, now);
        var changed = name("changed").as(update(REGISTRATION).set(values)
                .where(REGISTRATION.ID.in(select(was.field(REGISTRATION.ID)).from(was))).returningResult(REGISTRATION.ID));
        Field<String> detailField = detail.apply(was);
        var audited = name("audited").as(insertInto(SESSION_AUDIT, SESSION_AUDIT.SESSION_ID, SESSION_AUDIT.REGISTRATION_ID,
                        SESSION_AUDIT.USER_ID, SESSION_AUDIT.ACTOR_ID, SESSION_AUDIT.ACTION, SESSION_AUDIT.ARRIVAL,
                        SESSION_AUDIT.DETAIL, SESSION_AUDIT.AT)
                .select(select(was.field(REGISTRATION.SESSION_ID), was.field(REGISTRATION.ID), was.field(REGISTRATION.USER_ID),
                        val(actorId, SESSION_AUDIT.ACTOR_ID), val(action), was.field(REGISTRATION.ARRIVAL),
                        detailField == null ? DSL.<String>inline(null, SQLDataType.VARCHAR) : detailField, val(now))
                        .from(was).join(changed).on(changed.field(REGISTRATION.ID).eq(was.field(REGISTRATION.ID))))
                .returningResult(SESSION_AUDIT.REGISTRATION_ID));
        return db.with(was).with(changed).with(audited)
                .select(was.fields()).from(was).join(audited).on(audited.field(SESSION_AUDIT.REGISTRATION_ID).eq(was.field(REGISTRATION.ID)))
                .fetchOptional(r -> toRow(r.into(REGISTRATION)));
    }

    public void setStatus(RegistrationId id, RegistrationStatus status, OffsetDateTime now) {
        db.update(REGISTRATION).set(REGISTRATION.STATUS, status)
                .setNull(REGISTRATION.OFFER_EXPIRES_AT)
                .setNull(REGISTRATION.OFFER_TOKEN_HASH)
                .set(REGISTRATION.UPDATED_AT, now)
                .where(REGISTRATION.ID.eq(id)).execute();
    }

    /**
     * A person's registrations with their sessions, in one query: live places, attended ones and those the
     * trainer cancelled, with the place in line, whether evaluated and whether checked in; by session start.
     */
    public List<MyRegistration> mine(PersonId userId) {
        var earlier = REGISTRATION.as("earlier");
        Field<Integer> placeInLine = when(REGISTRATION.STATUS.eq(RegistrationStatus.WAITLISTED),
                field(selectCount().from(earlier).where(earlier.SESSION_ID.eq(REGISTRATION.SESSION_ID))
                        .and(earlier.STATUS.eq(RegistrationStatus.WAITLISTED))
                        .and(earlier.ARRIVAL.le(REGISTRATION.ARRIVAL)))).else_(0).as("place_in_line");
        Field<Boolean> evaluated = field(exists(selectOne().from(SESSION_EVALUATION)
                .where(SESSION_EVALUATION.REGISTRATION_ID.eq(REGISTRATION.ID)))).as("evaluated");
        List<SelectField<?>> columns = new ArrayList<>(JooqSessionRepository.SESSION_COLUMNS);
        columns.addAll(List.of(REGISTRATION.fields()));
        columns.addAll(List.of(placeInLine, evaluated));
        return db.select(columns).from(JooqSessionRepository.SESSION_TABLES)
                .join(REGISTRATION).on(REGISTRATION.SESSION_ID.eq(TRAINING_SESSION.ID))
                .where(REGISTRATION.USER_ID.eq(userId))
                .and(isLive(REGISTRATION.STATUS).or(REGISTRATION.ATTENDANCE.isNotNull())
                        .or(REGISTRATION.STATUS.eq(RegistrationStatus.SESSION_CANCELLED)))
                .orderBy(TRAINING_SESSION.STARTS_AT, REGISTRATION.ID)
                .fetch(r -> {
                    Row row = toRow(r);
                    return new MyRegistration(row.id(), JooqSessionRepository.toSession(r), row.status(),
                            row.offerExpiresAt(), row.attendance(), r.get(evaluated), r.get(placeInLine),
                            r.get(REGISTRATION.CHECKED_IN_AT) != null);
                });
    }

    /** Offers whose time is up, oldest first. */
    public List<Row> expiredOffers(OffsetDateTime now, int limit) {
        return db.selectFrom(REGISTRATION).where(REGISTRATION.STATUS.eq(RegistrationStatus.OFFERED))
                .and(REGISTRATION.OFFER_EXPIRES_AT.le(now)).orderBy(REGISTRATION.OFFER_EXPIRES_AT).limit(limit)
                .fetch(JooqRegistrationRepository::toRow);
    }

    public List<Row> liveForSession(SessionId sessionId) {
        return db.selectFrom(REGISTRATION).where(REGISTRATION.SESSION_ID.eq(sessionId))
                .and(isLive(REGISTRATION.STATUS)).orderBy(REGISTRATION.ARRIVAL)
                .fetch(JooqRegistrationRepository::toRow);
    }

    public List<Row> forUser(PersonId userId) {
        return rows(REGISTRATION.USER_ID.eq(userId));
    }

    /** Everyone with a live place or an attendance record, for the trainer, in arrival order. */
    public List<SessionParticipant> participants(SessionId sessionId) {
        return db.select(REGISTRATION.ID, REGISTRATION.USER_ID, V_PERSON.FULL_NAME, V_PERSON.EMAIL, V_ORGANISATION.NAME,
                        REGISTRATION.STATUS, REGISTRATION.ARRIVAL, REGISTRATION.OFFER_EXPIRES_AT, REGISTRATION.ATTENDANCE)
                .from(REGISTRATION)
                .join(V_PERSON).on(V_PERSON.ID.eq(REGISTRATION.USER_ID))
                .leftJoin(V_ORGANISATION).on(V_ORGANISATION.ID.eq(V_PERSON.ORGANISATION_ID))
                .where(REGISTRATION.SESSION_ID.eq(sessionId))
                .and(isLive(REGISTRATION.STATUS).or(REGISTRATION.ATTENDANCE.isNotNull()))
                .orderBy(REGISTRATION.ARRIVAL)
                .fetch(r -> new SessionParticipant(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(),
                        r.value9() == null ? null : Attendance.valueOf(r.value9())));
    }

    /** Sets attendance; returns the previous value so a caller publishes "attended" only once. */
    public Optional<Attendance> setAttendance(RegistrationId id, Attendance attendance, OffsetDateTime now) {
        Optional<Attendance> before = db.select(REGISTRATION.ATTENDANCE).from(REGISTRATION).where(REGISTRATION.ID.eq(id))
                .forUpdate().fetchOptional(r -> r.value1() == null ? null : Attendance.valueOf(r.value1()));
        db.update(REGISTRATION).set(REGISTRATION.ATTENDANCE, attendance.name())
                .set(REGISTRATION.ATTENDANCE_AT, now).set(REGISTRATION.UPDATED_AT, now)
                .where(REGISTRATION.ID.eq(id)).execute();
        return before;
    }

    /** Notes the first QR check-in (arrival); attendance is a separate decision. */
    public void markCheckedIn(RegistrationId id, OffsetDateTime now) {
        db.update(REGISTRATION).set(REGISTRATION.CHECKED_IN_AT, now).set(REGISTRATION.UPDATED_AT, now)
                .where(REGISTRATION.ID.eq(id)).and(REGISTRATION.CHECKED_IN_AT.isNull()).execute();
    }

    /** Confirmed people who checked in before the start of a session that has begun, with no attendance recorded yet. */
    public List<RegistrationId> earlyArrivalsDue(OffsetDateTime now) {
        return db.select(REGISTRATION.ID).from(REGISTRATION)
                .join(TRAINING_SESSION).on(TRAINING_SESSION.ID.eq(REGISTRATION.SESSION_ID))
                .where(REGISTRATION.CHECKED_IN_AT.isNotNull()).and(REGISTRATION.ATTENDANCE.isNull())
                .and(REGISTRATION.STATUS.eq(RegistrationStatus.CONFIRMED)).and(TRAINING_SESSION.STATUS.eq(TrainingSession.Status.PLANNED))
                .and(TRAINING_SESSION.STARTS_AT.le(now))
                // One order for every app instance: the job locks these rows one by one in one transaction,
                // and two instances taking them in different orders could deadlock.
                .orderBy(REGISTRATION.ID)
                .fetch(REGISTRATION.ID);
    }

    /** Confirmed registrations of sessions starting within the window that got no reminder yet. */
    public List<RegistrationId> dueForReminder(OffsetDateTime from, OffsetDateTime until) {
        return db.select(REGISTRATION.ID).from(REGISTRATION)
                .join(TRAINING_SESSION).on(TRAINING_SESSION.ID.eq(REGISTRATION.SESSION_ID))
                .where(REGISTRATION.STATUS.eq(RegistrationStatus.CONFIRMED)).and(REGISTRATION.REMINDER_SENT_AT.isNull())
                .and(TRAINING_SESSION.STATUS.eq(TrainingSession.Status.PLANNED))
                .and(TRAINING_SESSION.STARTS_AT.gt(from)).and(TRAINING_SESSION.STARTS_AT.le(until))
                .fetch(REGISTRATION.ID);
    }

    /** Claims the reminder; false when it was already sent (a second run or a restart sends nothing). */
    public boolean claimReminder(RegistrationId id, OffsetDateTime now) {
        return db.update(REGISTRATION).set(REGISTRATION.REMINDER_SENT_AT, now)
                .where(REGISTRATION.ID.eq(id)).and(REGISTRATION.REMINDER_SENT_AT.isNull())
                .and(REGISTRATION.STATUS.eq(RegistrationStatus.CONFIRMED)).execute() == 1;
    }

    public void audit(SessionId sessionId, RegistrationId registrationId, PersonId userId, PersonId actorId, String action, Long arrival,
                      String detail, OffsetDateTime now) {
        db.insertInto(SESSION_AUDIT)
                .set(SESSION_AUDIT.SESSION_ID, sessionId)
                .set(SESSION_AUDIT.REGISTRATION_ID, registrationId)
                .set(SESSION_AUDIT.USER_ID, userId)
                .set(SESSION_AUDIT.ACTOR_ID, actorId)
                .set(SESSION_AUDIT.ACTION, action)
                .set(SESSION_AUDIT.ARRIVAL, arrival)
                .set(SESSION_AUDIT.DETAIL, detail)
                .set(SESSION_AUDIT.AT, now)
                .execute();
    }

    /** An audit entry, for tests, the benchmark and the trainer's history. */
    public record AuditEntry(long id, RegistrationId registrationId, PersonId userId, String action, Long arrival, OffsetDateTime at) {
    }

    public List<AuditEntry> auditTrail(SessionId sessionId) {
        return db.select(SESSION_AUDIT.ID, SESSION_AUDIT.REGISTRATION_ID, SESSION_AUDIT.USER_ID, SESSION_AUDIT.ACTION,
                        SESSION_AUDIT.ARRIVAL, SESSION_AUDIT.AT)
                .from(SESSION_AUDIT).where(SESSION_AUDIT.SESSION_ID.eq(sessionId)).orderBy(SESSION_AUDIT.ID)
                .fetch(r -> new AuditEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    public boolean saveEvaluation(RegistrationId registrationId, int score, String doDifferently, String comment, OffsetDateTime now) {
        return insertEvaluation(registrationId, score, doDifferently, comment, null, now);
    }

    /** An evaluation on paper, typed in by {@code enteredBy}; false when the registration already has one. */
    public boolean savePaperEvaluation(RegistrationId registrationId, int score, String doDifferently, String comment,
                                       PersonId enteredBy, OffsetDateTime now) {
        return insertEvaluation(registrationId, score, doDifferently, comment, enteredBy, now);
    }

    /** Once per registration; {@code enteredBy} is the trainer who typed in a paper form, null when filled in online. */
    private boolean insertEvaluation(RegistrationId registrationId, int score, String doDifferently, String comment,
                                     PersonId enteredBy, OffsetDateTime now) {
        return db.insertInto(SESSION_EVALUATION)
                .set(SESSION_EVALUATION.REGISTRATION_ID, registrationId)
                .set(SESSION_EVALUATION.SCORE, (short) score)
                .set(SESSION_EVALUATION.DO_DIFFERENTLY, doDifferently)
                .set(SESSION_EVALUATION.COMMENT, comment)
                .set(SESSION_EVALUATION.ANSWERED_AT, now)
                .set(SESSION_EVALUATION.ON_PAPER, enteredBy != null)
                .set(SESSION_EVALUATION.ENTERED_BY, enteredBy)
                .onConflictDoNothing().execute() == 1;
    }

    /** Registrations that have an evaluation, on paper or online: the trainer's page shows who still may get one. */
    public java.util.Set<RegistrationId> evaluated(SessionId sessionId) {
        return new java.util.HashSet<>(db.select(SESSION_EVALUATION.REGISTRATION_ID).from(SESSION_EVALUATION)
                .join(REGISTRATION).on(REGISTRATION.ID.eq(SESSION_EVALUATION.REGISTRATION_ID))
                .where(REGISTRATION.SESSION_ID.eq(sessionId)).fetch(SESSION_EVALUATION.REGISTRATION_ID));
    }

    /**
     * A walk-in joined the account that had their address (people's PersonsMerged): their places move to it,
     * except at a session where that account has a live place already (those stay behind, with the disabled walk-in).
     */
    public int moveRegistrations(PersonId from, PersonId into) {
        var other = REGISTRATION.as("other");
        return db.update(REGISTRATION).set(REGISTRATION.USER_ID, into)
                .where(REGISTRATION.USER_ID.eq(from))
                .and(org.jooq.impl.DSL.notExists(org.jooq.impl.DSL.selectOne().from(other).where(other.SESSION_ID.eq(REGISTRATION.SESSION_ID),
                        other.USER_ID.eq(into), isLive(other.STATUS))))
                .execute();
    }

    /** Evaluations of a session, without names: trainers see what was said, not by whom. */
    public List<EvaluationRow> evaluations(SessionId sessionId) {
        return db.select(SESSION_EVALUATION.SCORE, SESSION_EVALUATION.DO_DIFFERENTLY, SESSION_EVALUATION.COMMENT)
                .from(SESSION_EVALUATION).join(REGISTRATION).on(REGISTRATION.ID.eq(SESSION_EVALUATION.REGISTRATION_ID))
                .where(REGISTRATION.SESSION_ID.eq(sessionId)).orderBy(SESSION_EVALUATION.ANSWERED_AT)
                .fetch(r -> new EvaluationRow(r.value1(), r.value2(), r.value3()));
    }

    public record EvaluationRow(int score, String doDifferently, String comment) {
    }
}
