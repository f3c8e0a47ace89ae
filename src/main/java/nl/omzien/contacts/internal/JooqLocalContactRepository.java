package nl.omzien.contacts.internal;

import nl.omzien.base.PersonId;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.contacts.ContactKind;
import nl.omzien.contacts.LocalContact;
import nl.omzien.contacts.LocalContactDraft;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static nl.omzien.contacts.internal.db.Tables.LOCAL_CONTACT;
import static nl.omzien.people.published.Tables.V_MUNICIPALITY;
import static nl.omzien.people.published.Tables.V_ORGANISATION;

@Repository
public class JooqLocalContactRepository {

    private final DSLContext db;

    JooqLocalContactRepository(DSLContext db) {
        this.db = db;
    }

    /** In card order: by kind as the module teaches them, then by name. */
    public List<LocalContact> findByMunicipality(MunicipalityId municipalityId) {
        return db.selectFrom(LOCAL_CONTACT).where(LOCAL_CONTACT.MUNICIPALITY_ID.eq(municipalityId))
                .fetch(JooqLocalContactRepository::toContact).stream()
                .sorted(Comparator.comparing(LocalContact::kind).thenComparing(c -> c.name().toLowerCase()))
                .toList();
    }

    public Optional<LocalContact> findById(long id) {
        return db.selectFrom(LOCAL_CONTACT).where(LOCAL_CONTACT.ID.eq(id)).fetchOptional(JooqLocalContactRepository::toContact);
    }

    public Optional<String> municipalityName(MunicipalityId municipalityId) {
        return db.select(V_MUNICIPALITY.NAME).from(V_MUNICIPALITY).where(V_MUNICIPALITY.ID.eq(municipalityId)).fetchOptional(V_MUNICIPALITY.NAME);
    }

    /** The villages (kernen) of the municipality's organisations, from the people feature's published view. */
    public List<String> villages(MunicipalityId municipalityId) {
        return db.selectDistinct(V_ORGANISATION.VILLAGE).from(V_ORGANISATION)
                .where(V_ORGANISATION.MUNICIPALITY_ID.eq(municipalityId), V_ORGANISATION.VILLAGE.isNotNull())
                .fetch(V_ORGANISATION.VILLAGE);
    }

    public Optional<String> villageOf(OrganisationId organisationId) {
        return db.select(V_ORGANISATION.VILLAGE).from(V_ORGANISATION).where(V_ORGANISATION.ID.eq(organisationId))
                .fetchOptional(V_ORGANISATION.VILLAGE).filter(v -> !v.isBlank());
    }

    public long insert(MunicipalityId municipalityId, LocalContactDraft draft, boolean example, PersonId by, OffsetDateTime at) {
        return db.insertInto(LOCAL_CONTACT)
                .set(LOCAL_CONTACT.MUNICIPALITY_ID, municipalityId)
                .set(values(draft, example, by, at))
                .returning(LOCAL_CONTACT.ID).fetchOne().getId();
    }

    /** Saving by a person makes a demo contact real: they have checked it. */
    public void update(long id, LocalContactDraft draft, PersonId by, OffsetDateTime at) {
        db.update(LOCAL_CONTACT).set(values(draft, false, by, at)).where(LOCAL_CONTACT.ID.eq(id)).execute();
    }

    private static Map<Field<?>, Object> values(LocalContactDraft draft, boolean example, PersonId by, OffsetDateTime at) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(LOCAL_CONTACT.KIND, draft.kind());
        values.put(LOCAL_CONTACT.NAME, draft.name());
        values.put(LOCAL_CONTACT.OFFER, draft.offer());
        values.put(LOCAL_CONTACT.PHONE, draft.phone());
        values.put(LOCAL_CONTACT.EMAIL, draft.email());
        values.put(LOCAL_CONTACT.WEBSITE, draft.website());
        values.put(LOCAL_CONTACT.OPENING_HOURS, draft.openingHours());
        values.put(LOCAL_CONTACT.KERN, draft.kern());
        values.put(LOCAL_CONTACT.EXAMPLE, example);
        values.put(LOCAL_CONTACT.UPDATED_AT, at);
        values.put(LOCAL_CONTACT.UPDATED_BY, by);
        return values;
    }

    public boolean delete(long id) {
        return db.deleteFrom(LOCAL_CONTACT).where(LOCAL_CONTACT.ID.eq(id)).execute() == 1;
    }

    public boolean isEmpty() {
        return !db.fetchExists(LOCAL_CONTACT);
    }

    private static LocalContact toContact(Record r) {
        return new LocalContact(r.get(LOCAL_CONTACT.ID), r.get(LOCAL_CONTACT.MUNICIPALITY_ID),
                r.get(LOCAL_CONTACT.KIND), r.get(LOCAL_CONTACT.NAME), r.get(LOCAL_CONTACT.OFFER),
                r.get(LOCAL_CONTACT.PHONE), r.get(LOCAL_CONTACT.EMAIL), r.get(LOCAL_CONTACT.WEBSITE),
                r.get(LOCAL_CONTACT.OPENING_HOURS), r.get(LOCAL_CONTACT.EXAMPLE), r.get(LOCAL_CONTACT.KERN));
    }
}
