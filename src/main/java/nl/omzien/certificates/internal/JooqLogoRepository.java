package nl.omzien.certificates.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import nl.omzien.certificates.internal.db.tables.records.MunicipalityLogoRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Optional;

import static nl.omzien.certificates.internal.db.Tables.MUNICIPALITY_LOGO;

/** Municipality logos as certificates use them: one normalised PNG per municipality. */
@Repository
public class JooqLogoRepository {

    private final DSLContext db;

    JooqLogoRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<byte[]> png(MunicipalityId municipalityId) {
        return db.select(MUNICIPALITY_LOGO.PNG).from(MUNICIPALITY_LOGO)
                .where(MUNICIPALITY_LOGO.MUNICIPALITY_ID.eq(municipalityId)).fetchOptional(r -> r.value1());
    }

    public boolean exists(MunicipalityId municipalityId) {
        return db.fetchExists(MUNICIPALITY_LOGO, MUNICIPALITY_LOGO.MUNICIPALITY_ID.eq(municipalityId));
    }

    /** Replaces the municipality's logo (the last upload wins). */
    public void save(MunicipalityId municipalityId, LogoImages.Normalised logo, PersonId uploadedBy, OffsetDateTime at) {
        MunicipalityLogoRecord row = db.newRecord(MUNICIPALITY_LOGO);
        row.setMunicipalityId(municipalityId);
        row.setPng(logo.png());
        row.setWidthPx(logo.width());
        row.setHeightPx(logo.height());
        row.setSourceType(logo.sourceType().name());
        row.setUploadedAt(at);
        row.setUploadedBy(uploadedBy);
        db.insertInto(MUNICIPALITY_LOGO).set(row).onConflict(MUNICIPALITY_LOGO.MUNICIPALITY_ID).doUpdate().set(row).execute();
    }
}
