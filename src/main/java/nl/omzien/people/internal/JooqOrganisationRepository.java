package nl.omzien.people.internal;

import nl.omzien.base.OrganisationId;

import nl.omzien.base.MunicipalityId;
import nl.omzien.people.Organisation;
import nl.omzien.people.OrganisationDraft;
import nl.omzien.people.Sector;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record7;
import org.jooq.SelectOnConditionStep;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

import static nl.omzien.people.internal.db.Tables.MUNICIPALITY;
import static nl.omzien.people.internal.db.Tables.ORGANISATION;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;

@Repository
public class JooqOrganisationRepository {

    private final DSLContext db;

    JooqOrganisationRepository(DSLContext db) {
        this.db = db;
    }

    /** All organisations, or only those of one municipality when {@code municipalityId} is given. */
    public List<Organisation> find(MunicipalityId municipalityId) {
        Condition scope = municipalityId == null ? noCondition() : ORGANISATION.MUNICIPALITY_ID.eq(municipalityId);
        return select().where(scope).orderBy(MUNICIPALITY.NAME, ORGANISATION.NAME).fetch(this::toOrganisation);
    }

    public Optional<Organisation> findById(OrganisationId id) {
        return select().where(ORGANISATION.ID.eq(id)).fetchOptional(this::toOrganisation);
    }

    public boolean nameTaken(MunicipalityId municipalityId, String name, OrganisationId exceptId) {
        Condition condition = ORGANISATION.MUNICIPALITY_ID.eq(municipalityId)
                .and(lower(ORGANISATION.NAME).eq(name.toLowerCase()));
        if (exceptId != null) {
            condition = condition.and(ORGANISATION.ID.ne(exceptId));
        }
        return db.fetchExists(ORGANISATION, condition);
    }

    public OrganisationId insert(OrganisationDraft draft) {
        return db.insertInto(ORGANISATION)
                .set(ORGANISATION.MUNICIPALITY_ID, draft.getMunicipality().id())
                .set(ORGANISATION.NAME, draft.getName().trim())
                .set(ORGANISATION.SECTOR, draft.getSector())
                .set(ORGANISATION.CONTACT_EMAIL, blankToNull(draft.getContactEmail()))
                .set(ORGANISATION.VILLAGE, blankToNull(draft.getVillage()))
                .returning(ORGANISATION.ID).fetchOne().getId();
    }

    public void update(OrganisationDraft draft) {
        db.update(ORGANISATION)
                .set(ORGANISATION.MUNICIPALITY_ID, draft.getMunicipality().id())
                .set(ORGANISATION.NAME, draft.getName().trim())
                .set(ORGANISATION.SECTOR, draft.getSector())
                .set(ORGANISATION.CONTACT_EMAIL, blankToNull(draft.getContactEmail()))
                .set(ORGANISATION.VILLAGE, blankToNull(draft.getVillage()))
                .where(ORGANISATION.ID.eq(draft.getId()))
                .execute();
    }

    private SelectOnConditionStep<Record7<OrganisationId, MunicipalityId, String, String, Sector, String, String>> select() {
        return db.select(ORGANISATION.ID, ORGANISATION.MUNICIPALITY_ID, MUNICIPALITY.NAME, ORGANISATION.NAME,
                        ORGANISATION.SECTOR, ORGANISATION.CONTACT_EMAIL, ORGANISATION.VILLAGE)
                .from(ORGANISATION).join(MUNICIPALITY).on(MUNICIPALITY.ID.eq(ORGANISATION.MUNICIPALITY_ID));
    }

    private Organisation toOrganisation(Record7<OrganisationId, MunicipalityId, String, String, Sector, String, String> r) {
        return new Organisation(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                r.value6(), r.value7());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
