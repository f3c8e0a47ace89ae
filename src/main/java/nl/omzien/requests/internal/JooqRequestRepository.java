package nl.omzien.requests.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.base.PersonId;
import nl.omzien.people.Audience;
import nl.omzien.requests.RequestDraft;
import nl.omzien.requests.RequestId;
import nl.omzien.requests.RequestStatus;
import nl.omzien.requests.internal.db.tables.records.TrainingRequestRecord;
import nl.omzien.sessions.SessionId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static nl.omzien.people.published.Tables.V_MUNICIPALITY;
import static nl.omzien.people.published.Tables.V_PERSON;
import static nl.omzien.requests.internal.db.Tables.REQUEST_EVENT;
import static nl.omzien.requests.internal.db.Tables.TRAINING_REQUEST;

/** The requests' tables. Every state change is one conditional update on the row's version. */
@Repository
public class JooqRequestRepository {

    /** A request row with the names staff see beside it. */
    public record Row(TrainingRequestRecord request, String municipalityName, String trainerName) {
    }

    /** One line of a request's log. */
    public record Event(OffsetDateTime at, PersonId actorId, String action, String detail) {
    }

    private final DSLContext db;

    JooqRequestRepository(DSLContext db) {
        this.db = db;
    }

    public RequestId insert(MunicipalityId municipality, OrganisationId organisation, RequestDraft draft, Locale locale,
                            PersonId requester, boolean held, String ipAddress, OffsetDateTime now) {
        return db.insertInto(TRAINING_REQUEST)
                .set(TRAINING_REQUEST.MUNICIPALITY_ID, municipality)
                .set(TRAINING_REQUEST.ORGANISATION_ID, organisation)
                .set(TRAINING_REQUEST.ORGANISATION_NAME, draft.organisationName().strip())
                .set(TRAINING_REQUEST.AUDIENCE, draft.audience().name())
                .set(TRAINING_REQUEST.PEOPLE_COUNT, draft.peopleCount())
                .set(TRAINING_REQUEST.PREFERRED_PERIODS, draft.preferredPeriods().strip())
                .set(TRAINING_REQUEST.PLACE, draft.place().strip())
                .set(TRAINING_REQUEST.REMARKS, draft.remarks() == null || draft.remarks().isBlank() ? null : draft.remarks().strip())
                .set(TRAINING_REQUEST.CONTACT_NAME, draft.contactName().strip())
                .set(TRAINING_REQUEST.CONTACT_EMAIL, draft.contactEmail().strip())
                .set(TRAINING_REQUEST.LOCALE, locale.getLanguage())
                .set(TRAINING_REQUEST.REQUESTER_ID, requester)
                .set(TRAINING_REQUEST.HELD, held)
                .set(TRAINING_REQUEST.IP_ADDRESS, ipAddress == null ? null : ipAddress.substring(0, Math.min(64, ipAddress.length())))
                .set(TRAINING_REQUEST.RECEIVED_AT, now)
                .returning(TRAINING_REQUEST.ID).fetchSingle(TRAINING_REQUEST.ID);
    }

    public void log(RequestId request, PersonId actor, String action, String detail, OffsetDateTime now) {
        db.insertInto(REQUEST_EVENT).set(REQUEST_EVENT.REQUEST_ID, request).set(REQUEST_EVENT.ACTOR_ID, actor)
                .set(REQUEST_EVENT.ACTION, action).set(REQUEST_EVENT.DETAIL, detail).set(REQUEST_EVENT.AT, now).execute();
    }

