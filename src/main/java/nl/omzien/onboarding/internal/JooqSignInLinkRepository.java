package nl.omzien.onboarding.internal;

import nl.omzien.security.Role;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Optional;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.onboarding.internal.db.Tables.SIGN_IN_LINK;
import static nl.omzien.people.internal.db.Tables.USER_ROLE;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;

@Repository
public class JooqSignInLinkRepository {

    private final DSLContext db;

    JooqSignInLinkRepository(DSLContext db) {
        this.db = db;
    }

    public record LinkAccount(long userId, String email, String fullName, String locale) {
    }

    /** An enabled participant without a staff role: only they may sign in by link (staff keep their password). */
    public Optional<LinkAccount> linkAccount(String email) {
        return db.select(APP_USER.ID, APP_USER.EMAIL, APP_USER.FULL_NAME, APP_USER.LOCALE).from(APP_USER)
                .where(lower(APP_USER.EMAIL).eq(email.trim().toLowerCase()), APP_USER.ENABLED.isTrue())
                .and(noStaffRole())
                .andExists(selectOne().from(USER_ROLE)
                        .where(USER_ROLE.USER_ID.eq(APP_USER.ID), USER_ROLE.ROLE.eq(Role.PARTICIPANT.name())))
                .fetchOptional(r -> new LinkAccount(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private static org.jooq.Condition noStaffRole() {
        return notExists(selectOne().from(USER_ROLE).where(USER_ROLE.USER_ID.eq(APP_USER.ID),
                USER_ROLE.ROLE.in(Role.TRAINER.name(), Role.COALITION_LEAD.name(), Role.ADMIN.name())));
    }

    /** Stores a new link and makes every older open link of this person unusable. */
    public void replaceOpenLinks(long userId, String tokenHash, OffsetDateTime now, OffsetDateTime expiresAt) {
        replaceOpenLinks(userId, tokenHash, now, expiresAt, false);
    }

    public boolean rememberMeRequested(String tokenHash) {
        return Boolean.TRUE.equals(db.select(SIGN_IN_LINK.REMEMBER_ME).from(SIGN_IN_LINK)
                .where(SIGN_IN_LINK.TOKEN_HASH.eq(tokenHash)).fetchOne(SIGN_IN_LINK.REMEMBER_ME));
    }

    public void replaceOpenLinks(long userId, String tokenHash, OffsetDateTime now, OffsetDateTime expiresAt,
                                 boolean rememberMe) {
        db.update(SIGN_IN_LINK).set(SIGN_IN_LINK.USED_AT, now)
                .where(SIGN_IN_LINK.USER_ID.eq(userId), SIGN_IN_LINK.USED_AT.isNull()).execute();
        db.insertInto(SIGN_IN_LINK)
                .set(SIGN_IN_LINK.USER_ID, userId)
                .set(SIGN_IN_LINK.TOKEN_HASH, tokenHash)
                .set(SIGN_IN_LINK.REQUESTED_AT, now)
                .set(SIGN_IN_LINK.EXPIRES_AT, expiresAt)
                .set(SIGN_IN_LINK.REMEMBER_ME, rememberMe)
                .execute();
    }

    /**
     * Uses a link: one UPDATE that only succeeds for an open, unexpired link of an enabled account, so
     * two clicks at once cannot both sign in.
     *
     * @return the e-mail address of the account
     */
    public Optional<String> use(String tokenHash, OffsetDateTime now) {
        return db.update(SIGN_IN_LINK).set(SIGN_IN_LINK.USED_AT, now)
                .from(APP_USER)
                .where(SIGN_IN_LINK.TOKEN_HASH.eq(tokenHash), SIGN_IN_LINK.USED_AT.isNull(), SIGN_IN_LINK.EXPIRES_AT.gt(now),
                        APP_USER.ID.eq(SIGN_IN_LINK.USER_ID), APP_USER.ENABLED.isTrue())
                .returningResult(APP_USER.EMAIL)
                .fetchOptional(APP_USER.EMAIL);
    }
}
