package nl.omzien.people.internal;

import nl.omzien.base.OrganisationId;

import nl.omzien.base.MunicipalityId;
import nl.omzien.people.Organisation;
import nl.omzien.people.OrganisationDraft;
import nl.omzien.people.Sector;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

import static nl.omzien.people.internal.db.Tables.COALITION_SECTOR;
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
                .set(ORGANISATION.SECTOR, draft.getSector().code())
                .set(ORGANISATION.CONTACT_EMAIL, blankToNull(draft.getContactEmail()))
                .set(ORGANISATION.VILLAGE, blankToNull(draft.getVillage()))
                .returning(ORGANISATION.ID).fetchOne().getId();
    }

    public void update(OrganisationDraft draft) {
        db.update(ORGANISATION)
                .set(ORGANISATION.MUNICIPALITY_ID, draft.getMunicipality().id())
                .set(ORGANISATION.NAME, draft.getName().trim())
                .set(ORGANISATION.SECTOR, draft.getSector().code())
                .set(ORGANISATION.CONTACT_EMAIL, blankToNull(draft.getContactEmail()))
                .set(ORGANISATION.VILLAGE, blankToNull(draft.getVillage()))
                .where(ORGANISATION.ID.eq(draft.getId()))
                .execute();
    }

    private SelectOnConditionStep<? extends Record> select() {
        return db.select(ORGANISATION.ID, ORGANISATION.MUNICIPALITY_ID, MUNICIPALITY.NAME, ORGANISATION.NAME,
                        ORGANISATION.SECTOR, ORGANISATION.CONTACT_EMAIL, ORGANISATION.VILLAGE,
                        COALITION_SECTOR.AUDIENCE, COALITION_SECTOR.NAME_NL, COALITION_SECTOR.NAME_EN)
                .from(ORGANISATION).join(MUNICIPALITY).on(MUNICIPALITY.ID.eq(ORGANISATION.MUNICIPALITY_ID))
                // A sector the coalition added carries its names and audience; a built-in one is known in code.
                .leftJoin(COALITION_SECTOR).on(COALITION_SECTOR.CODE.eq(ORGANISATION.SECTOR));
    }

    private Organisation toOrganisation(Record r) {
        String code = r.get(ORGANISATION.SECTOR);
        Sector sector = r.get(COALITION_SECTOR.AUDIENCE) == null ? Sector.valueOf(code)
                : new Sector(code, nl.omzien.people.Audience.valueOf(r.get(COALITION_SECTOR.AUDIENCE)),
                        r.get(COALITION_SECTOR.NAME_NL), r.get(COALITION_SECTOR.NAME_EN));
        return new Organisation(r.get(ORGANISATION.ID), r.get(ORGANISATION.MUNICIPALITY_ID), r.get(MUNICIPALITY.NAME),
                r.get(ORGANISATION.NAME), sector, r.get(ORGANISATION.CONTACT_EMAIL), r.get(ORGANISATION.VILLAGE));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
