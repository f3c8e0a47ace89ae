package nl.omzien.people.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.people.Audience;
import nl.omzien.people.Sector;
import nl.omzien.people.internal.db.tables.records.CoalitionSectorRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static nl.omzien.people.internal.db.Tables.COALITION_SECTOR;
import static org.jooq.impl.DSL.lower;

/** The sectors coalitions added (people.coalition_sector). */
@Repository
public class JooqSectorRepository {

    private final DSLContext db;

    JooqSectorRepository(DSLContext db) {
        this.db = db;
    }

    public List<Sector> added(MunicipalityId municipalityId) {
        return db.selectFrom(COALITION_SECTOR).where(COALITION_SECTOR.MUNICIPALITY_ID.eq(municipalityId))
                .orderBy(lower(COALITION_SECTOR.NAME_NL)).fetch(JooqSectorRepository::toSector);
    }

    public Optional<Sector> added(String code) {
        return db.selectFrom(COALITION_SECTOR).where(COALITION_SECTOR.CODE.eq(code)).fetchOptional(JooqSectorRepository::toSector);
    }

    public List<Sector> added(Collection<String> codes) {
        return db.selectFrom(COALITION_SECTOR).where(COALITION_SECTOR.CODE.in(codes)).fetch(JooqSectorRepository::toSector);
    }

    public Optional<MunicipalityId> municipalityOf(String code) {
        return db.select(COALITION_SECTOR.MUNICIPALITY_ID).from(COALITION_SECTOR).where(COALITION_SECTOR.CODE.eq(code))
                .fetchOptional(COALITION_SECTOR.MUNICIPALITY_ID);
    }

    public boolean nameTaken(MunicipalityId municipalityId, String nameNl, String exceptCode) {
        var condition = COALITION_SECTOR.MUNICIPALITY_ID.eq(municipalityId).and(lower(COALITION_SECTOR.NAME_NL).eq(nameNl.toLowerCase()));
        if (exceptCode != null) {
            condition = condition.and(COALITION_SECTOR.CODE.ne(exceptCode));
        }
        return db.fetchExists(COALITION_SECTOR, condition);
    }

    public String insert(MunicipalityId municipalityId, String nameNl, String nameEn, Audience audience) {
        return db.insertInto(COALITION_SECTOR)
                .set(COALITION_SECTOR.MUNICIPALITY_ID, municipalityId)
                .set(COALITION_SECTOR.NAME_NL, nameNl)
                .set(COALITION_SECTOR.NAME_EN, nameEn)
                .set(COALITION_SECTOR.AUDIENCE, audience.name())
                .returning(COALITION_SECTOR.CODE).fetchOne().getCode();
    }

    public void update(String code, String nameNl, String nameEn, Audience audience) {
        db.update(COALITION_SECTOR)
                .set(COALITION_SECTOR.NAME_NL, nameNl)
                .set(COALITION_SECTOR.NAME_EN, nameEn)
                .set(COALITION_SECTOR.AUDIENCE, audience.name())
                .where(COALITION_SECTOR.CODE.eq(code)).execute();
    }

    static Sector toSector(CoalitionSectorRecord r) {
        return new Sector(r.getCode(), Audience.valueOf(r.getAudience()), r.getNameNl(), r.getNameEn());
    }
}
