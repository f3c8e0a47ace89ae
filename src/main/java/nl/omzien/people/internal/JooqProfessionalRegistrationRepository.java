package nl.omzien.people.internal;

import nl.omzien.base.PersonId;
import nl.omzien.people.ProfessionalRegistration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static nl.omzien.people.internal.db.Tables.PROFESSIONAL_REGISTRATION;

/** BIG and register numbers, one per person, each stored with the moment the person consented. */
@Repository
public class JooqProfessionalRegistrationRepository {

    private final DSLContext db;

    JooqProfessionalRegistrationRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<ProfessionalRegistration> find(PersonId userId) {
        return db.selectFrom(PROFESSIONAL_REGISTRATION).where(PROFESSIONAL_REGISTRATION.USER_ID.eq(userId))
                .fetchOptional(JooqProfessionalRegistrationRepository::registration);
    }

    public Map<PersonId, ProfessionalRegistration> of(Collection<PersonId> userIds) {
        return db.selectFrom(PROFESSIONAL_REGISTRATION).where(PROFESSIONAL_REGISTRATION.USER_ID.in(userIds))
                .fetchMap(r -> r.get(PROFESSIONAL_REGISTRATION.USER_ID), JooqProfessionalRegistrationRepository::registration);
    }

    public void save(PersonId userId, ProfessionalRegistration.Kind kind, String number, OffsetDateTime consentedAt) {
        db.insertInto(PROFESSIONAL_REGISTRATION)
                .set(PROFESSIONAL_REGISTRATION.USER_ID, userId)
                .set(PROFESSIONAL_REGISTRATION.KIND, kind.name())
                .set(PROFESSIONAL_REGISTRATION.NUMBER, number)
                .set(PROFESSIONAL_REGISTRATION.CONSENTED_AT, consentedAt)
                .onConflict(PROFESSIONAL_REGISTRATION.USER_ID).doUpdate()
                .set(PROFESSIONAL_REGISTRATION.KIND, kind.name())
                .set(PROFESSIONAL_REGISTRATION.NUMBER, number)
                .set(PROFESSIONAL_REGISTRATION.CONSENTED_AT, consentedAt)
                .execute();
    }

    public void delete(PersonId userId) {
        db.deleteFrom(PROFESSIONAL_REGISTRATION).where(PROFESSIONAL_REGISTRATION.USER_ID.eq(userId)).execute();
    }

    /** For the person's own-data export. */
    List<Map<String, Object>> export(PersonId userId) {
        return db.select(PROFESSIONAL_REGISTRATION.KIND, PROFESSIONAL_REGISTRATION.NUMBER, PROFESSIONAL_REGISTRATION.CONSENTED_AT)
                .from(PROFESSIONAL_REGISTRATION).where(PROFESSIONAL_REGISTRATION.USER_ID.eq(userId)).fetchMaps();
    }

    private static ProfessionalRegistration registration(Record r) {
        return new ProfessionalRegistration(ProfessionalRegistration.Kind.valueOf(r.get(PROFESSIONAL_REGISTRATION.KIND)),
                r.get(PROFESSIONAL_REGISTRATION.NUMBER), r.get(PROFESSIONAL_REGISTRATION.CONSENTED_AT));
    }
}
