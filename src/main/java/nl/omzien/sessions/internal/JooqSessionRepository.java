package nl.omzien.sessions.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.base.PersonId;
import nl.omzien.sessions.SessionId;
import nl.omzien.people.Audience;
import nl.omzien.sessions.SessionDraft;
import nl.omzien.sessions.TrainingSession;
import nl.omzien.sessions.TrainingSession.Status;
import nl.omzien.sessions.RegistrationStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static nl.omzien.people.published.Tables.V_PERSON;
import static nl.omzien.people.published.Tables.V_MUNICIPALITY;
import static nl.omzien.people.published.Tables.V_ORGANISATION;
import static nl.omzien.sessions.internal.db.Tables.REGISTRATION;
import static nl.omzien.sessions.internal.db.Tables.SESSION_SEAT_STATE;
import static nl.omzien.sessions.internal.db.Tables.SESSION_TRAINER;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;
import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

/** Sessions with their current counts. Only this class and its siblings in internal/ touch jOOQ. */
@Repository
public class JooqSessionRepository {

    private final DSLContext db;

    JooqSessionRepository(DSLContext db) {
        this.db = db;
    }

    /** Every seat change locks the session's narrow seat row (V13), never the wide session row. */
    private static final List<SelectField<?>> LOCKED_COLUMNS = List.of(SESSION_SEAT_STATE.SESSION_ID,
            SESSION_SEAT_STATE.CAPACITY, SESSION_SEAT_STATE.STATUS, SESSION_SEAT_STATE.STARTS_AT,
            SESSION_SEAT_STATE.REGISTRATION_DEADLINE, SESSION_SEAT_STATE.MUNICIPALITY_ID,
            SESSION_SEAT_STATE.ORGANISATION_ID, SESSION_SEAT_STATE.ICS_SEQUENCE);

    /** The lock every seat change takes first: concurrent seat changes for one session queue here. */
    public Optional<LockedSession> lock(SessionId sessionId) {
        queue(sessionId);
        return db.select(LOCKED_COLUMNS).from(SESSION_SEAT_STATE).where(SESSION_SEAT_STATE.SESSION_ID.eq(sessionId))
                .forUpdate().fetchOptional(JooqSessionRepository::toLockedSession);
    }

    /** Who may book a session: its municipality and, for a closed session, its organisation. */
    public record WhoMayBook(MunicipalityId municipalityId, OrganisationId organisationId) {
    }

    public Optional<WhoMayBook> whoMayBook(SessionId sessionId) {
        return db.select(SESSION_SEAT_STATE.MUNICIPALITY_ID, SESSION_SEAT_STATE.ORGANISATION_ID).from(SESSION_SEAT_STATE)
                .where(SESSION_SEAT_STATE.SESSION_ID.eq(sessionId)).fetchOptional(r -> new WhoMayBook(r.value1(), r.value2()));
    }

    /**
     * Seat changes for one session line up here, first come first served, before they lock the seat row. The
     * row lock alone keeps the seats right but serves waiters badly: every change writes a new version of the
     * row, and those waiting for the old version then race the newcomers for the new one: with 20 callers on
     * one session the p95 was four times the p50 (bench/README.md, stop 21). Transaction-scoped, like the row
     * lock: it ends at commit or rollback.
     */
    private void queue(SessionId sessionId) {
        db.fetch("select pg_advisory_xact_lock({0}, {1})", val(SEAT_QUEUE), val((int) (sessionId.value() % Integer.MAX_VALUE)));
    }

    /** "SEAT": the class of the advisory locks above (others: certificates' "CERT", the throttles' "THRS"/"THRI"). */
    private static final int SEAT_QUEUE = 0x53454154;

    private static LockedSession toLockedSession(Record r) {
        return new LockedSession(r.get(SESSION_SEAT_STATE.SESSION_ID), r.get(SESSION_SEAT_STATE.CAPACITY),
                r.get(SESSION_SEAT_STATE.STATUS), r.get(SESSION_SEAT_STATE.STARTS_AT),
                r.get(SESSION_SEAT_STATE.REGISTRATION_DEADLINE), r.get(SESSION_SEAT_STATE.MUNICIPALITY_ID),
                r.get(SESSION_SEAT_STATE.ORGANISATION_ID), r.get(SESSION_SEAT_STATE.ICS_SEQUENCE));
    }

