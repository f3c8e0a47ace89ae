package nl.omzien.dashboard.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.dashboard.PartnerRule;
import nl.omzien.dashboard.PartnerSettings;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static nl.omzien.dashboard.internal.db.Tables.COALITION_SETTINGS;
import static nl.omzien.dashboard.internal.db.Tables.DASHBOARD_ORGANISATION;
import static nl.omzien.dashboard.internal.db.Tables.DASHBOARD_STAFF;
import static nl.omzien.dashboard.internal.db.Tables.PARTNER;

/** The partner records (dashboard.partner) and the coalition's partner settings (decision 027). */
@Repository
public class JooqPartnerQuery {

    private final DSLContext db;

    JooqPartnerQuery(DSLContext db) {
        this.db = db;
    }

    /** One organisation's partner record. */
    public record PartnerRow(OrganisationId organisationId, String publicId, LocalDate since, LocalDate validUntil, LocalDate renewedOn) {
    }

    /** An organisation with someone trained and no partner record yet, with the read model's counts. */
    public record Candidate(OrganisationId organisationId, MunicipalityId municipalityId, long trained, long staff) {
    }

    public Optional<PartnerRow> partner(OrganisationId organisationId) {
        return db.selectFrom(PARTNER).where(PARTNER.ORGANISATION_ID.eq(organisationId)).fetchOptional(JooqPartnerQuery::toRow);
    }

    public Optional<PartnerRow> byPublicId(String publicId) {
        return db.selectFrom(PARTNER).where(PARTNER.PUBLIC_ID.eq(publicId)).fetchOptional(JooqPartnerQuery::toRow);
    }

    public Map<OrganisationId, PartnerRow> partners(Collection<OrganisationId> organisations) {
        Map<OrganisationId, PartnerRow> rows = new HashMap<>();
        db.selectFrom(PARTNER).where(PARTNER.ORGANISATION_ID.in(organisations))
                .forEach(r -> rows.put(r.getOrganisationId(), toRow(r)));
        return rows;
    }

    public List<Candidate> candidates() {
        return db.select(DASHBOARD_ORGANISATION.ORGANISATION_ID, DASHBOARD_ORGANISATION.MUNICIPALITY_ID,
                        DASHBOARD_ORGANISATION.TRAINED_TOTAL, DSL.coalesce(DASHBOARD_STAFF.STAFF, 0))
                .from(DASHBOARD_ORGANISATION)
                .leftJoin(DASHBOARD_STAFF).on(DASHBOARD_STAFF.ORGANISATION_ID.eq(DASHBOARD_ORGANISATION.ORGANISATION_ID))
                .where(DASHBOARD_ORGANISATION.TRAINED_TOTAL.gt(0),
                        DSL.notExists(DSL.selectOne().from(PARTNER)
                                .where(PARTNER.ORGANISATION_ID.coerce(Long.class).eq(DASHBOARD_ORGANISATION.ORGANISATION_ID))))
                .fetch(r -> new Candidate(new OrganisationId(r.value1()), new MunicipalityId(r.value2()), r.value3(), r.value4()));
    }

    /** A new partner; nothing when another transaction recorded it first. */
    public void insert(OrganisationId organisationId, String publicId, LocalDate since, LocalDate validUntil) {
        db.insertInto(PARTNER)
                .set(PARTNER.ORGANISATION_ID, organisationId)
                .set(PARTNER.PUBLIC_ID, publicId)
                .set(PARTNER.SINCE, since)
                .set(PARTNER.VALID_UNTIL, validUntil)
                .onConflict(PARTNER.ORGANISATION_ID).doNothing().execute();
    }

    public void renew(OrganisationId organisationId, LocalDate on, LocalDate validUntil) {
        db.update(PARTNER).set(PARTNER.RENEWED_ON, on).set(PARTNER.VALID_UNTIL, validUntil)
                .where(PARTNER.ORGANISATION_ID.eq(organisationId)).execute();
    }

    /** For the demo story: a recognition that started and ends on given days. */
    void setPeriod(OrganisationId organisationId, LocalDate since, LocalDate validUntil) {
        db.update(PARTNER).set(PARTNER.SINCE, since).set(PARTNER.VALID_UNTIL, validUntil)
                .where(PARTNER.ORGANISATION_ID.eq(organisationId)).execute();
    }

    public PartnerSettings settings(MunicipalityId municipalityId) {
        return db.select(COALITION_SETTINGS.PARTNER_VALIDITY_MONTHS, COALITION_SETTINGS.PUBLIC_PARTNER_LIST).from(COALITION_SETTINGS)
                .where(COALITION_SETTINGS.MUNICIPALITY_ID.eq(municipalityId))
                .fetchOptional(r -> new PartnerSettings(r.value1(), r.value2()))
                .orElse(PartnerSettings.DEFAULT);
    }

    public Map<MunicipalityId, PartnerSettings> allSettings() {
        Map<MunicipalityId, PartnerSettings> all = new HashMap<>();
        db.selectFrom(COALITION_SETTINGS).forEach(r -> all.put(r.getMunicipalityId(),
                new PartnerSettings(r.getPartnerValidityMonths(), r.getPublicPartnerList())));
        return all;
    }

    public void saveSettings(MunicipalityId municipalityId, PartnerSettings settings) {
        db.insertInto(COALITION_SETTINGS)
                .set(COALITION_SETTINGS.MUNICIPALITY_ID, municipalityId)
                .set(COALITION_SETTINGS.PARTNER_SHARE_PERCENT, PartnerRule.DEFAULT.sharePercent())
                .set(COALITION_SETTINGS.PARTNER_MIN_TRAINED, PartnerRule.DEFAULT.minTrained())
                .set(COALITION_SETTINGS.PARTNER_VALIDITY_MONTHS, settings.validityMonths())
                .set(COALITION_SETTINGS.PUBLIC_PARTNER_LIST, settings.publicList())
                .onConflict(COALITION_SETTINGS.MUNICIPALITY_ID).doUpdate()
                .set(COALITION_SETTINGS.PARTNER_VALIDITY_MONTHS, settings.validityMonths())
                .set(COALITION_SETTINGS.PUBLIC_PARTNER_LIST, settings.publicList())
                .execute();
    }

    private static PartnerRow toRow(nl.omzien.dashboard.internal.db.tables.records.PartnerRecord r) {
        return new PartnerRow(r.getOrganisationId(), r.getPublicId(), r.getSince(), r.getValidUntil(), r.getRenewedOn());
    }
}
