package nl.omzien.certificates.internal;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Optional;

import static nl.omzien.db.Tables.MUNICIPALITY_LOGO;

/** Municipality logos as certificates use them: one normalised PNG per municipality. */
@Repository
public class JooqLogoRepository {

    private final DSLContext db;

    JooqLogoRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<byte[]> png(long municipalityId) {
        return db.select(MUNICIPALITY_LOGO.PNG).from(MUNICIPALITY_LOGO)
                .where(MUNICIPALITY_LOGO.MUNICIPALITY_ID.eq(municipalityId)).fetchOptional(r -> r.value1());
    }

    public boolean exists(long municipalityId) {
        return db.fetchExists(MUNICIPALITY_LOGO, MUNICIPALITY_LOGO.MUNICIPALITY_ID.eq(municipalityId));
    }

    /** Replaces the municipality's logo (the last upload wins). */
    public void save(long municipalityId, LogoImages.Normalised logo, Long uploadedBy, OffsetDateTime at) {
        db.insertInto(MUNICIPALITY_LOGO)
                .set(MUNICIPALITY_LOGO.MUNICIPALITY_ID, municipalityId)
                .set(MUNICIPALITY_LOGO.PNG, logo.png())
                .set(MUNICIPALITY_LOGO.WIDTH_PX, logo.width())
                .set(MUNICIPALITY_LOGO.HEIGHT_PX, logo.height())
                .set(MUNICIPALITY_LOGO.SOURCE_TYPE, logo.sourceType().name())
                .set(MUNICIPALITY_LOGO.UPLOADED_AT, at)
                .set(MUNICIPALITY_LOGO.UPLOADED_BY, uploadedBy)
                .onConflict(MUNICIPALITY_LOGO.MUNICIPALITY_ID).doUpdate()
                .set(MUNICIPALITY_LOGO.PNG, logo.png())
                .set(MUNICIPALITY_LOGO.WIDTH_PX, logo.width())
                .set(MUNICIPALITY_LOGO.HEIGHT_PX, logo.height())
                .set(MUNICIPALITY_LOGO.SOURCE_TYPE, logo.sourceType().name())
                .set(MUNICIPALITY_LOGO.UPLOADED_AT, at)
                .set(MUNICIPALITY_LOGO.UPLOADED_BY, uploadedBy)
                .execute();
    }
}