    /** The session's own columns, as locked for a seat decision. */
    public record LockedSession(SessionId id, int capacity, Status status, OffsetDateTime startsAt,
                                OffsetDateTime registrationDeadline, MunicipalityId municipalityId, OrganisationId organisationId,
                                int icsSequence) {
    }

    /**
     * A session locked for seat changes, with the last of the arrival numbers just taken and its current
     * counters: seats held (confirmed or offered) and people waiting, kept by the registration trigger.
     */
    public record LockedForArrivals(LockedSession session, long lastArrival, int seatsHeld, int waiting) {
    }

    /**
     * Locks the session's seat row and takes {@code count} arrival numbers (ending at {@code lastArrival})
     * in one statement. Numbers that end up unused (a repeated sign-up) leave a gap: they only order people
     * and need not be consecutive.
     */
    public Optional<LockedForArrivals> lockForArrivals(SessionId sessionId, int count) {
        queue(sessionId);
        var columns = new ArrayList<SelectField<?>>(LOCKED_COLUMNS);
        columns.addAll(List.of(SESSION_SEAT_STATE.LAST_ARRIVAL, SESSION_SEAT_STATE.SEATS_HELD, SESSION_SEAT_STATE.WAITING));
        return db.update(SESSION_SEAT_STATE)
                .set(SESSION_SEAT_STATE.LAST_ARRIVAL, SESSION_SEAT_STATE.LAST_ARRIVAL.plus((long) count))
                .where(SESSION_SEAT_STATE.SESSION_ID.eq(sessionId))
                .returningResult(columns)
                .fetchOptional(r -> new LockedForArrivals(toLockedSession(r), r.get(SESSION_SEAT_STATE.LAST_ARRIVAL),
                        r.get(SESSION_SEAT_STATE.SEATS_HELD), r.get(SESSION_SEAT_STATE.WAITING)));
    }

    /** Seats held (confirmed or offered), from the session's counter; current once the session is locked. */
    public int seatsHeld(SessionId sessionId) {
        return db.select(SESSION_SEAT_STATE.SEATS_HELD).from(SESSION_SEAT_STATE)
                .where(SESSION_SEAT_STATE.SESSION_ID.eq(sessionId)).fetchSingle().value1();
    }

    public long nextArrival(SessionId sessionId) {
        return db.update(SESSION_SEAT_STATE).set(SESSION_SEAT_STATE.LAST_ARRIVAL, SESSION_SEAT_STATE.LAST_ARRIVAL.plus(1))
                .where(SESSION_SEAT_STATE.SESSION_ID.eq(sessionId)).returning(SESSION_SEAT_STATE.LAST_ARRIVAL).fetchOne()
                .getLastArrival();
    }

    public Optional<TrainingSession> find(SessionId id) {
        return fetch(TRAINING_SESSION.ID.eq(id)).stream().findFirst();
    }

    public List<TrainingSession> find(Condition condition) {
        return fetch(condition);
    }

    /** Sessions in a municipality (all when null) starting at or after {@code from}. */
    public List<TrainingSession> inMunicipality(MunicipalityId municipalityId, OffsetDateTime from) {
        Condition scope = municipalityId == null ? noCondition() : TRAINING_SESSION.MUNICIPALITY_ID.eq(municipalityId);
        return fetch(scope.and(from == null ? noCondition() : TRAINING_SESSION.ENDS_AT.ge(from)));
    }

    /** Planned sessions a person of this municipality and organisation may book, still open or not. */
    public List<TrainingSession> bookable(MunicipalityId municipalityId, OrganisationId organisationId, OffsetDateTime from) {
        Condition open = TRAINING_SESSION.ORGANISATION_ID.isNull();
        if (organisationId != null) {
            open = open.or(TRAINING_SESSION.ORGANISATION_ID.eq(organisationId));
        }
        return fetch(TRAINING_SESSION.MUNICIPALITY_ID.eq(municipalityId).and(open)
                .and(TRAINING_SESSION.STATUS.eq(Status.PLANNED)).and(TRAINING_SESSION.ENDS_AT.ge(from)));
    }

    private List<TrainingSession> fetch(Condition condition) {
        return db.select(SESSION_COLUMNS).from(SESSION_TABLES).where(condition)
                .orderBy(TRAINING_SESSION.STARTS_AT, TRAINING_SESSION.ID)
                .fetch(JooqSessionRepository::toSession);
    }

