package nl.omzien.security.internal;

import nl.omzien.base.SecretTokens;
import org.jooq.DSLContext;
import org.springframework.security.web.authentication.rememberme.PersistentRememberMeToken;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZoneOffset;
import java.util.Date;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.security.internal.db.Tables.REMEMBER_ME_TOKEN;
import static org.jooq.impl.DSL.lower;

/**
 * Spring Security's remember-me token store, in PostgreSQL with the token value hashed: a database
 * copy does not give anyone a working cookie. {@link HashedRememberMeServices} hashes the presented
 * cookie value before comparing, so {@link #getTokenForSeries} returns the hash on purpose.
 */
@Repository
class JooqRememberMeTokenRepository implements PersistentTokenRepository {

    private final DSLContext db;

    JooqRememberMeTokenRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    @Transactional
    public void createNewToken(PersistentRememberMeToken token) {
        Long userId = db.select(APP_USER.ID).from(APP_USER)
                .where(lower(APP_USER.EMAIL).eq(token.getUsername().trim().toLowerCase())).fetchOne(APP_USER.ID);
        if (userId == null) {
            return;
        }
        db.insertInto(REMEMBER_ME_TOKEN)
                .set(REMEMBER_ME_TOKEN.SERIES, token.getSeries())
                .set(REMEMBER_ME_TOKEN.USER_ID, userId)
                .set(REMEMBER_ME_TOKEN.TOKEN_HASH, SecretTokens.hash(token.getTokenValue()))
                .set(REMEMBER_ME_TOKEN.LAST_USED, token.getDate().toInstant().atOffset(ZoneOffset.UTC))
                .execute();
    }

    @Override
    @Transactional
    public void updateToken(String series, String tokenValue, Date lastUsed) {
        db.update(REMEMBER_ME_TOKEN)
                .set(REMEMBER_ME_TOKEN.TOKEN_HASH, SecretTokens.hash(tokenValue))
                .set(REMEMBER_ME_TOKEN.LAST_USED, lastUsed.toInstant().atOffset(ZoneOffset.UTC))
                .where(REMEMBER_ME_TOKEN.SERIES.eq(series)).execute();
    }

    @Override
    @Transactional(readOnly = true)
    public PersistentRememberMeToken getTokenForSeries(String seriesId) {
        return db.select(APP_USER.EMAIL, REMEMBER_ME_TOKEN.SERIES, REMEMBER_ME_TOKEN.TOKEN_HASH, REMEMBER_ME_TOKEN.LAST_USED)
                .from(REMEMBER_ME_TOKEN).join(APP_USER).on(APP_USER.ID.eq(REMEMBER_ME_TOKEN.USER_ID))
                .where(REMEMBER_ME_TOKEN.SERIES.eq(seriesId))
                .fetchOne(r -> new PersistentRememberMeToken(r.value1(), r.value2(), r.value3(), Date.from(r.value4().toInstant())));
    }

    @Override
    @Transactional
    public void removeUserTokens(String username) {
        db.deleteFrom(REMEMBER_ME_TOKEN).where(REMEMBER_ME_TOKEN.USER_ID.in(
                db.select(APP_USER.ID).from(APP_USER).where(lower(APP_USER.EMAIL).eq(username.trim().toLowerCase()))))
                .execute();
    }

    @Transactional
    void removeSeries(String series) {
        db.deleteFrom(REMEMBER_ME_TOKEN).where(REMEMBER_ME_TOKEN.SERIES.eq(series)).execute();
    }

    void removeAll(long userId) {
        db.deleteFrom(REMEMBER_ME_TOKEN).where(REMEMBER_ME_TOKEN.USER_ID.eq(userId)).execute();
    }
}
