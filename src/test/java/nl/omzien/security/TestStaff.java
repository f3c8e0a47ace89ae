package nl.omzien.security;

import nl.omzien.base.PersonId;

import org.jooq.DSLContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.UUID;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.USER_ROLE;

/** A fresh staff account per test: switching on an authenticator app must not change the shared demo accounts. */
public record TestStaff(PersonId id, String email) {

    public static final String PASSWORD = "een-lang-wachtwoord";

    public static TestStaff create(DSLContext db, PasswordEncoder passwords, Role role) {
        String email = role.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@test.example";
        PersonId id = db.insertInto(APP_USER).set(APP_USER.EMAIL, email).set(APP_USER.FULL_NAME, "Test " + role.name())
                .set(APP_USER.PASSWORD_HASH, passwords.encode(PASSWORD)).returning(APP_USER.ID).fetchOne(APP_USER.ID);
        db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, role.name()).execute();
        return new TestStaff(id, email);
    }
}
