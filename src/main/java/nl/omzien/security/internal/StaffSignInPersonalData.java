package nl.omzien.security.internal;

import nl.omzien.base.PersonId;

import nl.omzien.base.PersonalDataSection;
import nl.omzien.base.PersonalDataSubject;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

import static nl.omzien.security.internal.db.Tables.PASSWORD_SWITCHED_OFF;
import static nl.omzien.security.internal.db.Tables.PROVIDER_IDENTITY;
import static nl.omzien.security.internal.db.Tables.REMEMBER_ME_TOKEN;
import static nl.omzien.security.internal.db.Tables.SIGNED_OUT_EVERYWHERE;
import static nl.omzien.security.internal.db.Tables.STAFF_RECOVERY_CODE;
import static nl.omzien.security.internal.db.Tables.STAFF_TOTP;

/**
 * Second factor, recovery codes, remembered devices: the export says that they exist and when they were
 * used, never the secret or a hash; erasing removes them, so no device stays signed in. Also the accounts at
 * organisations' identity providers linked to the person (provider and subject) and whether the password is off.
 */
@Component
class StaffSignInPersonalData implements PersonalDataSection {

    private final DSLContext db;

    StaffSignInPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "sign-in-devices";
    }

    @Override
    public Map<String, ?> export(PersonalDataSubject subject) {
        PersonId id = subject.userId();
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("staff_totp", db.select(STAFF_TOTP.ENABLED_AT).from(STAFF_TOTP).where(STAFF_TOTP.USER_ID.eq(id)).fetchMaps());
        tables.put("staff_recovery_code", db.select(STAFF_RECOVERY_CODE.CREATED_AT, STAFF_RECOVERY_CODE.USED_AT)
                .from(STAFF_RECOVERY_CODE).where(STAFF_RECOVERY_CODE.USER_ID.eq(id)).orderBy(STAFF_RECOVERY_CODE.ID).fetchMaps());
        tables.put("remember_me_token", db.select(REMEMBER_ME_TOKEN.LAST_USED).from(REMEMBER_ME_TOKEN)
                .where(REMEMBER_ME_TOKEN.USER_ID.eq(id)).orderBy(REMEMBER_ME_TOKEN.LAST_USED).fetchMaps());
        tables.put("signed_out_everywhere", db.select(SIGNED_OUT_EVERYWHERE.AT).from(SIGNED_OUT_EVERYWHERE)
                .where(SIGNED_OUT_EVERYWHERE.USER_ID.eq(id)).fetchMaps());
        tables.put("provider_identity", db.select(PROVIDER_IDENTITY.PROVIDER, PROVIDER_IDENTITY.SUBJECT,
                        PROVIDER_IDENTITY.LINKED_AT, PROVIDER_IDENTITY.LAST_SIGN_IN_AT)
                .from(PROVIDER_IDENTITY).where(PROVIDER_IDENTITY.USER_ID.eq(id)).orderBy(PROVIDER_IDENTITY.PROVIDER).fetchMaps());
        tables.put("password_switched_off", db.select(PASSWORD_SWITCHED_OFF.AT).from(PASSWORD_SWITCHED_OFF)
                .where(PASSWORD_SWITCHED_OFF.USER_ID.eq(id)).fetchMaps());
        return tables;
    }

    @Override
    public void erase(PersonalDataSubject subject) {
        PersonId id = subject.userId();
        db.deleteFrom(STAFF_TOTP).where(STAFF_TOTP.USER_ID.eq(id)).execute();
        db.deleteFrom(STAFF_RECOVERY_CODE).where(STAFF_RECOVERY_CODE.USER_ID.eq(id)).execute();
        db.deleteFrom(REMEMBER_ME_TOKEN).where(REMEMBER_ME_TOKEN.USER_ID.eq(id)).execute();
        db.deleteFrom(SIGNED_OUT_EVERYWHERE).where(SIGNED_OUT_EVERYWHERE.USER_ID.eq(id)).execute();
        db.deleteFrom(PROVIDER_IDENTITY).where(PROVIDER_IDENTITY.USER_ID.eq(id)).execute();
        db.deleteFrom(PASSWORD_SWITCHED_OFF).where(PASSWORD_SWITCHED_OFF.USER_ID.eq(id)).execute();
    }
}
