package nl.omzien.dashboard.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;

import nl.omzien.dashboard.CommentFilter;
import nl.omzien.dashboard.EvaluationComment;
import nl.omzien.dashboard.PartnerRule;
import nl.omzien.dashboard.Target;
import nl.omzien.dashboard.TargetKind;
import nl.omzien.people.Audience;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static nl.omzien.dashboard.internal.db.Tables.COALITION_SETTINGS;
import static nl.omzien.dashboard.internal.db.Tables.COALITION_TARGET;
import static nl.omzien.dashboard.internal.db.Tables.DASHBOARD_COMMENT;
import static nl.omzien.dashboard.internal.db.Tables.DASHBOARD_MONTH;
import static nl.omzien.dashboard.internal.db.Tables.DASHBOARD_ORGANISATION;
import static nl.omzien.dashboard.internal.db.Tables.DASHBOARD_STAFF;
import static nl.omzien.people.published.Tables.V_MUNICIPALITY;
import static nl.omzien.people.published.Tables.V_ORGANISATION;

/**
 * Reads the dashboard's pre-aggregated rows. Every query touches a few hundred rows at most (the
 * sums per month for one municipality, or the national ones), whatever the size of the source tables.
 * A null municipality means all municipalities: the national rows (municipality_id 0).
 */
@Repository
public class JooqDashboardQuery {

    /** For "all municipalities" the organisations table lists the organisations with the most trained people. */
    public static final int ALL_ORGANISATIONS_LIMIT = 100;

    // Names, sectors and villages through the views the people feature publishes, not its tables.

    private final DSLContext db;

    JooqDashboardQuery(DSLContext db) {
        this.db = db;
    }

    /** The read model's key for a municipality: it stores 0 for "the whole country" (null here). */
    private static long key(MunicipalityId municipalityId) {
        return municipalityId == null ? 0L : municipalityId.value();
    }

    /** A typed id column as the read model's plain number column, for joins (no cast in the SQL). */
    private static Field<Long> number(Field<?> typedId) {
        return typedId.coerce(Long.class);
    }

    private static Condition inPeriod(LocalDate from, LocalDate until) {
        return DSL.and(DASHBOARD_MONTH.MONTH.ge(from.withDayOfMonth(1)), DASHBOARD_MONTH.MONTH.le(until));
    }

    /** value and total per measure, summed over the period, for the whole municipality (or country). */
    public Map<String, long[]> sums(MunicipalityId municipalityId, LocalDate from, LocalDate until, Collection<String> measures) {
        Map<String, long[]> result = new LinkedHashMap<>();
        db.select(DASHBOARD_MONTH.MEASURE, DSL.sum(DASHBOARD_MONTH.VALUE), DSL.sum(DASHBOARD_MONTH.TOTAL))
                .from(DASHBOARD_MONTH)
                .where(DASHBOARD_MONTH.MUNICIPALITY_ID.eq(key(municipalityId)), DASHBOARD_MONTH.ORGANISATION_ID.eq(0L),
                        DASHBOARD_MONTH.MEASURE.in(measures), inPeriod(from, until))
                .groupBy(DASHBOARD_MONTH.MEASURE)
                .forEach(r -> result.put(r.value1(), new long[]{longOf(r.value2()), longOf(r.value3())}));
        return result;
    }

    /** Sum per dimension (sector, path, module, village) of one measure over the period, largest first. */
    public Map<String, Long> byDimension(MunicipalityId municipalityId, String measure, LocalDate from, LocalDate until) {
        Map<String, Long> result = new LinkedHashMap<>();
        Field<BigDecimal> sum = DSL.sum(DASHBOARD_MONTH.VALUE);
        db.select(DASHBOARD_MONTH.DIM, sum).from(DASHBOARD_MONTH)
                .where(DASHBOARD_MONTH.MUNICIPALITY_ID.eq(key(municipalityId)), DASHBOARD_MONTH.ORGANISATION_ID.eq(0L),
                        DASHBOARD_MONTH.MEASURE.eq(measure), inPeriod(from, until))
                .groupBy(DASHBOARD_MONTH.DIM)
                .having(sum.ne(BigDecimal.ZERO))
                .orderBy(sum.desc(), DASHBOARD_MONTH.DIM)
                .forEach(r -> result.put(r.value1(), longOf(r.value2())));
        return result;
    }

