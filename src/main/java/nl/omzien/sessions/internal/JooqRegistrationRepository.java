package nl.omzien.sessions.internal;

import nl.omzien.sessions.Attendance;
import nl.omzien.sessions.RegistrationStatus;
import nl.omzien.sessions.SessionParticipant;
import nl.omzien.sessions.TrainingSession;
import org.jooq.DSLContext;
import nl.omzien.base.RenderedStatement;
import nl.omzien.base.RenderedStatements;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.jooq.SelectField;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static nl.omzien.people.published.Tables.V_PERSON;
import static nl.omzien.people.published.Tables.V_ORGANISATION;
import static nl.omzien.sessions.internal.db.Tables.REGISTRATION;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.arrayGet;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.unnest;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.param;
import static nl.omzien.sessions.internal.db.Tables.SESSION_AUDIT;
import static nl.omzien.sessions.internal.db.Tables.SESSION_EVALUATION;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;

/**
 * Registrations and their audit trail. Callers lock the session first ({@link JooqSessionRepository#lock});
 * the database trigger {@code registration_capacity} refuses a seat beyond capacity regardless.
 */
@Repository
public class JooqRegistrationRepository {

    private final DSLContext db;

    // The statements a sign-up, cancellation or offer runs, rendered once (see RenderedStatement).
    private final RenderedStatement findById;
    private final RenderedStatement findLiveOfPerson;
    private final RenderedStatement firstWaitingOfSession;
    private final RenderedStatement insertRegistration;
    private final RenderedStatement updateStatus;
    private final RenderedStatement updateToOffer;
    private final RenderedStatement insertAudit;
    // A batch of seat changes (SeatAllocation#decide): one statement for each kind of change.
    private final RenderedStatement findCurrent;
    private final RenderedStatement insertRegistrations;
    private final RenderedStatement updateToCancelled;
    private final RenderedStatement updateOffersToConfirmed;

