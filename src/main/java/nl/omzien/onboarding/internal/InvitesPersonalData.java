package nl.omzien.onboarding.internal;

import nl.omzien.base.PersonId;

import nl.omzien.base.PersonalDataSection;
import nl.omzien.base.PersonalDataSubject;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

import static nl.omzien.onboarding.internal.db.Tables.ORGANISATION_INVITE;
import static nl.omzien.onboarding.internal.db.Tables.PENDING_ORGANISATION;
import static nl.omzien.onboarding.internal.db.Tables.PENDING_SESSION_SIGNUP;
import static nl.omzien.onboarding.internal.db.Tables.PRIVACY_CONSENT;
import static nl.omzien.onboarding.internal.db.Tables.SESSION_INVITE;

/**
 * Consent given at registration, a session sign-up waiting for the mailed link, and (for staff) which
 * invite links they made. Invite tokens are left out: they belong to the organisation, not the person.
 */
@Component
class InvitesPersonalData implements PersonalDataSection {

    private final DSLContext db;

    InvitesPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "registration";
    }

    @Override
    public Map<String, ?> export(PersonalDataSubject subject) {
        PersonId id = subject.userId();
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("privacy_consent", db.select(PRIVACY_CONSENT.STATEMENT_VERSION, PRIVACY_CONSENT.GIVEN_AT)
                .from(PRIVACY_CONSENT).where(PRIVACY_CONSENT.USER_ID.eq(id)).orderBy(PRIVACY_CONSENT.GIVEN_AT).fetchMaps());
        tables.put("pending_session_signup", db.select(PENDING_SESSION_SIGNUP.SESSION_ID, PENDING_SESSION_SIGNUP.REQUESTED_AT)
                .from(PENDING_SESSION_SIGNUP).where(PENDING_SESSION_SIGNUP.USER_ID.eq(id)).fetchMaps());
        tables.put("pending_organisation", db.select(PENDING_ORGANISATION.ORGANISATION_ID, PENDING_ORGANISATION.REGISTERED_AT)
                .from(PENDING_ORGANISATION).where(PENDING_ORGANISATION.USER_ID.eq(id)).fetchMaps());
        tables.put("organisation_invite", db.select(ORGANISATION_INVITE.ORGANISATION_ID, ORGANISATION_INVITE.CREATED_AT)
                .from(ORGANISATION_INVITE).where(ORGANISATION_INVITE.CREATED_BY.eq(id)).fetchMaps());
        tables.put("session_invite", db.select(SESSION_INVITE.SESSION_ID, SESSION_INVITE.CREATED_AT)
                .from(SESSION_INVITE).where(SESSION_INVITE.CREATED_BY.eq(id)).fetchMaps());
        return tables;
    }

    @Override
    public void erase(PersonalDataSubject subject) {
        PersonId id = subject.userId();
        // The consent record goes with the person: there is nobody left whose consent it proves.
        db.deleteFrom(PRIVACY_CONSENT).where(PRIVACY_CONSENT.USER_ID.eq(id)).execute();
        db.deleteFrom(PENDING_SESSION_SIGNUP).where(PENDING_SESSION_SIGNUP.USER_ID.eq(id)).execute();
        db.deleteFrom(PENDING_ORGANISATION).where(PENDING_ORGANISATION.USER_ID.eq(id)).execute();
        db.update(ORGANISATION_INVITE).setNull(ORGANISATION_INVITE.CREATED_BY).where(ORGANISATION_INVITE.CREATED_BY.eq(id)).execute();
        db.update(SESSION_INVITE).setNull(SESSION_INVITE.CREATED_BY).where(SESSION_INVITE.CREATED_BY.eq(id)).execute();
    }
}
