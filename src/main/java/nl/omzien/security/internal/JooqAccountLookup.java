package nl.omzien.security.internal;

import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import org.jooq.DSLContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumSet;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.ORGANISATION;
import static nl.omzien.people.internal.db.Tables.USER_ROLE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.lower;

/**
 * Finds the account behind an e-mail address, for password and e-mail link sign-in. Accounts without
 * a password (participants who only use links) are found too; a password can never match them.
 */
@Component
class JooqAccountLookup implements UserDetailsService {

    private final DSLContext db;

    JooqAccountLookup(DSLContext db) {
        this.db = db;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        var row = db.select(APP_USER.ID, APP_USER.EMAIL, APP_USER.FULL_NAME, APP_USER.PASSWORD_HASH,
                        APP_USER.ORGANISATION_ID, coalesce(APP_USER.MUNICIPALITY_ID, ORGANISATION.MUNICIPALITY_ID),
                        APP_USER.ENABLED)
                .from(APP_USER)
                .leftJoin(ORGANISATION).on(ORGANISATION.ID.eq(APP_USER.ORGANISATION_ID))
                .where(lower(APP_USER.EMAIL).eq(email.trim().toLowerCase()))
                .fetchOne();
        if (row == null) {
            throw new UsernameNotFoundException("No account for this e-mail address");
        }
        var roles = EnumSet.noneOf(Role.class);
        db.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(row.value1()))
                .fetch(USER_ROLE.ROLE).forEach(role -> roles.add(Role.valueOf(role)));
        return new SignedInUser(row.value1(), row.value2(), row.value3(), row.value4(),
                row.value5(), row.value6(), roles, row.value7());
    }
}
