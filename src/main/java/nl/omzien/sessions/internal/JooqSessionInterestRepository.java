package nl.omzien.sessions.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;

import static nl.omzien.sessions.internal.db.Tables.SESSION_INTEREST;

/** Who asked to hear about the next session in their municipality. */
@Repository
public class JooqSessionInterestRepository {

    private final DSLContext db;

    JooqSessionInterestRepository(DSLContext db) {
        this.db = db;
    }

    public boolean add(PersonId userId, MunicipalityId municipalityId, OffsetDateTime now) {
        return db.insertInto(SESSION_INTEREST).set(SESSION_INTEREST.USER_ID, userId)
                .set(SESSION_INTEREST.MUNICIPALITY_ID, municipalityId).set(SESSION_INTEREST.CREATED_AT, now)
                .onConflictDoNothing().execute() == 1;
    }

    public boolean has(PersonId userId, MunicipalityId municipalityId) {
        return db.fetchExists(SESSION_INTEREST, SESSION_INTEREST.USER_ID.eq(userId)
                .and(SESSION_INTEREST.MUNICIPALITY_ID.eq(municipalityId)));
    }

    /** Takes everyone off the interest list of a municipality and returns them: they are told once. */
    public List<PersonId> takeAll(MunicipalityId municipalityId) {
        return db.deleteFrom(SESSION_INTEREST).where(SESSION_INTEREST.MUNICIPALITY_ID.eq(municipalityId))
                .returning(SESSION_INTEREST.USER_ID).fetch(SESSION_INTEREST.USER_ID);
    }
}