    JooqRegistrationRepository(DSLContext db, RenderedStatements statements) {
        this.db = db;
        var id = param("id", Long.class);
        var sessionId = param("sessionId", Long.class);
        var userId = param("userId", Long.class);
        var status = param("status", String.class);
        var now = param("now", OffsetDateTime.class);
        findById = statements.of(db.select(ROW).from(REGISTRATION).where(REGISTRATION.ID.eq(id)), "id");
        findLiveOfPerson = statements.of(db.select(ROW).from(REGISTRATION)
                .where(REGISTRATION.SESSION_ID.eq(sessionId)).and(REGISTRATION.USER_ID.eq(userId))
                .and(REGISTRATION.STATUS.in(inline("CONFIRMED"), inline("WAITLISTED"), inline("OFFERED"))), "sessionId", "userId");
        firstWaitingOfSession = statements.of(db.select(ROW).from(REGISTRATION)
                .where(REGISTRATION.SESSION_ID.eq(sessionId)).and(REGISTRATION.STATUS.eq(inline("WAITLISTED")))
                .orderBy(REGISTRATION.ARRIVAL).limit(inline(1)), "sessionId");
        insertRegistration = statements.of(db.insertInto(REGISTRATION)
                .set(REGISTRATION.SESSION_ID, sessionId)
                .set(REGISTRATION.USER_ID, userId)
                .set(REGISTRATION.STATUS, status)
                .set(REGISTRATION.ARRIVAL, param("arrival", Long.class))
                .set(REGISTRATION.REGISTERED_BY, param("registeredBy", Long.class))
                .set(REGISTRATION.CREATED_AT, param("createdAt", OffsetDateTime.class))
                .set(REGISTRATION.UPDATED_AT, param("updatedAt", OffsetDateTime.class))
                .returning(REGISTRATION.ID), "sessionId", "userId", "status", "arrival", "registeredBy", "createdAt", "updatedAt");
        updateStatus = statements.of(db.update(REGISTRATION).set(REGISTRATION.STATUS, status)
                .set(REGISTRATION.OFFER_EXPIRES_AT, inline((OffsetDateTime) null))
                .set(REGISTRATION.OFFER_TOKEN_HASH, inline((String) null))
                .set(REGISTRATION.UPDATED_AT, now)
                .where(REGISTRATION.ID.eq(id)), "id", "status", "now");
        updateToOffer = statements.of(db.update(REGISTRATION).set(REGISTRATION.STATUS, inline(RegistrationStatus.OFFERED.name()))
                .set(REGISTRATION.OFFER_EXPIRES_AT, param("expiresAt", OffsetDateTime.class))
                .set(REGISTRATION.OFFER_TOKEN_HASH, param("tokenHash", String.class))
                .set(REGISTRATION.UPDATED_AT, now)
                .where(REGISTRATION.ID.eq(id)), "id", "expiresAt", "tokenHash", "now");
        insertAudit = statements.of(db.insertInto(SESSION_AUDIT)
                .set(SESSION_AUDIT.SESSION_ID, sessionId)
                .set(SESSION_AUDIT.REGISTRATION_ID, param("registrationId", Long.class))
                .set(SESSION_AUDIT.USER_ID, userId)
                .set(SESSION_AUDIT.ACTOR_ID, param("actorId", Long.class))
                .set(SESSION_AUDIT.ACTION, param("action", String.class))
                .set(SESSION_AUDIT.ARRIVAL, param("arrival", Long.class))
                .set(SESSION_AUDIT.DETAIL, param("detail", String.class))
                .set(SESSION_AUDIT.AT, now), "sessionId", "registrationId", "userId", "actorId", "action", "arrival", "detail", "now");
        var ids = param("ids", Long[].class);
        findCurrent = statements.of(db.select(ROW).from(REGISTRATION)
                .where(REGISTRATION.ID.eq(any(ids)))
                .or(REGISTRATION.SESSION_ID.eq(sessionId).and(REGISTRATION.USER_ID.eq(any(param("userIds", Long[].class))))
                        .and(REGISTRATION.STATUS.in(inline("CONFIRMED"), inline("WAITLISTED"), inline("OFFERED")))),
                "ids", "sessionId", "userIds");
        // Row n of the newcomers takes the n-th element of each array.
        Table<?> newcomers = unnest(param("newUserIds", Long[].class)).withOrdinality().as("newcomer", "user_id", "n");
        Field<Integer> n = newcomers.field("n", Long.class).cast(SQLDataType.INTEGER);
        insertRegistrations = statements.of(db.insertInto(REGISTRATION, REGISTRATION.SESSION_ID, REGISTRATION.USER_ID,
                        REGISTRATION.STATUS, REGISTRATION.ARRIVAL, REGISTRATION.REGISTERED_BY, REGISTRATION.CREATED_AT,
                        REGISTRATION.UPDATED_AT)
                .select(select(sessionId, newcomers.field("user_id", Long.class), arrayGet(param("statuses", String[].class), n),
                        arrayGet(param("arrivals", Long[].class), n), arrayGet(param("actorIds", Long[].class), n),
                        param("createdAt", OffsetDateTime.class), param("updatedAt", OffsetDateTime.class)).from(newcomers))
                .returning(REGISTRATION.ID, REGISTRATION.USER_ID),
                "sessionId", "newUserIds", "statuses", "arrivals", "actorIds", "createdAt", "updatedAt");
        updateToCancelled = statements.of(db.update(REGISTRATION).set(REGISTRATION.STATUS, inline(RegistrationStatus.CANCELLED.name()))
                .set(REGISTRATION.OFFER_EXPIRES_AT, inline((OffsetDateTime) null))
                .set(REGISTRATION.OFFER_TOKEN_HASH, inline((String) null))
                .set(REGISTRATION.UPDATED_AT, now)
                .where(REGISTRATION.ID.eq(any(ids))), "ids", "now");
        updateOffersToConfirmed = statements.of(db.update(REGISTRATION).set(REGISTRATION.STATUS, inline(RegistrationStatus.CONFIRMED.name()))
                .set(REGISTRATION.OFFER_EXPIRES_AT, inline((OffsetDateTime) null))
                .set(REGISTRATION.UPDATED_AT, now)
                .where(REGISTRATION.ID.eq(any(ids))), "ids", "now");
    }

    /** A registration's own columns. */
    public record Row(long id, long sessionId, long userId, RegistrationStatus status, long arrival,
                      OffsetDateTime offerExpiresAt, Attendance attendance) {
        /** The same registration after a status change (as the update statements write it: no offer left). */
        public Row withStatus(RegistrationStatus newStatus) {
            return new Row(id, sessionId, userId, newStatus, arrival, null, attendance);
        }
    }

    /** The columns of {@link Row}, in the order {@link #readRow} reads them. */
    private static final List<SelectField<?>> ROW = List.of(REGISTRATION.ID, REGISTRATION.SESSION_ID, REGISTRATION.USER_ID,
            REGISTRATION.STATUS, REGISTRATION.ARRIVAL, REGISTRATION.OFFER_EXPIRES_AT, REGISTRATION.ATTENDANCE);

