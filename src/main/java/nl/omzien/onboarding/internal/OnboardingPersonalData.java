package nl.omzien.onboarding.internal;

import nl.omzien.base.PersonalDataSection;
import nl.omzien.base.PersonalDataSubject;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

import static nl.omzien.onboarding.internal.db.Tables.SIGN_IN_LINK;

/** Sign-in links (when asked, used; never the token hash). Link requests are the throttle's, see security. */
@Component
class OnboardingPersonalData implements PersonalDataSection {

    private final DSLContext db;

    OnboardingPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "sign-in-links";
    }

    @Override
    public Map<String, ?> export(PersonalDataSubject subject) {
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("sign_in_link", db.select(SIGN_IN_LINK.REQUESTED_AT, SIGN_IN_LINK.EXPIRES_AT, SIGN_IN_LINK.USED_AT)
                .from(SIGN_IN_LINK).where(SIGN_IN_LINK.USER_ID.eq(subject.userId()))
                .orderBy(SIGN_IN_LINK.REQUESTED_AT).fetchMaps());
        return tables;
    }

    @Override
    public void erase(PersonalDataSubject subject) {
        db.deleteFrom(SIGN_IN_LINK).where(SIGN_IN_LINK.USER_ID.eq(subject.userId())).execute();
    }
}
