package nl.omzien.onboarding.internal;

import nl.omzien.base.PersonId;
import nl.omzien.security.Role;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Optional;

import static nl.omzien.people.published.Tables.V_PERSON;
import static nl.omzien.onboarding.internal.db.Tables.SIGN_IN_LINK;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.arrayOverlap;
import static org.jooq.impl.DSL.not;

@Repository
public class JooqSignInLinkRepository {

    private final DSLContext db;

    JooqSignInLinkRepository(DSLContext db) {
        this.db = db;
    }

    public record LinkAccount(PersonId userId, String email, String fullName, String locale) {
    }

    /** Whose link was used: the account and its e-mail address. */
    public record UsedLink(PersonId userId, String email) {
    }

    /** An enabled participant without a staff role: only they may sign in by link (staff keep their password). */
    public Optional<LinkAccount> linkAccount(String email) {
        return db.select(V_PERSON.ID, V_PERSON.EMAIL, V_PERSON.FULL_NAME, V_PERSON.LOCALE).from(V_PERSON)
                .where(lower(V_PERSON.EMAIL).eq(email.trim().toLowerCase()), V_PERSON.ENABLED.isTrue())
                .and(noStaffRole())
                .and(V_PERSON.ROLES.contains(new String[]{Role.PARTICIPANT.name()}))
                .fetchOptional(r -> new LinkAccount(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private static org.jooq.Condition noStaffRole() {
        return not(arrayOverlap(V_PERSON.ROLES, new String[]{Role.TRAINER.name(), Role.COALITION_LEAD.name(), Role.ADMIN.name()}));
    }

    /** Stores a new link and makes every older open link of this person unusable. */
    public void replaceOpenLinks(PersonId userId, String tokenHash, OffsetDateTime now, OffsetDateTime expiresAt) {
        replaceOpenLinks(userId, tokenHash, now, expiresAt, false);
    }

    public boolean rememberMeRequested(String tokenHash) {
        return Boolean.TRUE.equals(db.select(SIGN_IN_LINK.REMEMBER_ME).from(SIGN_IN_LINK)
                .where(SIGN_IN_LINK.TOKEN_HASH.eq(tokenHash)).fetchOne(SIGN_IN_LINK.REMEMBER_ME));
    }

    public void replaceOpenLinks(PersonId userId, String tokenHash, OffsetDateTime now, OffsetDateTime expiresAt,
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
     * @return the account and its e-mail address
     */
    public Optional<UsedLink> use(String tokenHash, OffsetDateTime now) {
        return db.update(SIGN_IN_LINK).set(SIGN_IN_LINK.USED_AT, now)
                .from(V_PERSON)
                .where(SIGN_IN_LINK.TOKEN_HASH.eq(tokenHash), SIGN_IN_LINK.USED_AT.isNull(), SIGN_IN_LINK.EXPIRES_AT.gt(now),
                        V_PERSON.ID.eq(SIGN_IN_LINK.USER_ID), V_PERSON.ENABLED.isTrue())
                .returningResult(V_PERSON.ID, V_PERSON.EMAIL)
                .fetchOptional(r -> new UsedLink(r.value1(), r.value2()));
    }
}