    private static Row readRow(ResultSet r) throws SQLException {
        String attendance = r.getString(7);
        return new Row(r.getLong(1), r.getLong(2), r.getLong(3), RegistrationStatus.valueOf(r.getString(4)), r.getLong(5),
                r.getObject(6, OffsetDateTime.class), attendance == null ? null : Attendance.valueOf(attendance));
    }

    private static Row toRow(Record r) {
        String attendance = r.get(REGISTRATION.ATTENDANCE);
        return new Row(r.get(REGISTRATION.ID), r.get(REGISTRATION.SESSION_ID), r.get(REGISTRATION.USER_ID),
                RegistrationStatus.valueOf(r.get(REGISTRATION.STATUS)), r.get(REGISTRATION.ARRIVAL),
                r.get(REGISTRATION.OFFER_EXPIRES_AT), attendance == null ? null : Attendance.valueOf(attendance));
    }

    public Optional<Row> find(long id) {
        return findById.fetchOptional(JooqRegistrationRepository::readRow, id);
    }

    public Optional<Row> findLive(long sessionId, long userId) {
        return findLiveOfPerson.fetchOptional(JooqRegistrationRepository::readRow, sessionId, userId);
    }

    /** The latest registration of a person for a session, live or not. */
    public Optional<Row> findLatest(long sessionId, long userId) {
        return db.selectFrom(REGISTRATION).where(REGISTRATION.SESSION_ID.eq(sessionId))
                .and(REGISTRATION.USER_ID.eq(userId)).orderBy(REGISTRATION.ID.desc()).limit(1)
                .fetchOptional(JooqRegistrationRepository::toRow);
    }

    public Optional<Row> findByOfferToken(String tokenHash) {
        return db.selectFrom(REGISTRATION).where(REGISTRATION.OFFER_TOKEN_HASH.eq(tokenHash))
                .fetchOptional(JooqRegistrationRepository::toRow);
    }

    /** Counts the rows; the seat row's counter says the same (checked by the tests and the benchmark). */
    public int seatsTaken(long sessionId) {
        return db.fetchCount(REGISTRATION, REGISTRATION.SESSION_ID.eq(sessionId)
                .and(REGISTRATION.STATUS.in("CONFIRMED", "OFFERED")));
    }

    public Optional<Row> firstWaiting(long sessionId) {
        return firstWaitingOfSession.fetchOptional(JooqRegistrationRepository::readRow, sessionId);
    }

    /** 1 for the first on the waitlist. */
    public int waitlistPosition(long sessionId, long arrival) {
        return db.fetchCount(REGISTRATION, REGISTRATION.SESSION_ID.eq(sessionId)
                .and(REGISTRATION.STATUS.eq("WAITLISTED")).and(REGISTRATION.ARRIVAL.le(arrival)));
    }

    public long insert(long sessionId, long userId, RegistrationStatus status, long arrival, Long registeredBy,
                       OffsetDateTime now) {
        return insertRegistration.fetchSingle(r -> r.getLong(1), sessionId, userId, status.name(), arrival, registeredBy, now, now);
    }

    public void setStatus(long id, RegistrationStatus status, OffsetDateTime now) {
        updateStatus.execute(id, status.name(), now);
    }

    public void offer(long id, OffsetDateTime expiresAt, String tokenHash, OffsetDateTime now) {
        updateToOffer.execute(id, expiresAt, tokenHash, now);
    }

    /**
     * In one statement, for a batch of seat changes under the session's lock: the registrations with the
     * given ids, and the live places the given people hold in the session.
     */
    public List<Row> current(long sessionId, List<Long> ids, List<Long> userIds) {
        return findCurrent.fetchList(JooqRegistrationRepository::readRow, ids.toArray(Long[]::new), sessionId,
                userIds.toArray(Long[]::new));
    }

    /** A newcomer for {@link #insertAll}. */
    public record Newcomer(long userId, RegistrationStatus status, long arrival, Long actorId) {
    }

    /** Inserts the newcomers' registrations in one statement; returns each person's new registration id. */
    public Map<Long, Long> insertAll(long sessionId, List<Newcomer> newcomers, OffsetDateTime now) {
        Map<Long, Long> idByUser = new HashMap<>();
        insertRegistrations.fetchList(r -> Map.entry(r.getLong(2), r.getLong(1)), sessionId,
                newcomers.stream().map(Newcomer::userId).toArray(Long[]::new),
                newcomers.stream().map(c -> c.status().name()).toArray(String[]::new),
                newcomers.stream().map(Newcomer::arrival).toArray(Long[]::new),
                newcomers.stream().map(Newcomer::actorId).toArray(Long[]::new), now, now)
                .forEach(entry -> idByUser.put(entry.getKey(), entry.getValue()));
        return idByUser;
    }

