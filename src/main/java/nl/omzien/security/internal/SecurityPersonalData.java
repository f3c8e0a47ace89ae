package nl.omzien.security.internal;

import nl.omzien.base.PersonalDataSection;
import nl.omzien.base.PersonalDataSubject;
import nl.omzien.security.Throttle;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

import static nl.omzien.security.internal.db.Tables.THROTTLE_EVENT;
import static org.jooq.impl.DSL.lower;

/**
 * The throttle's record of sign-in attempts and sign-in link requests, kept by e-mail address; they go
 * when the account goes.
 */
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
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("login_attempt", attempts(Throttle.Kind.LOGIN, subject)
                .fetch(r -> Map.of("attempted_at", r.value1(), "ip_address", r.value2(), "succeeded", !r.value3())));
        tables.put("sign_in_request", attempts(Throttle.Kind.SIGN_IN_LINK, subject)
                .fetch(r -> Map.of("requested_at", r.value1(), "ip_address", r.value2())));
        tables.put("email_change_request", attempts(Throttle.Kind.EMAIL_CHANGE, subject)
                .fetch(r -> Map.of("requested_at", r.value1())));
        return tables;
    }

    private org.jooq.ResultQuery<org.jooq.Record3<java.time.OffsetDateTime, String, Boolean>> attempts(
            Throttle.Kind kind, PersonalDataSubject subject) {
        return db.select(THROTTLE_EVENT.AT, THROTTLE_EVENT.IP_ADDRESS, THROTTLE_EVENT.COUNTS).from(THROTTLE_EVENT)
                .where(THROTTLE_EVENT.KIND.eq(kind.name()), lower(THROTTLE_EVENT.SUBJECT).in(subject.emails()))
                .orderBy(THROTTLE_EVENT.AT);
    }

    @Override
    public void erase(PersonalDataSubject subject) {
        db.deleteFrom(THROTTLE_EVENT).where(lower(THROTTLE_EVENT.SUBJECT).in(subject.emails())).execute();
    }
}
