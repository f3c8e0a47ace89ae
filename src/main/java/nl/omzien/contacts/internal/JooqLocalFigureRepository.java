package nl.omzien.contacts.internal;

import nl.omzien.base.PersonId;

import nl.omzien.base.MunicipalityId;
import nl.omzien.contacts.LocalFigure;
import nl.omzien.contacts.LocalFigureDraft;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static nl.omzien.contacts.internal.db.Tables.LOCAL_FIGURE;

@Repository
public class JooqLocalFigureRepository {

    private final DSLContext db;

    JooqLocalFigureRepository(DSLContext db) {
        this.db = db;
    }

    /** Newest year first, then by population. */
    public List<LocalFigure> findByMunicipality(MunicipalityId municipalityId) {
        return db.selectFrom(LOCAL_FIGURE).where(LOCAL_FIGURE.MUNICIPALITY_ID.eq(municipalityId))
                .orderBy(LOCAL_FIGURE.YEAR.desc(), LOCAL_FIGURE.POPULATION, LOCAL_FIGURE.ID)
                .fetch(JooqLocalFigureRepository::toFigure);
    }

    public Optional<LocalFigure> findById(long id) {
        return db.selectFrom(LOCAL_FIGURE).where(LOCAL_FIGURE.ID.eq(id)).fetchOptional(JooqLocalFigureRepository::toFigure);
    }

    public long insert(MunicipalityId municipalityId, LocalFigureDraft draft, PersonId by, OffsetDateTime at) {
        return db.insertInto(LOCAL_FIGURE)
                .set(LOCAL_FIGURE.MUNICIPALITY_ID, municipalityId)
                .set(LOCAL_FIGURE.POPULATION, draft.population())
                .set(LOCAL_FIGURE.PERCENT, draft.percent())
                .set(LOCAL_FIGURE.YEAR, draft.year())
                .set(LOCAL_FIGURE.SOURCE, draft.source())
                .set(LOCAL_FIGURE.UPDATED_AT, at)
                .set(LOCAL_FIGURE.UPDATED_BY, by)
                .returning(LOCAL_FIGURE.ID).fetchOne().getId();
    }

    public void update(long id, LocalFigureDraft draft, PersonId by, OffsetDateTime at) {
        db.update(LOCAL_FIGURE)
                .set(LOCAL_FIGURE.POPULATION, draft.population())
                .set(LOCAL_FIGURE.PERCENT, draft.percent())
                .set(LOCAL_FIGURE.YEAR, draft.year())
                .set(LOCAL_FIGURE.SOURCE, draft.source())
                .set(LOCAL_FIGURE.UPDATED_AT, at)
                .set(LOCAL_FIGURE.UPDATED_BY, by)
                .where(LOCAL_FIGURE.ID.eq(id)).execute();
    }

    public boolean delete(long id) {
        return db.deleteFrom(LOCAL_FIGURE).where(LOCAL_FIGURE.ID.eq(id)).execute() == 1;
    }

    public boolean isEmpty() {
        return !db.fetchExists(LOCAL_FIGURE);
    }

    private static LocalFigure toFigure(Record r) {
        return new LocalFigure(r.get(LOCAL_FIGURE.ID), r.get(LOCAL_FIGURE.MUNICIPALITY_ID), r.get(LOCAL_FIGURE.POPULATION),
                r.get(LOCAL_FIGURE.PERCENT), r.get(LOCAL_FIGURE.YEAR), r.get(LOCAL_FIGURE.SOURCE));
    }
}
