package nl.omzien.campaigns.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import nl.omzien.campaigns.Activity;
import nl.omzien.campaigns.ActivityId;
import nl.omzien.campaigns.Campaign;
import nl.omzien.campaigns.CampaignId;
import nl.omzien.sessions.SessionId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static nl.omzien.campaigns.internal.db.Tables.ACTIVITY;
import static nl.omzien.campaigns.internal.db.Tables.AGENDA_SIGN_UP;
import static nl.omzien.campaigns.internal.db.Tables.CAMPAIGN;
import static nl.omzien.campaigns.internal.db.Tables.CAMPAIGN_MAIL;
import static nl.omzien.campaigns.internal.db.Tables.CAMPAIGN_SESSION;
import static nl.omzien.campaigns.internal.db.Tables.MAIL_OPT_OUT;
import static nl.omzien.certificates.published.Tables.V_FIRST_CERTIFICATE_PER_PATH;
import static nl.omzien.people.published.Tables.V_MUNICIPALITY;
import static nl.omzien.people.published.Tables.V_ORGANISATION;
import static nl.omzien.people.published.Tables.V_PERSON;
import static nl.omzien.sessions.published.Tables.V_SESSION_FIGURES;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

/** Campaigns, their sessions and activities, the campaign mail marks and the agenda sign-ups. */
@Repository
public class JooqCampaignRepository {

    private final DSLContext db;

    JooqCampaignRepository(DSLContext db) {
        this.db = db;
    }

    // --- campaigns ---

    public CampaignId insert(MunicipalityId municipalityId, String name, LocalDate startsOn, LocalDate endsOn,
                             PersonId by, OffsetDateTime now) {
        return db.insertInto(CAMPAIGN).set(CAMPAIGN.MUNICIPALITY_ID, municipalityId).set(CAMPAIGN.NAME, name)
                .set(CAMPAIGN.STARTS_ON, startsOn).set(CAMPAIGN.ENDS_ON, endsOn).set(CAMPAIGN.CREATED_BY, by)
                .set(CAMPAIGN.CREATED_AT, now).returning(CAMPAIGN.ID).fetchOne(CAMPAIGN.ID);
    }

    public void update(CampaignId id, String name, LocalDate startsOn, LocalDate endsOn) {
        db.update(CAMPAIGN).set(CAMPAIGN.NAME, name).set(CAMPAIGN.STARTS_ON, startsOn).set(CAMPAIGN.ENDS_ON, endsOn)
                .where(CAMPAIGN.ID.eq(id)).execute();
    }

    public void delete(CampaignId id) {
        db.deleteFrom(CAMPAIGN).where(CAMPAIGN.ID.eq(id)).execute();
    }

    public Optional<Campaign> find(CampaignId id) {
        return campaigns(CAMPAIGN.ID.eq(id)).stream().findFirst();
    }

    /** The municipality's campaigns, latest first. */
    public List<Campaign> of(MunicipalityId municipalityId) {
        return campaigns(CAMPAIGN.MUNICIPALITY_ID.eq(municipalityId));
    }

    /** Campaigns (of any municipality) running on that day. */
    public List<Campaign> runningOn(LocalDate day) {
        return campaigns(CAMPAIGN.STARTS_ON.le(day).and(CAMPAIGN.ENDS_ON.ge(day)));
    }

    private List<Campaign> campaigns(Condition condition) {
        Map<CampaignId, Record> rows = new LinkedHashMap<>();
        db.select(CAMPAIGN.ID, CAMPAIGN.MUNICIPALITY_ID, CAMPAIGN.NAME, CAMPAIGN.STARTS_ON, CAMPAIGN.ENDS_ON).from(CAMPAIGN)
                .where(condition).orderBy(CAMPAIGN.STARTS_ON.desc(), CAMPAIGN.ID.desc())
                .forEach(r -> rows.put(r.get(CAMPAIGN.ID), r));
        Map<CampaignId, Set<SessionId>> sessions = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            db.select(CAMPAIGN_SESSION.CAMPAIGN_ID, CAMPAIGN_SESSION.SESSION_ID).from(CAMPAIGN_SESSION)
                    .where(CAMPAIGN_SESSION.CAMPAIGN_ID.in(rows.keySet()))
                    .forEach(r -> sessions.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
        }
        return rows.values().stream().map(r -> new Campaign(r.get(CAMPAIGN.ID), r.get(CAMPAIGN.MUNICIPALITY_ID),
                r.get(CAMPAIGN.NAME), r.get(CAMPAIGN.STARTS_ON), r.get(CAMPAIGN.ENDS_ON),
                sessions.getOrDefault(r.get(CAMPAIGN.ID), Set.of()))).toList();
    }

