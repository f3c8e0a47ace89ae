package nl.omzien.security.internal;

import nl.omzien.base.PersonalDataSection;
import nl.omzien.base.PersonalDataSubject;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.Map;

import static nl.omzien.security.internal.db.Tables.LOGIN_ATTEMPT;
import static org.jooq.impl.DSL.lower;

/** Password sign-in attempts, kept by e-mail address for throttling; they go when the account goes. */
@Component
class SecurityPersonalData implements PersonalDataSection {

    private final DSLContext db;

    SecurityPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "sign-in";
    }

    @Override
    public Map<String, ?> export(PersonalDataSubject subject) {
        return Map.of("login_attempt", db.select(LOGIN_ATTEMPT.ATTEMPTED_AT, LOGIN_ATTEMPT.IP_ADDRESS, LOGIN_ATTEMPT.SUCCEEDED)
                .from(LOGIN_ATTEMPT).where(lower(LOGIN_ATTEMPT.EMAIL).in(subject.emails()))
                .orderBy(LOGIN_ATTEMPT.ATTEMPTED_AT).fetchMaps());
    }

    @Override
    public void erase(PersonalDataSubject subject) {
        db.deleteFrom(LOGIN_ATTEMPT).where(lower(LOGIN_ATTEMPT.EMAIL).in(subject.emails())).execute();
    }
}
