package nl.omzien.api.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static nl.omzien.api.internal.db.Tables.API_KEY;
import static nl.omzien.api.internal.db.Tables.API_KEY_EVENT;

/** API keys and their log. Only hashes of keys are stored; a key is found by the hash of what the caller sent. */
@Repository
public class JooqApiKeyRepository {

    /** A stored key, without its hash. */
    public record Row(long id, MunicipalityId municipalityId, String label, String prefix, OffsetDateTime createdAt,
                      PersonId createdBy, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt, long callsSince) {
    }

    /** What a call needs to know about the key it carries. */
    public record Live(long id, MunicipalityId municipalityId) {
    }

    public enum Action { CREATED, REVOKED, CALLED, RATE_LIMITED }

    private final DSLContext db;

    JooqApiKeyRepository(DSLContext db) {
        this.db = db;
    }

    public long insert(MunicipalityId municipalityId, String label, String keyHash, String prefix, PersonId createdBy,
                       OffsetDateTime now) {
        long id = db.insertInto(API_KEY)
                .set(API_KEY.MUNICIPALITY_ID, municipalityId)
                .set(API_KEY.LABEL, label)
                .set(API_KEY.KEY_HASH, keyHash)
                .set(API_KEY.KEY_PREFIX, prefix)
                .set(API_KEY.CREATED_BY, createdBy)
                .set(API_KEY.CREATED_AT, now)
                .returning(API_KEY.ID).fetchSingle(API_KEY.ID);
        log(id, Action.CREATED, createdBy, null, null, now);
        return id;
    }

    public void revoke(long id, PersonId by, OffsetDateTime now) {
        int changed = db.update(API_KEY).set(API_KEY.REVOKED_AT, now).set(API_KEY.REVOKED_BY, by)
                .where(API_KEY.ID.eq(id), API_KEY.REVOKED_AT.isNull()).execute();
        if (changed > 0) {
            log(id, Action.REVOKED, by, null, null, now);
        }
    }

    public List<Row> inMunicipality(MunicipalityId municipalityId, OffsetDateTime callsSince) {
        return select(callsSince).where(API_KEY.MUNICIPALITY_ID.eq(municipalityId))
                .orderBy(API_KEY.CREATED_AT.desc(), API_KEY.ID.desc()).fetch(JooqApiKeyRepository::row);
    }

    public Optional<Row> find(long id, OffsetDateTime callsSince) {
        return select(callsSince).where(API_KEY.ID.eq(id)).fetchOptional(JooqApiKeyRepository::row);
    }

    private org.jooq.SelectJoinStep<Record> select(OffsetDateTime callsSince) {
        Field<Integer> calls = DSL.field(DSL.selectCount().from(API_KEY_EVENT)
                .where(API_KEY_EVENT.KEY_ID.eq(API_KEY.ID), API_KEY_EVENT.ACTION.eq(Action.CALLED.name()),
                        API_KEY_EVENT.AT.gt(callsSince))).as("calls");
        return db.select(List.of(API_KEY.ID, API_KEY.MUNICIPALITY_ID, API_KEY.LABEL, API_KEY.KEY_PREFIX, API_KEY.CREATED_AT,
                API_KEY.CREATED_BY, API_KEY.REVOKED_AT, API_KEY.LAST_USED_AT, calls)).from(API_KEY);
    }

    private static Row row(Record r) {
        return new Row(r.get(API_KEY.ID), r.get(API_KEY.MUNICIPALITY_ID), r.get(API_KEY.LABEL), r.get(API_KEY.KEY_PREFIX),
                r.get(API_KEY.CREATED_AT), r.get(API_KEY.CREATED_BY), r.get(API_KEY.REVOKED_AT), r.get(API_KEY.LAST_USED_AT),
                r.get("calls", Long.class));
    }

    /** The key whose hash this is, unless it was revoked. */
    public Optional<Live> live(String keyHash) {
        return db.select(API_KEY.ID, API_KEY.MUNICIPALITY_ID).from(API_KEY)
                .where(API_KEY.KEY_HASH.eq(keyHash), API_KEY.REVOKED_AT.isNull())
                .fetchOptional(r -> new Live(r.get(API_KEY.ID), r.get(API_KEY.MUNICIPALITY_ID)));
    }

    public void called(long id, Action action, String ipAddress, String detail, OffsetDateTime now) {
        if (action == Action.CALLED) {
            db.update(API_KEY).set(API_KEY.LAST_USED_AT, now).where(API_KEY.ID.eq(id)).execute();
        }
        log(id, action, null, ipAddress, detail, now);
    }

    private void log(long id, Action action, PersonId actor, String ipAddress, String detail, OffsetDateTime now) {
        db.insertInto(API_KEY_EVENT)
                .set(API_KEY_EVENT.KEY_ID, id)
                .set(API_KEY_EVENT.AT, now)
                .set(API_KEY_EVENT.ACTION, action.name())
                .set(API_KEY_EVENT.ACTOR_ID, actor)
                .set(API_KEY_EVENT.IP_ADDRESS, ipAddress)
                .set(API_KEY_EVENT.DETAIL, detail)
                .execute();
    }

    /** For a person's own-data export: the keys they created or revoked and what they did to them. */
    public List<java.util.Map<String, Object>> eventsBy(PersonId person) {
        return db.select(API_KEY_EVENT.KEY_ID, API_KEY_EVENT.AT, API_KEY_EVENT.ACTION).from(API_KEY_EVENT)
                .where(API_KEY_EVENT.ACTOR_ID.eq(person)).orderBy(API_KEY_EVENT.AT).fetchMaps();
    }

    public List<java.util.Map<String, Object>> keysBy(PersonId person) {
        return db.select(API_KEY.ID, API_KEY.LABEL, API_KEY.CREATED_AT, API_KEY.REVOKED_AT).from(API_KEY)
                .where(API_KEY.CREATED_BY.eq(person).or(API_KEY.REVOKED_BY.eq(person))).orderBy(API_KEY.ID).fetchMaps();
    }

    /** The keys belong to the municipality and stay; who created or revoked them goes. */
    public void forget(PersonId person) {
        db.update(API_KEY).set(API_KEY.CREATED_BY, (PersonId) null).where(API_KEY.CREATED_BY.eq(person)).execute();
        db.update(API_KEY).set(API_KEY.REVOKED_BY, (PersonId) null).where(API_KEY.REVOKED_BY.eq(person)).execute();
        db.update(API_KEY_EVENT).set(API_KEY_EVENT.ACTOR_ID, (PersonId) null).where(API_KEY_EVENT.ACTOR_ID.eq(person)).execute();
    }
}