    public void tag(CampaignId campaignId, SessionId sessionId) {
        db.insertInto(CAMPAIGN_SESSION).set(CAMPAIGN_SESSION.CAMPAIGN_ID, campaignId)
                .set(CAMPAIGN_SESSION.SESSION_ID, sessionId).onConflictDoNothing().execute();
    }

    public void untag(CampaignId campaignId, SessionId sessionId) {
        db.deleteFrom(CAMPAIGN_SESSION).where(CAMPAIGN_SESSION.CAMPAIGN_ID.eq(campaignId),
                CAMPAIGN_SESSION.SESSION_ID.eq(sessionId)).execute();
    }

    // --- activities ---

    public ActivityId insertActivity(CampaignId campaignId, String title, OffsetDateTime startsAt, OffsetDateTime endsAt,
                                     String place, String organiser, String description, String link, PersonId by,
                                     OffsetDateTime now) {
        return db.insertInto(ACTIVITY).set(ACTIVITY.CAMPAIGN_ID, campaignId).set(ACTIVITY.TITLE, title)
                .set(ACTIVITY.STARTS_AT, startsAt).set(ACTIVITY.ENDS_AT, endsAt).set(ACTIVITY.PLACE, place)
                .set(ACTIVITY.ORGANISER, organiser).set(ACTIVITY.DESCRIPTION, description).set(ACTIVITY.LINK, link)
                .set(ACTIVITY.CREATED_BY, by).set(ACTIVITY.CREATED_AT, now).returning(ACTIVITY.ID).fetchOne(ACTIVITY.ID);
    }

    /** @return whether the activity was still there */
    public boolean updateActivity(ActivityId id, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, String place,
                                  String organiser, String description, String link) {
        return db.update(ACTIVITY).set(ACTIVITY.TITLE, title).set(ACTIVITY.STARTS_AT, startsAt).set(ACTIVITY.ENDS_AT, endsAt)
                .set(ACTIVITY.PLACE, place).set(ACTIVITY.ORGANISER, organiser).set(ACTIVITY.DESCRIPTION, description)
                .set(ACTIVITY.LINK, link).where(ACTIVITY.ID.eq(id)).execute() == 1;
    }

    public void deleteActivity(ActivityId id) {
        db.deleteFrom(ACTIVITY).where(ACTIVITY.ID.eq(id)).execute();
    }

    public Optional<CampaignId> campaignOf(ActivityId id) {
        return db.select(ACTIVITY.CAMPAIGN_ID).from(ACTIVITY).where(ACTIVITY.ID.eq(id)).fetchOptional(ACTIVITY.CAMPAIGN_ID);
    }

    public List<Activity> activities(CampaignId campaignId) {
        return db.selectFrom(ACTIVITY).where(ACTIVITY.CAMPAIGN_ID.eq(campaignId)).orderBy(ACTIVITY.STARTS_AT, ACTIVITY.ID)
                .fetch(r -> new Activity(r.getId(), r.getCampaignId(), r.getTitle(), r.getStartsAt(), r.getEndsAt(),
                        r.getPlace(), r.getOrganiser(), r.getDescription(), r.getLink()));
    }

    // --- the public agenda ---

    /** Municipality names by id, for the public addresses. */
    public Map<MunicipalityId, String> municipalities() {
        Map<MunicipalityId, String> all = new LinkedHashMap<>();
        db.select(V_MUNICIPALITY.ID, V_MUNICIPALITY.NAME).from(V_MUNICIPALITY).orderBy(V_MUNICIPALITY.ID)
                .forEach(r -> all.put(r.value1(), r.value2()));
        return all;
    }

    // --- the campaign mail ---

