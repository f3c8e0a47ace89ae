package nl.omzien.sessions.internal;

import nl.omzien.base.PersonId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Optional;

import static nl.omzien.sessions.internal.db.Tables.CALENDAR_FEED;

/** A person's personal calendar feed: only the hash of its secret token is kept. */
@Repository
public class JooqCalendarFeedRepository {

    private final DSLContext db;

    JooqCalendarFeedRepository(DSLContext db) {
        this.db = db;
    }

    public void replaceToken(PersonId userId, String tokenHash, OffsetDateTime now) {
        db.insertInto(CALENDAR_FEED).set(CALENDAR_FEED.USER_ID, userId).set(CALENDAR_FEED.TOKEN_HASH, tokenHash)
                .set(CALENDAR_FEED.CREATED_AT, now)
                .onConflict(CALENDAR_FEED.USER_ID).doUpdate().set(CALENDAR_FEED.TOKEN_HASH, tokenHash)
                .set(CALENDAR_FEED.CREATED_AT, now).execute();
    }

    public Optional<PersonId> userByToken(String tokenHash) {
        return db.select(CALENDAR_FEED.USER_ID).from(CALENDAR_FEED).where(CALENDAR_FEED.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(CALENDAR_FEED.USER_ID);
    }
}
