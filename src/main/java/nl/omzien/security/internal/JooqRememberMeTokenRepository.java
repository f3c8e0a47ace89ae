package nl.omzien.security.internal;

import nl.omzien.base.PersonId;
import nl.omzien.base.SecretTokens;
import nl.omzien.security.Accounts;
import org.jooq.DSLContext;
import org.springframework.security.web.authentication.rememberme.PersistentRememberMeToken;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZoneOffset;
import java.util.Date;

import static nl.omzien.security.internal.db.Tables.REMEMBER_ME_TOKEN;

/**
 * Spring Security's remember-me token store, in PostgreSQL with the token value hashed: a database
 * copy does not give anyone a working cookie. {@link HashedRememberMeServices} hashes the presented
 * cookie value before comparing, so {@link #getTokenForSeries} returns the hash on purpose.
 */
@Repository
class JooqRememberMeTokenRepository implements PersistentTokenRepository {

    private final DSLContext db;
    private final Accounts accounts;

    JooqRememberMeTokenRepository(DSLContext db, Accounts accounts) {
        this.db = db;
        this.accounts = accounts;
    }

    @Override
    @Transactional
    public void createNewToken(PersistentRememberMeToken token) {
        PersonId userId = accounts.idByEmail(token.getUsername()).orElse(null);
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
        var token = db.selectFrom(REMEMBER_ME_TOKEN).where(REMEMBER_ME_TOKEN.SERIES.eq(seriesId)).fetchOne();
        if (token == null) {
            return null;
        }
        return accounts.email(token.getUserId()).map(email -> new PersistentRememberMeToken(email, token.getSeries(),
                token.getTokenHash(), Date.from(token.getLastUsed().toInstant()))).orElse(null);
    }

    @Override
    @Transactional
    public void removeUserTokens(String username) {
        accounts.idByEmail(username).ifPresent(this::removeAll);
    }

    @Transactional
    void removeSeries(String series) {
        db.deleteFrom(REMEMBER_ME_TOKEN).where(REMEMBER_ME_TOKEN.SERIES.eq(series)).execute();
    }

    void removeAll(PersonId userId) {
        db.deleteFrom(REMEMBER_ME_TOKEN).where(REMEMBER_ME_TOKEN.USER_ID.eq(userId)).execute();
    }
}