    /** Sum per month of one measure over the period (months without anything are absent). */
    public Map<LocalDate, Long> byMonth(MunicipalityId municipalityId, String measure, LocalDate from, LocalDate until) {
        Map<LocalDate, Long> result = new LinkedHashMap<>();
        db.select(DASHBOARD_MONTH.MONTH, DSL.sum(DASHBOARD_MONTH.VALUE)).from(DASHBOARD_MONTH)
                .where(DASHBOARD_MONTH.MUNICIPALITY_ID.eq(key(municipalityId)), DASHBOARD_MONTH.ORGANISATION_ID.eq(0L),
                        DASHBOARD_MONTH.MEASURE.eq(measure), inPeriod(from, until))
                .groupBy(DASHBOARD_MONTH.MONTH).orderBy(DASHBOARD_MONTH.MONTH)
                .forEach(r -> result.put(r.value1(), longOf(r.value2())));
        return result;
    }

    /** Sum of one measure over every month before {@code from}: where a cumulative line starts. */
    public long before(MunicipalityId municipalityId, String measure, LocalDate from) {
        return longOf(db.select(DSL.sum(DASHBOARD_MONTH.VALUE)).from(DASHBOARD_MONTH)
                .where(DASHBOARD_MONTH.MUNICIPALITY_ID.eq(key(municipalityId)), DASHBOARD_MONTH.ORGANISATION_ID.eq(0L),
                        DASHBOARD_MONTH.MEASURE.eq(measure), DASHBOARD_MONTH.MONTH.lt(from.withDayOfMonth(1)))
                .fetchOne(0, BigDecimal.class));
    }

    /** Organisations whose first trained person is dated on or before {@code until}. */
    public long organisationsReached(MunicipalityId municipalityId, LocalDate until) {
        Condition where = DASHBOARD_ORGANISATION.FIRST_TRAINED_ON.le(until);
        if (municipalityId != null) {
            where = where.and(DASHBOARD_ORGANISATION.MUNICIPALITY_ID.eq(municipalityId.value()));
        }
        return db.fetchCount(DASHBOARD_ORGANISATION, where);
    }

    /** One organisation's row before the partner rule is applied. */
    public record OrganisationRow(OrganisationId id, MunicipalityId municipalityId, String name, String sector, String village,
                                  long trainedInPeriod, long trainedTotal, long staff, LocalDate lastTrainedOn) {
    }

