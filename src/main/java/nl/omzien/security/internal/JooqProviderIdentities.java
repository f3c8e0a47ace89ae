package nl.omzien.security.internal;

import nl.omzien.base.PersonId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static nl.omzien.security.internal.db.Tables.PASSWORD_SWITCHED_OFF;
import static nl.omzien.security.internal.db.Tables.PROVIDER_IDENTITY;

/** Which provider account is which Omzien account, and whose password is switched off. */
@Repository
class JooqProviderIdentities {

    private final DSLContext db;

    JooqProviderIdentities(DSLContext db) {
        this.db = db;
    }

    Optional<PersonId> personFor(String provider, String subject) {
        return db.select(PROVIDER_IDENTITY.USER_ID).from(PROVIDER_IDENTITY)
                .where(PROVIDER_IDENTITY.PROVIDER.eq(provider), PROVIDER_IDENTITY.SUBJECT.eq(subject))
                .fetchOptional(PROVIDER_IDENTITY.USER_ID);
    }

    /**
     * Links the provider account to the person; a person has one account per provider, so a newer one
     * (the provider made the person a new account with the same verified address) replaces the older.
     */
    void link(String provider, String subject, PersonId person, OffsetDateTime now) {
        db.deleteFrom(PROVIDER_IDENTITY)
                .where(PROVIDER_IDENTITY.PROVIDER.eq(provider), PROVIDER_IDENTITY.USER_ID.eq(person))
                .execute();
        db.insertInto(PROVIDER_IDENTITY)
                .set(PROVIDER_IDENTITY.PROVIDER, provider)
                .set(PROVIDER_IDENTITY.SUBJECT, subject)
                .set(PROVIDER_IDENTITY.USER_ID, person)
                .set(PROVIDER_IDENTITY.LINKED_AT, now)
                .set(PROVIDER_IDENTITY.LAST_SIGN_IN_AT, now)
                .onConflict(PROVIDER_IDENTITY.PROVIDER, PROVIDER_IDENTITY.SUBJECT).doUpdate()
                .set(PROVIDER_IDENTITY.USER_ID, person)
                .set(PROVIDER_IDENTITY.LINKED_AT, now)
                .set(PROVIDER_IDENTITY.LAST_SIGN_IN_AT, now)
                .execute();
    }

    void signedIn(String provider, String subject, OffsetDateTime now) {
        db.update(PROVIDER_IDENTITY).set(PROVIDER_IDENTITY.LAST_SIGN_IN_AT, now)
                .where(PROVIDER_IDENTITY.PROVIDER.eq(provider), PROVIDER_IDENTITY.SUBJECT.eq(subject))
                .execute();
    }

    List<ProviderIdentities.Link> links(PersonId person) {
        return db.select(PROVIDER_IDENTITY.PROVIDER, PROVIDER_IDENTITY.LINKED_AT, PROVIDER_IDENTITY.LAST_SIGN_IN_AT)
                .from(PROVIDER_IDENTITY).where(PROVIDER_IDENTITY.USER_ID.eq(person))
                .orderBy(PROVIDER_IDENTITY.PROVIDER)
                .fetch(r -> new ProviderIdentities.Link(r.value1(), r.value2(), r.value3()));
    }

    boolean passwordSwitchedOff(PersonId person) {
        return db.fetchExists(PASSWORD_SWITCHED_OFF, PASSWORD_SWITCHED_OFF.USER_ID.eq(person));
    }

    void switchPasswordOff(PersonId person, PersonId by, OffsetDateTime now) {
        db.insertInto(PASSWORD_SWITCHED_OFF)
                .set(PASSWORD_SWITCHED_OFF.USER_ID, person)
                .set(PASSWORD_SWITCHED_OFF.AT, now)
                .set(PASSWORD_SWITCHED_OFF.CHANGED_BY, by)
                .onConflictDoNothing()
                .execute();
    }

    void switchPasswordOn(PersonId person) {
        db.deleteFrom(PASSWORD_SWITCHED_OFF).where(PASSWORD_SWITCHED_OFF.USER_ID.eq(person)).execute();
    }
}
