package nl.omzien.sessions.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static nl.omzien.db.Tables.APP_USER;
import static nl.omzien.db.Tables.ORGANISATION;
import static nl.omzien.db.Tables.SESSION_INTEREST;
import static nl.omzien.db.Tables.CALENDAR_FEED;
import static org.jooq.impl.DSL.coalesce;

/** The few facts about a person that sessions need: where they belong, how to mail them. */
@Repository
public class JooqPersonLookup {

    private final DSLContext db;

    JooqPersonLookup(DSLContext db) {
        this.db = db;
    }

    public record Person(long id, String fullName, String email, Locale locale, Long organisationId,
                         Long municipalityId, boolean enabled) {
    }

    private static final Field<Long> MUNICIPALITY_ID = coalesce(APP_USER.MUNICIPALITY_ID, ORGANISATION.MUNICIPALITY_ID)
            .as("municipality_id");

    private List<Person> people(Condition condition) {
        return db.select(APP_USER.ID, APP_USER.FULL_NAME, APP_USER.EMAIL, APP_USER.LOCALE, APP_USER.ORGANISATION_ID,
                        MUNICIPALITY_ID, APP_USER.ENABLED)
                .from(APP_USER).leftJoin(ORGANISATION).on(ORGANISATION.ID.eq(APP_USER.ORGANISATION_ID))
                .where(condition).orderBy(APP_USER.FULL_NAME, APP_USER.ID)
                .fetch(r -> new Person(r.value1(), r.value2(), r.value3(), Locale.of(r.value4()), r.value5(), r.value6(),
                        r.value7()));
    }

    public Optional<Person> find(long id) {
        return people(APP_USER.ID.eq(id)).stream().findFirst();
    }

    /** Enabled people of an organisation, by name, for a contact signing up colleagues. */
    public List<Person> inOrganisation(long organisationId) {
        return people(APP_USER.ORGANISATION_ID.eq(organisationId).and(APP_USER.ENABLED.isTrue()));
    }

    public boolean addInterest(long userId, long municipalityId, java.time.OffsetDateTime now) {
        return db.insertInto(SESSION_INTEREST).set(SESSION_INTEREST.USER_ID, userId)
                .set(SESSION_INTEREST.MUNICIPALITY_ID, municipalityId).set(SESSION_INTEREST.CREATED_AT, now)
                .onConflictDoNothing().execute() == 1;
    }

    public boolean hasInterest(long userId, long municipalityId) {
        return db.fetchExists(SESSION_INTEREST, SESSION_INTEREST.USER_ID.eq(userId)
                .and(SESSION_INTEREST.MUNICIPALITY_ID.eq(municipalityId)));
    }

    /** Takes everyone off the interest list of a municipality and returns them: they are told once. */
    public List<Long> takeInterested(long municipalityId) {
        return db.deleteFrom(SESSION_INTEREST).where(SESSION_INTEREST.MUNICIPALITY_ID.eq(municipalityId))
                .returning(SESSION_INTEREST.USER_ID).fetch(SESSION_INTEREST.USER_ID);
    }

    public void replaceFeedToken(long userId, String tokenHash, java.time.OffsetDateTime now) {
        db.insertInto(CALENDAR_FEED).set(CALENDAR_FEED.USER_ID, userId).set(CALENDAR_FEED.TOKEN_HASH, tokenHash)
                .set(CALENDAR_FEED.CREATED_AT, now)
                .onConflict(CALENDAR_FEED.USER_ID).doUpdate().set(CALENDAR_FEED.TOKEN_HASH, tokenHash)
                .set(CALENDAR_FEED.CREATED_AT, now).execute();
    }

    public Optional<Long> userByFeedToken(String tokenHash) {
        return db.select(CALENDAR_FEED.USER_ID).from(CALENDAR_FEED).where(CALENDAR_FEED.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(CALENDAR_FEED.USER_ID);
    }

    public Optional<Long> organisationMunicipality(long organisationId) {
        return db.select(ORGANISATION.MUNICIPALITY_ID).from(ORGANISATION).where(ORGANISATION.ID.eq(organisationId))
                .fetchOptional(ORGANISATION.MUNICIPALITY_ID);
    }

    /** Organisations of a municipality (id to name), for a closed session. */
    public java.util.Map<Long, String> organisationsIn(long municipalityId) {
        return db.select(ORGANISATION.ID, ORGANISATION.NAME).from(ORGANISATION)
                .where(ORGANISATION.MUNICIPALITY_ID.eq(municipalityId)).orderBy(ORGANISATION.NAME)
                .fetch().stream().collect(java.util.stream.Collectors.toMap(r -> r.value1(), r -> r.value2(), (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