    // Seats held and people waiting come from the seat row's counters (kept by the registration trigger in
    // the same transaction), not from counting a busy session's registrations; only open offers are
    // counted (few, through the index on seat-holding rows, V21).
    private static final Field<Integer> OFFERS = field(select(count()).from(REGISTRATION)
            .where(REGISTRATION.SESSION_ID.eq(TRAINING_SESSION.ID))
            .and(REGISTRATION.STATUS.eq(RegistrationStatus.OFFERED)));
    private static final Field<Integer> OFFERED = OFFERS.as("offered");
    private static final Field<Integer> CONFIRMED = SESSION_SEAT_STATE.SEATS_HELD.minus(OFFERS).as("confirmed");
    private static final Field<Integer> WAITLISTED = SESSION_SEAT_STATE.WAITING.as("waitlisted");
    // Trainers by name, as arrays in the same row: one query for a list of sessions.
    private static final Field<PersonId[]> TRAINER_IDS = field(select(arrayAgg(V_PERSON.ID).orderBy(V_PERSON.FULL_NAME, V_PERSON.ID))
            .from(SESSION_TRAINER).join(V_PERSON).on(V_PERSON.ID.eq(SESSION_TRAINER.USER_ID))
            .where(SESSION_TRAINER.SESSION_ID.eq(TRAINING_SESSION.ID))).as("trainer_ids");
    private static final Field<String[]> TRAINER_NAMES = field(select(arrayAgg(V_PERSON.FULL_NAME).orderBy(V_PERSON.FULL_NAME, V_PERSON.ID))
            .from(SESSION_TRAINER).join(V_PERSON).on(V_PERSON.ID.eq(SESSION_TRAINER.USER_ID))
            .where(SESSION_TRAINER.SESSION_ID.eq(TRAINING_SESSION.ID))).as("trainer_names");

    /** What {@link #toSession} reads, from {@link #SESSION_TABLES}; also read by the registrations' own queries. */
    static final List<SelectField<?>> SESSION_COLUMNS;

    static {
        List<SelectField<?>> columns = new ArrayList<>(List.of(TRAINING_SESSION.fields()));
        columns.addAll(List.of(V_MUNICIPALITY.NAME, V_ORGANISATION.NAME, CONFIRMED, OFFERED, WAITLISTED, TRAINER_IDS, TRAINER_NAMES));
        SESSION_COLUMNS = List.copyOf(columns);
    }

    static final Table<?> SESSION_TABLES = TRAINING_SESSION
            .join(SESSION_SEAT_STATE).on(SESSION_SEAT_STATE.SESSION_ID.eq(TRAINING_SESSION.ID))
            .join(V_MUNICIPALITY).on(V_MUNICIPALITY.ID.eq(TRAINING_SESSION.MUNICIPALITY_ID))
            .leftJoin(V_ORGANISATION).on(V_ORGANISATION.ID.eq(TRAINING_SESSION.ORGANISATION_ID));

    /** The one mapping of a session row, with its seat counts and trainers. */
    static TrainingSession toSession(Record r) {
        String audience = r.get(TRAINING_SESSION.AUDIENCE);
        PersonId[] trainerIds = r.get(TRAINER_IDS);
        String[] trainerNames = r.get(TRAINER_NAMES);
        return new TrainingSession(r.get(TRAINING_SESSION.ID), r.get(TRAINING_SESSION.SERIES_ID),
                r.get(TRAINING_SESSION.TITLE), Arrays.asList(r.get(TRAINING_SESSION.MODULE_IDS)),
                audience == null ? null : Audience.valueOf(audience),
                r.get(TRAINING_SESSION.STARTS_AT), r.get(TRAINING_SESSION.ENDS_AT), r.get(TRAINING_SESSION.LOCATION),
                r.get(TRAINING_SESSION.ONLINE_URL), r.get(TRAINING_SESSION.CAPACITY),
                r.get(TRAINING_SESSION.MIN_PARTICIPANTS), r.get(TRAINING_SESSION.GO_NO_GO_DAYS),
                r.get(TRAINING_SESSION.REGISTRATION_DEADLINE), r.get(TRAINING_SESSION.MUNICIPALITY_ID),
                r.get(V_MUNICIPALITY.NAME), r.get(TRAINING_SESSION.ORGANISATION_ID), r.get(V_ORGANISATION.NAME),
                r.get(TRAINING_SESSION.NOTES), r.get(TRAINING_SESSION.STATUS),
                r.get(TRAINING_SESSION.ICS_SEQUENCE), r.get(CONFIRMED), r.get(OFFERED), r.get(WAITLISTED),
                trainerIds == null ? List.of() : Arrays.asList(trainerIds),
                trainerNames == null ? List.of() : Arrays.asList(trainerNames));
    }

