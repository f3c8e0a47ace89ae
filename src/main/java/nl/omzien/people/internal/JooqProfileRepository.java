package nl.omzien.people.internal;

import nl.omzien.base.OrganisationId;
import nl.omzien.base.PersonId;
import nl.omzien.people.Audience;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Optional;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.EMAIL_CHANGE;
import static org.jooq.impl.DSL.lower;

/** The person's own settings on their account row, and e-mail changes waiting for confirmation. */
@Repository
public class JooqProfileRepository {

    private final DSLContext db;

    JooqProfileRepository(DSLContext db) {
        this.db = db;
    }

    public record Row(String fullName, String email, String locale, Audience audience, OrganisationId organisationId) {
    }

    public Optional<Row> find(PersonId userId) {
        return db.select(APP_USER.FULL_NAME, APP_USER.EMAIL, APP_USER.LOCALE, APP_USER.AUDIENCE, APP_USER.ORGANISATION_ID)
                .from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(r -> new Row(r.value1(), r.value2(), r.value3(),
                        r.value4() == null ? null : Audience.valueOf(r.value4()), r.value5()));
    }

    public Optional<Audience> chosenAudience(PersonId userId) {
        return db.select(APP_USER.AUDIENCE).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(APP_USER.AUDIENCE).map(Audience::valueOf);
    }

    public void changeName(PersonId userId, String fullName) {
        db.update(APP_USER).set(APP_USER.FULL_NAME, fullName).where(APP_USER.ID.eq(userId)).execute();
    }

    public void changeAudience(PersonId userId, Audience audience) {
        db.update(APP_USER).set(APP_USER.AUDIENCE, audience == null ? null : audience.name())
                .where(APP_USER.ID.eq(userId)).execute();
    }

    public boolean emailTaken(String email, PersonId exceptId) {
        return db.fetchExists(APP_USER, lower(APP_USER.EMAIL).eq(email.toLowerCase()).and(APP_USER.ID.ne(exceptId)));
    }

    public Optional<String> pendingEmail(PersonId userId, OffsetDateTime now) {
        return db.select(EMAIL_CHANGE.NEW_EMAIL).from(EMAIL_CHANGE)
                .where(EMAIL_CHANGE.USER_ID.eq(userId), EMAIL_CHANGE.EXPIRES_AT.gt(now))
                .fetchOptional(EMAIL_CHANGE.NEW_EMAIL);
    }

    /** One open request per person: a new request replaces the old one, so an older link stops working. */
    public void requestEmailChange(PersonId userId, String newEmail, String tokenHash, OffsetDateTime now, OffsetDateTime expiresAt) {
        db.insertInto(EMAIL_CHANGE)
                .set(EMAIL_CHANGE.USER_ID, userId)
                .set(EMAIL_CHANGE.NEW_EMAIL, newEmail)
                .set(EMAIL_CHANGE.TOKEN_HASH, tokenHash)
                .set(EMAIL_CHANGE.REQUESTED_AT, now)
                .set(EMAIL_CHANGE.EXPIRES_AT, expiresAt)
                .onConflict(EMAIL_CHANGE.USER_ID).doUpdate()
                .set(EMAIL_CHANGE.NEW_EMAIL, newEmail)
                .set(EMAIL_CHANGE.TOKEN_HASH, tokenHash)
                .set(EMAIL_CHANGE.REQUESTED_AT, now)
                .set(EMAIL_CHANGE.EXPIRES_AT, expiresAt)
                .execute();
    }

    public record PendingChange(PersonId userId, String newEmail, OffsetDateTime expiresAt) {
    }

    /** Locks the request row, so a double click confirms once. */
    public Optional<PendingChange> lockChange(String tokenHash) {
        return db.select(EMAIL_CHANGE.USER_ID, EMAIL_CHANGE.NEW_EMAIL, EMAIL_CHANGE.EXPIRES_AT).from(EMAIL_CHANGE)
                .where(EMAIL_CHANGE.TOKEN_HASH.eq(tokenHash)).forUpdate()
                .fetchOptional(r -> new PendingChange(r.value1(), r.value2(), r.value3()));
    }

    public Optional<PendingChange> findChange(String tokenHash) {
        return db.select(EMAIL_CHANGE.USER_ID, EMAIL_CHANGE.NEW_EMAIL, EMAIL_CHANGE.EXPIRES_AT).from(EMAIL_CHANGE)
                .where(EMAIL_CHANGE.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(r -> new PendingChange(r.value1(), r.value2(), r.value3()));
    }

    public void completeChange(PersonId userId, String newEmail) {
        db.update(APP_USER).set(APP_USER.EMAIL, newEmail).where(APP_USER.ID.eq(userId)).execute();
        db.deleteFrom(EMAIL_CHANGE).where(EMAIL_CHANGE.USER_ID.eq(userId)).execute();
    }

    public void dropChange(PersonId userId) {
        db.deleteFrom(EMAIL_CHANGE).where(EMAIL_CHANGE.USER_ID.eq(userId)).execute();
    }
}