    public void cancelAll(List<Long> ids, OffsetDateTime now) {
        updateToCancelled.execute(ids.toArray(Long[]::new), now);
    }

    /** Offers that became seats; the links keep working, so a second click shows "accepted" instead of an error. */
    public void confirmOffers(List<Long> ids, OffsetDateTime now) {
        updateOffersToConfirmed.execute(ids.toArray(Long[]::new), now);
    }

    /** Offers whose time is up, oldest first. */
    public List<Row> expiredOffers(OffsetDateTime now, int limit) {
        return db.selectFrom(REGISTRATION).where(REGISTRATION.STATUS.eq("OFFERED"))
                .and(REGISTRATION.OFFER_EXPIRES_AT.le(now)).orderBy(REGISTRATION.OFFER_EXPIRES_AT).limit(limit)
                .fetch(JooqRegistrationRepository::toRow);
    }

    public List<Row> liveForSession(long sessionId) {
        return db.selectFrom(REGISTRATION).where(REGISTRATION.SESSION_ID.eq(sessionId))
                .and(REGISTRATION.STATUS.in("CONFIRMED", "WAITLISTED", "OFFERED")).orderBy(REGISTRATION.ARRIVAL)
                .fetch(JooqRegistrationRepository::toRow);
    }

    public List<Row> forUser(long userId) {
        return db.selectFrom(REGISTRATION).where(REGISTRATION.USER_ID.eq(userId)).orderBy(REGISTRATION.ID)
                .fetch(JooqRegistrationRepository::toRow);
    }

    /** Everyone with a live place or an attendance record, for the trainer, in arrival order. */
    public List<SessionParticipant> participants(long sessionId) {
        return db.select(REGISTRATION.ID, REGISTRATION.USER_ID, V_PERSON.FULL_NAME, V_PERSON.EMAIL, V_ORGANISATION.NAME,
                        REGISTRATION.STATUS, REGISTRATION.ARRIVAL, REGISTRATION.OFFER_EXPIRES_AT, REGISTRATION.ATTENDANCE)
                .from(REGISTRATION)
                .join(V_PERSON).on(V_PERSON.ID.eq(REGISTRATION.USER_ID))
                .leftJoin(V_ORGANISATION).on(V_ORGANISATION.ID.eq(V_PERSON.ORGANISATION_ID))
                .where(REGISTRATION.SESSION_ID.eq(sessionId))
                .and(REGISTRATION.STATUS.in("CONFIRMED", "WAITLISTED", "OFFERED").or(REGISTRATION.ATTENDANCE.isNotNull()))
                .orderBy(REGISTRATION.ARRIVAL)
                .fetch(r -> new SessionParticipant(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        RegistrationStatus.valueOf(r.value6()), r.value7(), r.value8(),
                        r.value9() == null ? null : Attendance.valueOf(r.value9())));
    }

    /** Sets attendance; returns the previous value so a caller publishes "attended" only once. */
    public Optional<Attendance> setAttendance(long id, Attendance attendance, OffsetDateTime now) {
        Optional<Attendance> before = db.select(REGISTRATION.ATTENDANCE).from(REGISTRATION).where(REGISTRATION.ID.eq(id))
                .forUpdate().fetchOptional(r -> r.value1() == null ? null : Attendance.valueOf(r.value1()));
        db.update(REGISTRATION).set(REGISTRATION.ATTENDANCE, attendance.name())
                .set(REGISTRATION.ATTENDANCE_AT, now).set(REGISTRATION.UPDATED_AT, now)
                .where(REGISTRATION.ID.eq(id)).execute();
        return before;
    }

    /** Notes the first QR check-in (arrival); attendance is a separate decision. */
    public void markCheckedIn(long id, OffsetDateTime now) {
        db.update(REGISTRATION).set(REGISTRATION.CHECKED_IN_AT, now).set(REGISTRATION.UPDATED_AT, now)
                .where(REGISTRATION.ID.eq(id)).and(REGISTRATION.CHECKED_IN_AT.isNull()).execute();
    }

    public boolean checkedIn(long id) {
        return db.fetchExists(db.selectOne().from(REGISTRATION).where(REGISTRATION.ID.eq(id)).and(REGISTRATION.CHECKED_IN_AT.isNotNull()));
    }