    public List<Event> events(RequestId request) {
        return db.select(REQUEST_EVENT.AT, REQUEST_EVENT.ACTOR_ID, REQUEST_EVENT.ACTION, REQUEST_EVENT.DETAIL)
                .from(REQUEST_EVENT).where(REQUEST_EVENT.REQUEST_ID.eq(request)).orderBy(REQUEST_EVENT.ID)
                .fetch(r -> new Event(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private static final nl.omzien.people.published.tables.VPerson TRAINER = V_PERSON.as("trainer");

    private List<Row> rows(Condition where) {
        return db.select(TRAINING_REQUEST.fields()).select(V_MUNICIPALITY.NAME, TRAINER.FULL_NAME)
                .from(TRAINING_REQUEST)
                .join(V_MUNICIPALITY).on(V_MUNICIPALITY.ID.eq(TRAINING_REQUEST.MUNICIPALITY_ID))
                .leftJoin(TRAINER).on(TRAINER.ID.eq(TRAINING_REQUEST.TRAINER_ID))
                .where(where)
                .orderBy(TRAINING_REQUEST.RECEIVED_AT.desc(), TRAINING_REQUEST.ID.desc())
                .fetch(this::row);
    }

    private Row row(Record r) {
        return new Row(r.into(TRAINING_REQUEST), r.get(V_MUNICIPALITY.NAME), r.get(TRAINER.FULL_NAME));
    }

    public Optional<Row> find(RequestId id) {
        return rows(TRAINING_REQUEST.ID.eq(id)).stream().findFirst();
    }

    /** Requests of a municipality, or of all when null, newest first. */
    public List<Row> inMunicipality(MunicipalityId municipality) {
        return rows(municipality == null ? org.jooq.impl.DSL.trueCondition() : TRAINING_REQUEST.MUNICIPALITY_ID.eq(municipality));
    }

    public List<Row> assignedTo(PersonId trainer) {
        return rows(TRAINING_REQUEST.TRAINER_ID.eq(trainer).and(TRAINING_REQUEST.STATUS.eq(RequestStatus.ASSIGNED.name())));
    }

    /** Requests still waiting for the coalition: new, or assigned without a proposal. */
    public List<Row> awaitingAnswer(MunicipalityId municipality) {
        Condition open = TRAINING_REQUEST.STATUS.eq(RequestStatus.NEW.name())
                .or(TRAINING_REQUEST.STATUS.eq(RequestStatus.ASSIGNED.name()).and(TRAINING_REQUEST.PROPOSED_STARTS_AT.isNull()));
        return rows(municipality == null ? open : open.and(TRAINING_REQUEST.MUNICIPALITY_ID.eq(municipality)));
    }

    public List<nl.omzien.people.Municipality> municipalities() {
        return db.select(V_MUNICIPALITY.ID, V_MUNICIPALITY.NAME).from(V_MUNICIPALITY).orderBy(V_MUNICIPALITY.NAME)
                .fetch(r -> new nl.omzien.people.Municipality(r.value1(), r.value2()));
    }

    public Optional<RequestId> byTokenHash(String hash) {
        return db.select(TRAINING_REQUEST.ID).from(TRAINING_REQUEST).where(TRAINING_REQUEST.ACCEPT_TOKEN_HASH.eq(hash))
                .fetchOptional(TRAINING_REQUEST.ID);
    }

    /** Held requests from one address since a moment: the hard cap of the public form. */
    public int heldFrom(String ipAddress, OffsetDateTime since) {
        return db.fetchCount(TRAINING_REQUEST, TRAINING_REQUEST.HELD.isTrue(), TRAINING_REQUEST.IP_ADDRESS.eq(ipAddress),
                TRAINING_REQUEST.RECEIVED_AT.gt(since));
    }

    private Condition at(RequestId id, int version) {
        return TRAINING_REQUEST.ID.eq(id).and(TRAINING_REQUEST.VERSION.eq(version));
    }

    /** @return false when someone else changed the request since {@code version}, or it is planned or declined */
    public boolean assign(RequestId id, int version, PersonId trainer, OrganisationId organisation, OffsetDateTime now) {
        return db.update(TRAINING_REQUEST)
                .set(TRAINING_REQUEST.STATUS, RequestStatus.ASSIGNED.name())
                .set(TRAINING_REQUEST.TRAINER_ID, trainer)
                .set(TRAINING_REQUEST.ORGANISATION_ID, organisation)
                // A new trainer proposes afresh: an earlier proposal and its link no longer hold.
                .setNull(TRAINING_REQUEST.PROPOSED_STARTS_AT).setNull(TRAINING_REQUEST.PROPOSED_ENDS_AT)
                .setNull(TRAINING_REQUEST.PROPOSED_PLACE).setNull(TRAINING_REQUEST.ACCEPT_TOKEN_HASH)
                .set(TRAINING_REQUEST.ANSWERED_AT, now)
                .set(TRAINING_REQUEST.VERSION, TRAINING_REQUEST.VERSION.plus(1))
                .where(at(id, version), TRAINING_REQUEST.STATUS.in(RequestStatus.NEW.name(), RequestStatus.ASSIGNED.name()))
                .execute() == 1;
    }

    public boolean decline(RequestId id, int version, String reason, OffsetDateTime now) {
        return db.update(TRAINING_REQUEST)
                .set(TRAINING_REQUEST.STATUS, RequestStatus.DECLINED.name())
                .set(TRAINING_REQUEST.DECLINE_REASON, reason)
                .setNull(TRAINING_REQUEST.ACCEPT_TOKEN_HASH)
                .set(TRAINING_REQUEST.ANSWERED_AT, now)
                .set(TRAINING_REQUEST.VERSION, TRAINING_REQUEST.VERSION.plus(1))
                .where(at(id, version), TRAINING_REQUEST.STATUS.in(RequestStatus.NEW.name(), RequestStatus.ASSIGNED.name()))
                .execute() == 1;
    }

    public boolean propose(RequestId id, int version, PersonId trainer, OffsetDateTime start, OffsetDateTime end, String place,
                           String tokenHash, OffsetDateTime now) {
        return db.update(TRAINING_REQUEST)
                .set(TRAINING_REQUEST.PROPOSED_STARTS_AT, start)
                .set(TRAINING_REQUEST.PROPOSED_ENDS_AT, end)
                .set(TRAINING_REQUEST.PROPOSED_PLACE, place)
                .set(TRAINING_REQUEST.ACCEPT_TOKEN_HASH, tokenHash)
                .set(TRAINING_REQUEST.ANSWERED_AT, now)
                .set(TRAINING_REQUEST.VERSION, TRAINING_REQUEST.VERSION.plus(1))
                .where(at(id, version), TRAINING_REQUEST.STATUS.eq(RequestStatus.ASSIGNED.name()),
                        TRAINING_REQUEST.TRAINER_ID.eq(trainer))
                .execute() == 1;
    }

    /** Marks the proposal accepted; false when it changed meanwhile (or was accepted already). */
    public boolean planned(RequestId id, int version, SessionId session, OffsetDateTime now) {
        return db.update(TRAINING_REQUEST)
                .set(TRAINING_REQUEST.STATUS, RequestStatus.PLANNED.name())
                .set(TRAINING_REQUEST.SESSION_ID, session)
                .setNull(TRAINING_REQUEST.ACCEPT_TOKEN_HASH)
                .set(TRAINING_REQUEST.ANSWERED_AT, now)
                .set(TRAINING_REQUEST.VERSION, TRAINING_REQUEST.VERSION.plus(1))
                .where(at(id, version), TRAINING_REQUEST.STATUS.eq(RequestStatus.ASSIGNED.name()),
                        TRAINING_REQUEST.PROPOSED_STARTS_AT.isNotNull())
                .execute() == 1;
    }

    /** Takes the row lock, so an accepting lead and an accepting requester plan one session, not two. */
    public Optional<Integer> lockVersion(RequestId id) {
        return db.select(TRAINING_REQUEST.VERSION).from(TRAINING_REQUEST).where(TRAINING_REQUEST.ID.eq(id)).forUpdate()
                .fetchOptional(TRAINING_REQUEST.VERSION);
    }

    // --- own data ---

    public List<Map<String, Object>> requestsOf(PersonId person) {
        return db.select(TRAINING_REQUEST.ID, TRAINING_REQUEST.ORGANISATION_NAME, TRAINING_REQUEST.AUDIENCE,
                        TRAINING_REQUEST.PEOPLE_COUNT, TRAINING_REQUEST.PREFERRED_PERIODS, TRAINING_REQUEST.PLACE,
                        TRAINING_REQUEST.REMARKS, TRAINING_REQUEST.CONTACT_NAME, TRAINING_REQUEST.CONTACT_EMAIL,
                        TRAINING_REQUEST.STATUS, TRAINING_REQUEST.RECEIVED_AT, TRAINING_REQUEST.TRAINER_ID)
                .from(TRAINING_REQUEST)
                .where(TRAINING_REQUEST.REQUESTER_ID.eq(person).or(TRAINING_REQUEST.TRAINER_ID.eq(person)))
                .fetchMaps();
    }

    public List<Map<String, Object>> eventsBy(PersonId person) {
        return db.select(REQUEST_EVENT.REQUEST_ID, REQUEST_EVENT.AT, REQUEST_EVENT.ACTION).from(REQUEST_EVENT)
                .where(REQUEST_EVENT.ACTOR_ID.eq(person)).fetchMaps();
    }

    /** The requester's name and address are erased; the request stays for the coalition's history. */
    public void eraseRequester(PersonId person, java.util.Set<String> emails) {
        eraseContact(TRAINING_REQUEST.REQUESTER_ID.eq(person)
                .or(emails.isEmpty() ? org.jooq.impl.DSL.falseCondition()
                        : org.jooq.impl.DSL.lower(TRAINING_REQUEST.CONTACT_EMAIL).in(emails)));
    }

    /**
     * The retention rule for requests made without an account: their requester's data goes once the request's last
     * step (its arrival, or the coalition's last answer) is older than {@code before}. Already erased ones are skipped.
     *
     * @return how many requests lost their requester's data now
     */
    public int eraseContactsOfPublicRequestsQuietSince(OffsetDateTime before) {
        return eraseContact(TRAINING_REQUEST.REQUESTER_ID.isNull().and(TRAINING_REQUEST.CONTACT_EMAIL.ne(""))
                .and(org.jooq.impl.DSL.coalesce(TRAINING_REQUEST.ANSWERED_AT, TRAINING_REQUEST.RECEIVED_AT).lt(before)));
    }

    /** Name, address, remarks (which may name people), IP address and accept link go; the request stays in the history. */
    private int eraseContact(Condition which) {
        return db.update(TRAINING_REQUEST).set(TRAINING_REQUEST.CONTACT_NAME, "--").set(TRAINING_REQUEST.CONTACT_EMAIL, "")
                .set(TRAINING_REQUEST.REMARKS, (String) null).setNull(TRAINING_REQUEST.REQUESTER_ID)
                .setNull(TRAINING_REQUEST.ACCEPT_TOKEN_HASH).setNull(TRAINING_REQUEST.IP_ADDRESS)
                .where(which)
                .execute();
    }
}