    /**
     * Claims up to {@code limit} people to mail for a running campaign: enabled people with an address and a
     * certificate, placed in the campaign's municipality, who did not opt out and were not mailed for it yet. The
     * rows are the "mailed" marks, written in the caller's transaction with the mails; a second instance claiming
     * at the same time waits on the key and then skips those people.
     */
    public List<PersonId> claimRecipients(CampaignId campaignId, MunicipalityId municipalityId, OffsetDateTime now, int limit) {
        return db.insertInto(CAMPAIGN_MAIL, CAMPAIGN_MAIL.CAMPAIGN_ID, CAMPAIGN_MAIL.PERSON_ID, CAMPAIGN_MAIL.MAILED_AT)
                .select(select(val(campaignId, CAMPAIGN_MAIL.CAMPAIGN_ID), V_PERSON.ID, val(now, CAMPAIGN_MAIL.MAILED_AT))
                        .from(V_PERSON).leftJoin(V_ORGANISATION).on(V_ORGANISATION.ID.eq(V_PERSON.ORGANISATION_ID))
                        .where(coalesce(V_ORGANISATION.MUNICIPALITY_ID, V_PERSON.MUNICIPALITY_ID).eq(municipalityId))
                        .and(V_PERSON.ENABLED.isTrue()).and(V_PERSON.EMAIL.isNotNull())
                        .and(exists(selectOne().from(V_FIRST_CERTIFICATE_PER_PATH)
                                .where(V_FIRST_CERTIFICATE_PER_PATH.USER_ID.eq(V_PERSON.ID))))
                        .and(notExists(selectOne().from(MAIL_OPT_OUT).where(MAIL_OPT_OUT.PERSON_ID.eq(V_PERSON.ID))))
                        .and(notExists(selectOne().from(CAMPAIGN_MAIL).where(CAMPAIGN_MAIL.CAMPAIGN_ID.eq(campaignId),
                                CAMPAIGN_MAIL.PERSON_ID.eq(V_PERSON.ID))))
                        .orderBy(V_PERSON.ID).limit(limit))
                .onConflictDoNothing()
                .returningResult(CAMPAIGN_MAIL.PERSON_ID).fetch(r -> r.value1());
    }

    public void setOptOutToken(CampaignId campaignId, PersonId personId, String tokenHash) {
        db.update(CAMPAIGN_MAIL).set(CAMPAIGN_MAIL.OPT_OUT_TOKEN_HASH, tokenHash)
                .where(CAMPAIGN_MAIL.CAMPAIGN_ID.eq(campaignId), CAMPAIGN_MAIL.PERSON_ID.eq(personId)).execute();
    }

    public Optional<PersonId> personOfOptOutToken(String tokenHash) {
        return db.select(CAMPAIGN_MAIL.PERSON_ID).from(CAMPAIGN_MAIL).where(CAMPAIGN_MAIL.OPT_OUT_TOKEN_HASH.eq(tokenHash))
                .fetchOptional(CAMPAIGN_MAIL.PERSON_ID);
    }

    public boolean optedOut(PersonId personId) {
        return db.fetchExists(MAIL_OPT_OUT, MAIL_OPT_OUT.PERSON_ID.eq(personId));
    }

    public void optOut(PersonId personId, OffsetDateTime now) {
        db.insertInto(MAIL_OPT_OUT).set(MAIL_OPT_OUT.PERSON_ID, personId).set(MAIL_OPT_OUT.OPTED_OUT_AT, now)
                .onConflictDoNothing().execute();
    }

    public int mailsSent(CampaignId campaignId) {
        return db.fetchCount(CAMPAIGN_MAIL, CAMPAIGN_MAIL.CAMPAIGN_ID.eq(campaignId));
    }

    // --- sign-ups from the agenda ---

    public void recordAgendaSignUp(SessionId sessionId, PersonId personId, OffsetDateTime at) {
        db.insertInto(AGENDA_SIGN_UP).set(AGENDA_SIGN_UP.SESSION_ID, sessionId).set(AGENDA_SIGN_UP.PERSON_ID, personId)
                .set(AGENDA_SIGN_UP.SIGNED_UP_AT, at).onConflictDoNothing().execute();
    }

    // --- figures ---

    /** Sessions of the municipality that started in [from, until) and before {@code now}, not cancelled. */
    public long sessionsHeld(MunicipalityId municipalityId, OffsetDateTime from, OffsetDateTime until, OffsetDateTime now) {
        return db.fetchCount(V_SESSION_FIGURES, V_SESSION_FIGURES.MUNICIPALITY_ID.eq(municipalityId),
                V_SESSION_FIGURES.CANCELLED.isFalse(), V_SESSION_FIGURES.STARTS_AT.ge(from),
                V_SESSION_FIGURES.STARTS_AT.lt(until), V_SESSION_FIGURES.STARTS_AT.le(now));
    }