    /** Confirmed people who checked in before the start of a session that has begun, with no attendance recorded yet. */
    public List<Long> earlyArrivalsDue(OffsetDateTime now) {
        return db.select(REGISTRATION.ID).from(REGISTRATION)
                .join(TRAINING_SESSION).on(TRAINING_SESSION.ID.eq(REGISTRATION.SESSION_ID))
                .where(REGISTRATION.CHECKED_IN_AT.isNotNull()).and(REGISTRATION.ATTENDANCE.isNull())
                .and(REGISTRATION.STATUS.eq("CONFIRMED")).and(TRAINING_SESSION.STATUS.eq(TrainingSession.Status.PLANNED))
                .and(TRAINING_SESSION.STARTS_AT.le(now))
                .fetch(REGISTRATION.ID);
    }

    /** Confirmed registrations of sessions starting within the window that got no reminder yet. */
    public List<Long> dueForReminder(OffsetDateTime from, OffsetDateTime until) {
        return db.select(REGISTRATION.ID).from(REGISTRATION)
                .join(TRAINING_SESSION).on(TRAINING_SESSION.ID.eq(REGISTRATION.SESSION_ID))
                .where(REGISTRATION.STATUS.eq("CONFIRMED")).and(REGISTRATION.REMINDER_SENT_AT.isNull())
                .and(TRAINING_SESSION.STATUS.eq(TrainingSession.Status.PLANNED))
                .and(TRAINING_SESSION.STARTS_AT.gt(from)).and(TRAINING_SESSION.STARTS_AT.le(until))
                .fetch(REGISTRATION.ID);
    }

    /** Claims the reminder; false when it was already sent (a second run or a restart sends nothing). */
    public boolean claimReminder(long id, OffsetDateTime now) {
        return db.update(REGISTRATION).set(REGISTRATION.REMINDER_SENT_AT, now)
                .where(REGISTRATION.ID.eq(id)).and(REGISTRATION.REMINDER_SENT_AT.isNull())
                .and(REGISTRATION.STATUS.eq("CONFIRMED")).execute() == 1;
    }

    public void audit(long sessionId, Long registrationId, Long userId, Long actorId, String action, Long arrival,
                      String detail, OffsetDateTime now) {
        // Nobody reads the trail back in the transaction that writes it: sent with the batch's other writes.
        insertAudit.executeDeferred(sessionId, registrationId, userId, actorId, action, arrival, detail, now);
    }

    /** An audit entry, for tests, the benchmark and the trainer's history. */
    public record AuditEntry(long id, Long registrationId, Long userId, String action, Long arrival, OffsetDateTime at) {
    }

    public List<AuditEntry> auditTrail(long sessionId) {
        return db.select(SESSION_AUDIT.ID, SESSION_AUDIT.REGISTRATION_ID, SESSION_AUDIT.USER_ID, SESSION_AUDIT.ACTION,
                        SESSION_AUDIT.ARRIVAL, SESSION_AUDIT.AT)
                .from(SESSION_AUDIT).where(SESSION_AUDIT.SESSION_ID.eq(sessionId)).orderBy(SESSION_AUDIT.ID)
                .fetch(r -> new AuditEntry(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    public boolean saveEvaluation(long registrationId, int score, String doDifferently, String comment, OffsetDateTime now) {
        return db.insertInto(SESSION_EVALUATION)
                .set(SESSION_EVALUATION.REGISTRATION_ID, registrationId)
                .set(SESSION_EVALUATION.SCORE, (short) score)
                .set(SESSION_EVALUATION.DO_DIFFERENTLY, doDifferently)
                .set(SESSION_EVALUATION.COMMENT, comment)
                .set(SESSION_EVALUATION.ANSWERED_AT, now)
                .onConflictDoNothing().execute() == 1;
    }

    public boolean evaluated(long registrationId) {
        return db.fetchExists(SESSION_EVALUATION, SESSION_EVALUATION.REGISTRATION_ID.eq(registrationId));
    }

    /** Evaluations of a session, without names: trainers see what was said, not by whom. */
    public List<EvaluationRow> evaluations(long sessionId) {
        return db.select(SESSION_EVALUATION.SCORE, SESSION_EVALUATION.DO_DIFFERENTLY, SESSION_EVALUATION.COMMENT)
                .from(SESSION_EVALUATION).join(REGISTRATION).on(REGISTRATION.ID.eq(SESSION_EVALUATION.REGISTRATION_ID))
                .where(REGISTRATION.SESSION_ID.eq(sessionId)).orderBy(SESSION_EVALUATION.ANSWERED_AT)
                .fetch(r -> new EvaluationRow(r.value1(), r.value2(), r.value3()));
    }

    public record EvaluationRow(int score, String doDifferently, String comment) {
    }
}