    /** The columns a trainer edits, the same for a new and a changed session. */
    private static Map<org.jooq.Field<?>, Object> editable(SessionDraft draft, Times times) {
        Map<org.jooq.Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(TRAINING_SESSION.TITLE, draft.getTitle().trim());
        columns.put(TRAINING_SESSION.MODULE_IDS, draft.getModuleIds().toArray(String[]::new));
        columns.put(TRAINING_SESSION.AUDIENCE, draft.getAudience() == null ? null : draft.getAudience().name());
        columns.put(TRAINING_SESSION.STARTS_AT, times.startsAt());
        columns.put(TRAINING_SESSION.ENDS_AT, times.endsAt());
        columns.put(TRAINING_SESSION.REGISTRATION_DEADLINE, times.deadline());
        columns.put(TRAINING_SESSION.LOCATION, blankToNull(draft.getLocation()));
        columns.put(TRAINING_SESSION.ONLINE_URL, blankToNull(draft.getOnlineUrl()));
        columns.put(TRAINING_SESSION.CAPACITY, draft.getCapacity());
        columns.put(TRAINING_SESSION.MIN_PARTICIPANTS, draft.getMinParticipants());
        columns.put(TRAINING_SESSION.GO_NO_GO_DAYS, draft.getGoNoGoDays());
        columns.put(TRAINING_SESSION.ORGANISATION_ID, draft.getOrganisationId());
        columns.put(TRAINING_SESSION.NOTES, blankToNull(draft.getNotes()));
        // Null: the draft did not load it (a change made elsewhere), so the stored number stays.
        if (draft.getAccreditationNumber() != null) {
            columns.put(TRAINING_SESSION.ACCREDITATION_NUMBER, blankToNull(draft.getAccreditationNumber()));
        }
        return columns;
    }

    /** The accreditation number PE-online gave the session, if any. */
    public Optional<String> accreditationNumber(SessionId sessionId) {
        return db.select(TRAINING_SESSION.ACCREDITATION_NUMBER).from(TRAINING_SESSION).where(TRAINING_SESSION.ID.eq(sessionId))
                .fetchOptional(TRAINING_SESSION.ACCREDITATION_NUMBER);
    }

    /** Whether this person planned the session (its creator). */
    public boolean plannedBy(SessionId sessionId, PersonId userId) {
        return db.fetchExists(TRAINING_SESSION, TRAINING_SESSION.ID.eq(sessionId), TRAINING_SESSION.CREATED_BY.eq(userId));
    }

    public SessionId insert(SessionDraft draft, Times times, Long seriesId, PersonId createdBy, OffsetDateTime now) {
        SessionId id = db.insertInto(TRAINING_SESSION)
                .set(editable(draft, times))
                .set(TRAINING_SESSION.SERIES_ID, seriesId)
                .set(TRAINING_SESSION.MUNICIPALITY_ID, draft.getMunicipalityId())
                .set(TRAINING_SESSION.CREATED_BY, createdBy)
                .set(TRAINING_SESSION.CREATED_AT, now)
                .set(TRAINING_SESSION.UPDATED_AT, now)
                .returning(TRAINING_SESSION.ID).fetchOne().getId();
        replaceTrainers(id, draft.getTrainerIds());
        return id;
    }

    /** Updates the session; raises the calendar SEQUENCE so calendars replace the entry. */
    public void update(SessionDraft draft, Times times, OffsetDateTime now) {
        db.update(TRAINING_SESSION)
                .set(editable(draft, times))
                .set(TRAINING_SESSION.ICS_SEQUENCE, TRAINING_SESSION.ICS_SEQUENCE.plus(1))
                .set(TRAINING_SESSION.UPDATED_AT, now)
                // A moved session gets a fresh go/no-go check.
                .set(TRAINING_SESSION.GO_NO_GO_MAILED_AT, (OffsetDateTime) null)
                .where(TRAINING_SESSION.ID.eq(draft.getId()))
                .execute();
        replaceTrainers(draft.getId(), draft.getTrainerIds());
    }

    /** A walk-in at a full session: one more seat (the seat counter row follows by trigger). */
    public void raiseCapacity(SessionId id, int capacity, OffsetDateTime now) {
        db.update(TRAINING_SESSION).set(TRAINING_SESSION.CAPACITY, capacity).set(TRAINING_SESSION.UPDATED_AT, now)
                .where(TRAINING_SESSION.ID.eq(id)).execute();
    }

