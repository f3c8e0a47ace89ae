package nl.omzien.people.internal;

import nl.omzien.base.PersonId;

import nl.omzien.base.PersonalDataSection;
import nl.omzien.base.PersonalDataSubject;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.EMAIL_CHANGE;
import static nl.omzien.people.internal.db.Tables.MUNICIPALITY;
import static nl.omzien.people.internal.db.Tables.ORGANISATION;
import static nl.omzien.people.internal.db.Tables.USER_ROLE;

/**
 * The account itself. Erasing anonymises the row instead of deleting it: its id keeps completions,
 * attendance and certificates counting for the coalition, while name, address, password and settings go.
 * Organisation and municipality stay, because the coalition's figures are counted per organisation.
 */
@Component
class PeoplePersonalData implements PersonalDataSection {

    /** What the app shows where a deleted person used to be named (a trainer of an old session, say). */
    static final String ANONYMOUS_NAME = "Verwijderd account";

    private final DSLContext db;
    private final JooqProfessionalRegistrationRepository registrations;
    private final Clock clock;

    PeoplePersonalData(DSLContext db, JooqProfessionalRegistrationRepository registrations, Clock clock) {
        this.db = db;
        this.registrations = registrations;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "account";
    }

    @Override
    public Map<String, ?> export(PersonalDataSubject subject) {
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("app_user", db.select(APP_USER.ID, APP_USER.FULL_NAME, APP_USER.EMAIL, APP_USER.LOCALE, APP_USER.AUDIENCE,
                        APP_USER.ENABLED, APP_USER.CREATED_AT, APP_USER.LAST_SEEN_AT, APP_USER.ANONYMISED_AT,
                        APP_USER.PASSWORD_HASH.isNotNull().as("has_password"),
                        ORGANISATION.NAME.as("organisation"), MUNICIPALITY.NAME.as("municipality"))
                .from(APP_USER)
                .leftJoin(ORGANISATION).on(ORGANISATION.ID.eq(APP_USER.ORGANISATION_ID))
                .leftJoin(MUNICIPALITY).on(MUNICIPALITY.ID.eq(org.jooq.impl.DSL.coalesce(APP_USER.MUNICIPALITY_ID, ORGANISATION.MUNICIPALITY_ID)))
                .where(APP_USER.ID.eq(subject.userId())).fetchMaps());
        tables.put("user_role", db.select(USER_ROLE.ROLE).from(USER_ROLE)
                .where(USER_ROLE.USER_ID.eq(subject.userId())).fetch(USER_ROLE.ROLE));
        tables.put("email_change", db.select(EMAIL_CHANGE.NEW_EMAIL, EMAIL_CHANGE.REQUESTED_AT, EMAIL_CHANGE.EXPIRES_AT)
                .from(EMAIL_CHANGE).where(EMAIL_CHANGE.USER_ID.eq(subject.userId())).fetchMaps());
        tables.put("professional_registration", registrations.export(subject.userId()));
        return tables;
    }

    @Override
    public void erase(PersonalDataSubject subject) {
        PersonId id = subject.userId();
        db.deleteFrom(EMAIL_CHANGE).where(EMAIL_CHANGE.USER_ID.eq(id)).execute();
        registrations.delete(id);
        db.update(APP_USER)
                .set(APP_USER.FULL_NAME, ANONYMOUS_NAME)
                // Unique, valid and undeliverable (.invalid is reserved), so no constraint or mail breaks.
                .set(APP_USER.EMAIL, "verwijderd-" + id + "@omzien.invalid")
                .set(APP_USER.PASSWORD_HASH, (String) null)
                .set(APP_USER.ENABLED, false)
                .set(APP_USER.LOCALE, "nl")
                .set(APP_USER.AUDIENCE, (String) null)
                .set(APP_USER.LAST_SEEN_AT, (OffsetDateTime) null)
                .set(APP_USER.ANONYMISED_AT, OffsetDateTime.now(clock))
                .where(APP_USER.ID.eq(id), APP_USER.ANONYMISED_AT.isNull())
                .execute();
    }

    @Override
    public int erasureOrder() {
        return 1000;
    }
}