    /**
     * A municipality's organisations (all of them, most trained first); for all municipalities the
     * {@link #ALL_ORGANISATIONS_LIMIT} with the most trained people.
     */
    public List<OrganisationRow> organisations(MunicipalityId municipalityId, LocalDate from, LocalDate until) {
        Field<Long> staff = DSL.coalesce(DASHBOARD_STAFF.STAFF, 0).cast(Long.class);
        Field<BigDecimal> inPeriod = DSL.field(DSL.select(DSL.sum(DASHBOARD_MONTH.VALUE)).from(DASHBOARD_MONTH)
                .where(DASHBOARD_MONTH.MUNICIPALITY_ID.eq(number(V_ORGANISATION.MUNICIPALITY_ID)), DASHBOARD_MONTH.ORGANISATION_ID.eq(number(V_ORGANISATION.ID)),
                        DASHBOARD_MONTH.MEASURE.eq(Measures.TRAINED), inPeriod(from, until)));
        Field<Integer> total = DSL.coalesce(DASHBOARD_ORGANISATION.TRAINED_TOTAL, 0);
        var select = db.select(V_ORGANISATION.ID, V_ORGANISATION.MUNICIPALITY_ID, V_ORGANISATION.NAME, V_ORGANISATION.SECTOR, V_ORGANISATION.VILLAGE,
                inPeriod, total, staff, DASHBOARD_ORGANISATION.LAST_TRAINED_ON);
        var rows = municipalityId == null
                ? select.from(DASHBOARD_ORGANISATION).join(V_ORGANISATION).on(DASHBOARD_ORGANISATION.ORGANISATION_ID.eq(number(V_ORGANISATION.ID)))
                        .leftJoin(DASHBOARD_STAFF).on(DASHBOARD_STAFF.ORGANISATION_ID.eq(number(V_ORGANISATION.ID)))
                        .where(DASHBOARD_ORGANISATION.TRAINED_TOTAL.gt(0))
                        .orderBy(DASHBOARD_ORGANISATION.TRAINED_TOTAL.desc(), DASHBOARD_ORGANISATION.ORGANISATION_ID)
                        .limit(ALL_ORGANISATIONS_LIMIT).fetch()
                : select.from(V_ORGANISATION).leftJoin(DASHBOARD_ORGANISATION).on(DASHBOARD_ORGANISATION.ORGANISATION_ID.eq(number(V_ORGANISATION.ID)))
                        .leftJoin(DASHBOARD_STAFF).on(DASHBOARD_STAFF.ORGANISATION_ID.eq(number(V_ORGANISATION.ID)))
                        .where(V_ORGANISATION.MUNICIPALITY_ID.eq(municipalityId))
                        .orderBy(total.desc(), V_ORGANISATION.NAME).fetch();
        return rows.map(r -> new OrganisationRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), longOf(r.value6()),
                r.value7(), r.value8(), r.value9()));
    }

    public Optional<OrganisationRow> organisation(OrganisationId organisationId) {
        var row = db.select(V_ORGANISATION.MUNICIPALITY_ID).from(V_ORGANISATION).where(V_ORGANISATION.ID.eq(organisationId)).fetchOptional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        return organisations(row.get().value1(), LocalDate.of(2000, 1, 1), LocalDate.of(2000, 1, 1)).stream()
                .filter(o -> o.id().equals(organisationId)).findFirst();
    }

    public List<nl.omzien.people.Municipality> municipalities() {
        return db.select(V_MUNICIPALITY.ID, V_MUNICIPALITY.NAME).from(V_MUNICIPALITY).orderBy(V_MUNICIPALITY.NAME)
                .fetch(r -> new nl.omzien.people.Municipality(r.value1(), r.value2()));
    }

    public Optional<String> municipalityName(MunicipalityId municipalityId) {
        return db.select(V_MUNICIPALITY.NAME).from(V_MUNICIPALITY).where(V_MUNICIPALITY.ID.eq(municipalityId)).fetchOptional(V_MUNICIPALITY.NAME);
    }

    public List<EvaluationComment> comments(MunicipalityId municipalityId, LocalDate from, LocalDate until, CommentFilter filter, int limit) {
        Condition where = DASHBOARD_COMMENT.SESSION_ON.between(from, until)
                .and(DASHBOARD_COMMENT.SCORE.between((short) filter.minScore(), (short) filter.maxScore()));
        if (municipalityId != null) {
            where = where.and(DASHBOARD_COMMENT.MUNICIPALITY_ID.eq(municipalityId.value()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = "%" + filter.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where = where.and(DASHBOARD_COMMENT.SEARCH_TEXT.likeIgnoreCase(like, '\\'));
        }
        return db.selectFrom(DASHBOARD_COMMENT).where(where)
                .orderBy(DASHBOARD_COMMENT.SESSION_ON.desc(), DASHBOARD_COMMENT.ANSWERED_AT.desc(), DASHBOARD_COMMENT.REGISTRATION_ID.desc())
                .limit(limit)
                .fetch(r -> new EvaluationComment(r.getSessionId(), r.getSessionTitle(), r.getSessionOn(), r.getScore(),
                        r.getDoDifferently(), r.getComment(), r.getAnsweredAt()));
    }

    // Targets and the partner rule: the coalition's own settings.

    public List<Target> targets(MunicipalityId municipalityId, int fromYear, int untilYear) {
        Condition where = COALITION_TARGET.YEAR.between(fromYear, untilYear);
        if (municipalityId != null) {
            where = where.and(COALITION_TARGET.MUNICIPALITY_ID.eq(municipalityId));
        }
        return db.selectFrom(COALITION_TARGET).where(where)
                .orderBy(COALITION_TARGET.YEAR, COALITION_TARGET.KIND, COALITION_TARGET.AUDIENCE.nullsFirst(), COALITION_TARGET.MUNICIPALITY_ID)
                .fetch(r -> new Target(r.getId(), r.getMunicipalityId(), r.getYear(), r.getKind(),
                        r.getAudience() == null ? null : Audience.valueOf(r.getAudience()), r.getTarget()));
    }

    /** Inserts or, for the same municipality, year, kind and audience, replaces a target. */
    public void saveTarget(MunicipalityId municipalityId, int year, TargetKind kind, Audience audience, int target) {
        Condition same = COALITION_TARGET.MUNICIPALITY_ID.eq(municipalityId).and(COALITION_TARGET.YEAR.eq(year))
                .and(COALITION_TARGET.KIND.eq(kind))
                .and(audience == null ? COALITION_TARGET.AUDIENCE.isNull() : COALITION_TARGET.AUDIENCE.eq(audience.name()));
        if (db.update(COALITION_TARGET).set(COALITION_TARGET.TARGET, target).where(same).execute() == 0) {
            db.insertInto(COALITION_TARGET)
                    .set(COALITION_TARGET.MUNICIPALITY_ID, municipalityId)
                    .set(COALITION_TARGET.YEAR, year)
                    .set(COALITION_TARGET.KIND, kind)
                    .set(COALITION_TARGET.AUDIENCE, audience == null ? null : audience.name())
                    .set(COALITION_TARGET.TARGET, target)
                    .onConflictDoNothing().execute();
        }
    }

    public Optional<Target> target(long id) {
        return db.selectFrom(COALITION_TARGET).where(COALITION_TARGET.ID.eq(id))
                .fetchOptional(r -> new Target(r.getId(), r.getMunicipalityId(), r.getYear(), r.getKind(),
                        r.getAudience() == null ? null : Audience.valueOf(r.getAudience()), r.getTarget()));
    }

    public void deleteTarget(long id) {
        db.deleteFrom(COALITION_TARGET).where(COALITION_TARGET.ID.eq(id)).execute();
    }

    public PartnerRule partnerRule(MunicipalityId municipalityId) {
        return db.selectFrom(COALITION_SETTINGS).where(COALITION_SETTINGS.MUNICIPALITY_ID.eq(municipalityId))
                .fetchOptional(r -> new PartnerRule(r.getPartnerSharePercent(), r.getPartnerMinTrained()))
                .orElse(PartnerRule.DEFAULT);
    }

    public Map<MunicipalityId, PartnerRule> partnerRules() {
        Map<MunicipalityId, PartnerRule> rules = new java.util.HashMap<>();
        db.selectFrom(COALITION_SETTINGS).forEach(r -> rules.put(r.getMunicipalityId(),
                new PartnerRule(r.getPartnerSharePercent(), r.getPartnerMinTrained())));
        return rules;
    }

    public void savePartnerRule(MunicipalityId municipalityId, PartnerRule rule) {
        db.insertInto(COALITION_SETTINGS)
                .set(COALITION_SETTINGS.MUNICIPALITY_ID, municipalityId)
                .set(COALITION_SETTINGS.PARTNER_SHARE_PERCENT, rule.sharePercent())
                .set(COALITION_SETTINGS.PARTNER_MIN_TRAINED, rule.minTrained())
                .onConflict(COALITION_SETTINGS.MUNICIPALITY_ID).doUpdate()
                .set(COALITION_SETTINGS.PARTNER_SHARE_PERCENT, rule.sharePercent())
                .set(COALITION_SETTINGS.PARTNER_MIN_TRAINED, rule.minTrained())
                .execute();
    }

    private static long longOf(Number n) {
        return n == null ? 0L : n.longValue();
    }
}