    public void markCancelled(SessionId id, OffsetDateTime now) {
        db.update(TRAINING_SESSION).set(TRAINING_SESSION.STATUS, Status.CANCELLED)
                .set(TRAINING_SESSION.ICS_SEQUENCE, TRAINING_SESSION.ICS_SEQUENCE.plus(1))
                .set(TRAINING_SESSION.UPDATED_AT, now)
                .set(TRAINING_SESSION.CANCEL_TOKEN_HASH, (String) null)
                .where(TRAINING_SESSION.ID.eq(id)).execute();
    }

    public void setSeries(SessionId id, long seriesId) {
        db.update(TRAINING_SESSION).set(TRAINING_SESSION.SERIES_ID, seriesId).where(TRAINING_SESSION.ID.eq(id)).execute();
    }

    private void replaceTrainers(SessionId sessionId, Collection<PersonId> trainerIds) {
        db.deleteFrom(SESSION_TRAINER).where(SESSION_TRAINER.SESSION_ID.eq(sessionId)).execute();
        for (PersonId trainer : trainerIds) {
            db.insertInto(SESSION_TRAINER).set(SESSION_TRAINER.SESSION_ID, sessionId)
                    .set(SESSION_TRAINER.USER_ID, trainer).execute();
        }
    }

    /** Trainers (and leads) who may run sessions in a municipality, by name: id to name. */
    public Map<PersonId, String> trainersIn(MunicipalityId municipalityId) {
        return db.select(V_PERSON.ID, V_PERSON.FULL_NAME).from(V_PERSON)
                .where(V_PERSON.MUNICIPALITY_ID.eq(municipalityId)).and(V_PERSON.ENABLED.isTrue())
                .and(V_PERSON.ROLES.contains(new String[]{"TRAINER"}))
                .orderBy(V_PERSON.FULL_NAME)
                .fetch().stream().collect(java.util.stream.Collectors.toMap(r -> r.value1(), r -> r.value2(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** Planned sessions whose go/no-go moment has come and which have a minimum, not yet mailed. */
    public List<SessionId> dueForGoNoGo(OffsetDateTime now) {
        return db.select(TRAINING_SESSION.ID).from(TRAINING_SESSION)
                .where(TRAINING_SESSION.STATUS.eq(Status.PLANNED))
                .and(TRAINING_SESSION.MIN_PARTICIPANTS.isNotNull())
                .and(TRAINING_SESSION.GO_NO_GO_MAILED_AT.isNull())
                .and(TRAINING_SESSION.STARTS_AT.gt(now))
                .and(TRAINING_SESSION.STARTS_AT.le(field("{0} + make_interval(days => {1})", OffsetDateTime.class,
                        org.jooq.impl.DSL.val(now), TRAINING_SESSION.GO_NO_GO_DAYS)))
                .fetch(TRAINING_SESSION.ID);
    }

    /** Claims the go/no-go mail for a session; false when another run already did (idempotent). */
    public boolean claimGoNoGo(SessionId id, String cancelTokenHash, OffsetDateTime now) {
        return db.update(TRAINING_SESSION).set(TRAINING_SESSION.GO_NO_GO_MAILED_AT, now)
                .set(TRAINING_SESSION.CANCEL_TOKEN_HASH, cancelTokenHash)
                .where(TRAINING_SESSION.ID.eq(id)).and(TRAINING_SESSION.GO_NO_GO_MAILED_AT.isNull())
                .execute() == 1;
    }

    public Optional<SessionId> findByCancelToken(String tokenHash) {
        return db.select(TRAINING_SESSION.ID).from(TRAINING_SESSION)
                .where(TRAINING_SESSION.CANCEL_TOKEN_HASH.eq(tokenHash)).fetchOptional(TRAINING_SESSION.ID);
    }

    public void setCheckinToken(SessionId id, String tokenHash) {
        db.update(TRAINING_SESSION).set(TRAINING_SESSION.CHECKIN_TOKEN_HASH, tokenHash)
                .where(TRAINING_SESSION.ID.eq(id)).execute();
    }

    public Optional<SessionId> findByCheckinToken(String tokenHash) {
        return db.select(TRAINING_SESSION.ID).from(TRAINING_SESSION)
                .where(TRAINING_SESSION.CHECKIN_TOKEN_HASH.eq(tokenHash)).fetchOptional(TRAINING_SESSION.ID);
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The instants of a session, computed from the draft's local date and times. */
    public record Times(OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime deadline) {
    }
}
