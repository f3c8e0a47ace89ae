package nl.omzien.people.internal;

import nl.omzien.base.MunicipalityId;

import nl.omzien.people.Municipality;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

import static nl.omzien.people.internal.db.Tables.MUNICIPALITY;
import static org.jooq.impl.DSL.lower;

@Repository
public class JooqMunicipalityRepository {

    private final DSLContext db;

    JooqMunicipalityRepository(DSLContext db) {
        this.db = db;
    }

    public List<Municipality> findAll() {
        return db.select(MUNICIPALITY.ID, MUNICIPALITY.NAME).from(MUNICIPALITY).orderBy(MUNICIPALITY.NAME)
                .fetch(r -> new Municipality(r.value1(), r.value2()));
    }

    public Optional<Municipality> findById(MunicipalityId id) {
        return db.select(MUNICIPALITY.ID, MUNICIPALITY.NAME).from(MUNICIPALITY).where(MUNICIPALITY.ID.eq(id))
                .fetchOptional(r -> new Municipality(r.value1(), r.value2()));
    }

    public boolean nameTaken(String name, MunicipalityId exceptId) {
        var condition = lower(MUNICIPALITY.NAME).eq(name.toLowerCase());
        if (exceptId != null) {
            condition = condition.and(MUNICIPALITY.ID.ne(exceptId));
        }
        return db.fetchExists(MUNICIPALITY, condition);
    }

    public MunicipalityId insert(String name) {
        return db.insertInto(MUNICIPALITY).set(MUNICIPALITY.NAME, name).returning(MUNICIPALITY.ID).fetchOne().getId();
    }

    public void rename(MunicipalityId id, String name) {
        db.update(MUNICIPALITY).set(MUNICIPALITY.NAME, name).where(MUNICIPALITY.ID.eq(id)).execute();
    }

    public boolean isEmpty() {
        return !db.fetchExists(MUNICIPALITY);
    }
}
