package nl.omzien.people.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import nl.omzien.security.Accounts;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.EnumSet;
import java.util.Optional;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.MUNICIPALITY;
import static nl.omzien.people.internal.db.Tables.ORGANISATION;
import static nl.omzien.people.internal.db.Tables.USER_ROLE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.lower;

/** The accounts for sign-in (see {@link Accounts}); runs in the caller's transaction. */
@Repository
class JooqAccounts implements Accounts {

    private final DSLContext db;

    JooqAccounts(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<SignedInUser> byEmail(String email) {
        var row = db.select(APP_USER.ID, APP_USER.EMAIL, APP_USER.FULL_NAME, APP_USER.PASSWORD_HASH,
                        APP_USER.ORGANISATION_ID, coalesce(APP_USER.MUNICIPALITY_ID, ORGANISATION.MUNICIPALITY_ID),
                        APP_USER.ENABLED)
                .from(APP_USER)
                .leftJoin(ORGANISATION).on(ORGANISATION.ID.eq(APP_USER.ORGANISATION_ID))
                .where(lower(APP_USER.EMAIL).eq(email.trim().toLowerCase()))
                .fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        var roles = EnumSet.noneOf(Role.class);
        db.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(row.value1()))
                .fetch(USER_ROLE.ROLE).forEach(role -> roles.add(Role.valueOf(role)));
        return Optional.of(new SignedInUser(row.value1(), row.value2(), row.value3(), row.value4(),
                row.value5(), row.value6(), roles, row.value7()));
    }

    @Override
    public Optional<PersonId> idByEmail(String email) {
        return db.select(APP_USER.ID).from(APP_USER).where(lower(APP_USER.EMAIL).eq(email.trim().toLowerCase()))
                .fetchOptional(APP_USER.ID);
    }

    @Override
    public Optional<String> email(PersonId accountId) {
        return db.select(APP_USER.EMAIL).from(APP_USER).where(APP_USER.ID.eq(accountId)).fetchOptional(APP_USER.EMAIL);
    }

    @Override
    public String locale(PersonId accountId) {
        return db.select(APP_USER.LOCALE).from(APP_USER).where(APP_USER.ID.eq(accountId)).fetchOne(APP_USER.LOCALE);
    }

    @Override
    public void changeLocale(PersonId accountId, String language) {
        db.update(APP_USER).set(APP_USER.LOCALE, language).where(APP_USER.ID.eq(accountId)).execute();
    }

    @Override
    public Optional<MunicipalityId> municipalityNamed(String name) {
        return db.select(MUNICIPALITY.ID).from(MUNICIPALITY).where(lower(MUNICIPALITY.NAME).eq(name.trim().toLowerCase()))
                .fetchOptional(MUNICIPALITY.ID);
    }
}
