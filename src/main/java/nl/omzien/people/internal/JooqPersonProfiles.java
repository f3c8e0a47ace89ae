package nl.omzien.people.internal;

import nl.omzien.base.PersonId;
import nl.omzien.base.Translations;
import nl.omzien.people.PersonProfile;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Locale;
import java.util.Optional;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.MUNICIPALITY;
import static nl.omzien.people.internal.db.Tables.ORGANISATION;
import static org.jooq.impl.DSL.coalesce;

@Repository
public class JooqPersonProfiles {

    private final DSLContext db;

    JooqPersonProfiles(DSLContext db) {
        this.db = db;
    }

    public Optional<PersonProfile> find(PersonId userId) {
        var municipalityId = coalesce(ORGANISATION.MUNICIPALITY_ID, APP_USER.MUNICIPALITY_ID);
        return db.select(APP_USER.EMAIL, APP_USER.FULL_NAME, APP_USER.LOCALE, ORGANISATION.NAME, municipalityId, MUNICIPALITY.NAME)
                .from(APP_USER)
                .leftJoin(ORGANISATION).on(ORGANISATION.ID.eq(APP_USER.ORGANISATION_ID))
                .leftJoin(MUNICIPALITY).on(MUNICIPALITY.ID.eq(municipalityId))
                .where(APP_USER.ID.eq(userId))
                .fetchOptional(r -> new PersonProfile(userId, r.value1(), r.value2(),
                        Translations.supported(Locale.of(r.value3())), r.value4(), r.value5(), r.value6()));
    }
}
