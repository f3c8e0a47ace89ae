package nl.omzien.contacts.internal;

import nl.omzien.base.PersonalDataSection;
import nl.omzien.base.PersonalDataSubject;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.Map;

import static nl.omzien.contacts.internal.db.Tables.LOCAL_CONTACT;
import static nl.omzien.contacts.internal.db.Tables.LOCAL_FIGURE;

/**
 * Local contacts a coalition lead last edited. The contact belongs to the municipality, not the lead:
 * erasing keeps it; the lead's id on it points to the anonymised account.
 */
@Component
class ContactsPersonalData implements PersonalDataSection {

    private final DSLContext db;

    ContactsPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "local-contacts";
    }

    @Override
    public Map<String, ?> export(PersonalDataSubject subject) {
        return Map.of("local_contact", db.select(LOCAL_CONTACT.ID, LOCAL_CONTACT.NAME, LOCAL_CONTACT.UPDATED_AT)
                        .from(LOCAL_CONTACT).where(LOCAL_CONTACT.UPDATED_BY.eq(subject.userId())).fetchMaps(),
                "local_figure", db.select(LOCAL_FIGURE.ID, LOCAL_FIGURE.POPULATION, LOCAL_FIGURE.YEAR, LOCAL_FIGURE.UPDATED_AT)
                        .from(LOCAL_FIGURE).where(LOCAL_FIGURE.UPDATED_BY.eq(subject.userId())).fetchMaps());
    }

    @Override
    public void erase(PersonalDataSubject subject) {
        // Nothing personal beyond the id, which now points to an anonymous account.
    }
}