    /** People of the municipality whose first certificate (any path) was earned between the two days. */
    public long peopleTrained(MunicipalityId municipalityId, LocalDate from, LocalDate until) {
        var first = select(V_FIRST_CERTIFICATE_PER_PATH.USER_ID, min(V_FIRST_CERTIFICATE_PER_PATH.COMPLETED_ON).as("first_on"))
                .from(V_FIRST_CERTIFICATE_PER_PATH).groupBy(V_FIRST_CERTIFICATE_PER_PATH.USER_ID).asTable("first");
        var firstOn = first.field("first_on", LocalDate.class);
        var user = first.field(V_FIRST_CERTIFICATE_PER_PATH.USER_ID);
        return db.select(count()).from(first)
                .join(V_PERSON).on(V_PERSON.ID.eq(user))
                .leftJoin(V_ORGANISATION).on(V_ORGANISATION.ID.eq(V_PERSON.ORGANISATION_ID))
                .where(coalesce(V_ORGANISATION.MUNICIPALITY_ID, V_PERSON.MUNICIPALITY_ID).eq(municipalityId))
                .and(firstOn.between(from, until)).fetchOne(0, long.class);
    }

    /** Activities of the municipality's campaigns starting in [from, until). */
    public long activities(MunicipalityId municipalityId, OffsetDateTime from, OffsetDateTime until) {
        return db.select(count()).from(ACTIVITY).join(CAMPAIGN).on(CAMPAIGN.ID.eq(ACTIVITY.CAMPAIGN_ID))
                .where(CAMPAIGN.MUNICIPALITY_ID.eq(municipalityId), ACTIVITY.STARTS_AT.ge(from), ACTIVITY.STARTS_AT.lt(until))
                .fetchOne(0, long.class);
    }

    /** People who signed up from the agenda for a session of the municipality, in [from, until). */
    public long agendaSignUps(MunicipalityId municipalityId, OffsetDateTime from, OffsetDateTime until) {
        return db.select(countDistinct(AGENDA_SIGN_UP.PERSON_ID, AGENDA_SIGN_UP.SESSION_ID)).from(AGENDA_SIGN_UP)
                .join(V_SESSION_FIGURES).on(V_SESSION_FIGURES.SESSION_ID.eq(AGENDA_SIGN_UP.SESSION_ID))
                .where(V_SESSION_FIGURES.MUNICIPALITY_ID.eq(municipalityId), AGENDA_SIGN_UP.SIGNED_UP_AT.ge(from),
                        AGENDA_SIGN_UP.SIGNED_UP_AT.lt(until))
                .fetchOne(0, long.class);
    }

    // --- own data ---

    /** Everything of this feature that points at the person, by table; no token hashes. */
    public Map<String, List<Map<String, Object>>> personalData(PersonId personId) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("campaign", db.select(CAMPAIGN.ID, CAMPAIGN.NAME, CAMPAIGN.CREATED_AT).from(CAMPAIGN)
                .where(CAMPAIGN.CREATED_BY.eq(personId)).fetchMaps());
        tables.put("activity", db.select(ACTIVITY.ID, ACTIVITY.TITLE, ACTIVITY.CREATED_AT).from(ACTIVITY)
                .where(ACTIVITY.CREATED_BY.eq(personId)).fetchMaps());
        tables.put("campaign_mail", db.select(CAMPAIGN_MAIL.CAMPAIGN_ID, CAMPAIGN_MAIL.MAILED_AT).from(CAMPAIGN_MAIL)
                .where(CAMPAIGN_MAIL.PERSON_ID.eq(personId)).fetchMaps());
        tables.put("mail_opt_out", db.select(MAIL_OPT_OUT.OPTED_OUT_AT).from(MAIL_OPT_OUT)
                .where(MAIL_OPT_OUT.PERSON_ID.eq(personId)).fetchMaps());
        tables.put("agenda_sign_up", db.select(AGENDA_SIGN_UP.SESSION_ID, AGENDA_SIGN_UP.SIGNED_UP_AT).from(AGENDA_SIGN_UP)
                .where(AGENDA_SIGN_UP.PERSON_ID.eq(personId)).fetchMaps());
        return tables;
    }

    /**
     * A deleted account: what a lead made stays without their id; the mail marks and agenda sign-ups stay as
     * counts (they say nothing but an id), and the opt-out link stops working.
     */
    public void erase(PersonId personId) {
        db.update(CAMPAIGN).setNull(CAMPAIGN.CREATED_BY).where(CAMPAIGN.CREATED_BY.eq(personId)).execute();
        db.update(ACTIVITY).setNull(ACTIVITY.CREATED_BY).where(ACTIVITY.CREATED_BY.eq(personId)).execute();
        db.update(CAMPAIGN_MAIL).setNull(CAMPAIGN_MAIL.OPT_OUT_TOKEN_HASH).where(CAMPAIGN_MAIL.PERSON_ID.eq(personId)).execute();
    }
}
