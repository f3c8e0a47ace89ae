package nl.omzien.dashboard;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.Translations;
import nl.omzien.campaigns.CampaignFigures;
import nl.omzien.campaigns.CampaignService;
import nl.omzien.certificates.LearningPath;
import nl.omzien.certificates.LearningPaths;
import nl.omzien.dashboard.internal.CouncilReportPdf;
import nl.omzien.dashboard.internal.JooqDashboardQuery;
import nl.omzien.dashboard.internal.JooqEffectQuery;
import nl.omzien.dashboard.internal.JooqDashboardQuery.OrganisationRow;
import nl.omzien.dashboard.internal.Measures;
import nl.omzien.dashboard.internal.PartnerStickerPdf;
import nl.omzien.dashboard.internal.TableExports;
import nl.omzien.people.Audience;
import nl.omzien.people.Municipality;
import nl.omzien.people.Sector;
import nl.omzien.people.SectorService;
import nl.omzien.security.ApiCaller;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.content.TrainingModule;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The coalition dashboard for staff: a coalition lead sees their own municipality, an admin any
 * municipality or all together ({@code municipalityId} null). Every method checks role and
 * municipality here, whatever the view shows. Only aggregates and organisation-level counts leave
 * this service: no names, quiz answers or reflections.
 */
@Service
public class DashboardService {

    /** How many comments "Tell" shows at most. */
    public static final int COMMENT_LIMIT = 50;

    private final JooqDashboardQuery query;
    private final CurrentUser currentUser;
    private final LearningPaths paths;
    private final ModuleCatalog modules;
    private final Translations translations;
    private final SectorService sectors;
    private final PartnerService partners;
    private final Clock clock;
    private final JooqEffectQuery effects;
    private final CampaignService campaigns;

    DashboardService(JooqDashboardQuery query, CurrentUser currentUser, LearningPaths paths, ModuleCatalog modules,
                     Translations translations, SectorService sectors, PartnerService partners, Clock clock,
                     JooqEffectQuery effects, CampaignService campaigns) {
        this.campaigns = campaigns;
        this.sectors = sectors;
        this.partners = partners;
        this.effects = effects;
        this.query = query;
        this.currentUser = currentUser;
        this.paths = paths;
        this.modules = modules;
        this.translations = translations;
        this.clock = clock;
    }

    /** The filter a person sees first: their municipality (all for an admin), this calendar year. */
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public DashboardFilter defaultFilter() {
        SignedInUser user = currentUser.require();
        return DashboardFilter.year(user.isAdmin() ? null : user.municipalityId(), LocalDate.now(clock).getYear());
    }

    /** Municipalities the person may choose; an admin may also choose "all" (not in this list). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public List<Municipality> municipalities() {
        SignedInUser user = currentUser.require();
        if (user.isAdmin()) {
            return query.municipalities();
        }
        return user.municipalityId() == null ? List.of()
                : query.municipalityName(user.municipalityId()).map(n -> new Municipality(user.municipalityId(), n)).stream().toList();
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public DashboardFigures figures(DashboardFilter filter) {
        check(filter.municipalityId());
        Map<String, long[]> sums = query.sums(filter.municipalityId(), filter.firstDay(), filter.lastDay(), Measures.HEADLINE);
        Function<String, long[]> get = m -> sums.getOrDefault(m, new long[2]);
        return new DashboardFigures(get.apply(Measures.TRAINED)[0], get.apply(Measures.STARTED)[0], get.apply(Measures.HELD)[0],
                get.apply(Measures.SEATS)[0], get.apply(Measures.PRESENT)[0],
                query.organisationsReached(filter.municipalityId(), filter.lastDay()),
                get.apply(Measures.EVAL)[0], get.apply(Measures.EVAL)[1],
                get.apply(Measures.CONF_PRE)[0], get.apply(Measures.CONF_PRE)[1], get.apply(Measures.CONF_POST)[1]);
    }

    /** People trained in the period per sector of their organisation. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public List<Breakdown> bySector(DashboardFilter filter, Locale locale) {
        check(filter.municipalityId());
        Map<String, Long> counts = query.byDimension(filter.municipalityId(), Measures.TRAINED_SECTOR, filter.firstDay(), filter.lastDay());
        // Built-in sectors by translation, those a coalition added (issue 21) by their own names.
        Map<String, Sector> known = sectors.byCodes(counts.keySet());
        return counts.entrySet().stream().map(e -> new Breakdown(e.getKey(), sector(e.getKey(), known)
                .label(locale, key -> translations.getTranslation(key, locale)), e.getValue())).toList();
    }

    /** People trained in the period per village or district (kern) of their organisation's address. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public List<Breakdown> byVillage(DashboardFilter filter) {
        check(filter.municipalityId());
        return breakdown(filter, Measures.TRAINED_VILLAGE, Function.identity());
    }

    /**
     * People trained in the period by how: online only, in a group session only, or both (issue 20).
     * In that order; a way nobody was trained is left out, as in the other breakdowns.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public List<Breakdown> byHow(DashboardFilter filter, Locale locale) {
        check(filter.municipalityId());
        Map<String, Long> counts = query.byDimension(filter.municipalityId(), Measures.TRAINED_HOW, filter.firstDay(), filter.lastDay());
        return java.util.stream.Stream.of("ONLINE", "GROUP", "BOTH")
                .filter(counts::containsKey)
                .map(key -> new Breakdown(key, translations.getTranslation("dashboard.how." + key, locale), counts.get(key)))
                .toList();
    }

    /** People who completed each learning path in the period (a person counts once per path). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public List<Breakdown> byPath(DashboardFilter filter, Locale locale) {
        check(filter.municipalityId());
        Map<String, String> titles = paths.all().stream().collect(Collectors.toMap(LearningPath::id, p -> p.title().in(locale)));
        return breakdown(filter, Measures.PATH, key -> titles.getOrDefault(key, key));
    }

    /** People who passed each module in the period (a person counts once per module). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public List<Breakdown> byModule(DashboardFilter filter, Locale locale) {
        check(filter.municipalityId());
        Map<String, String> titles = modules.current().stream().collect(Collectors.toMap(TrainingModule::id, m -> m.title().in(locale)));
        return breakdown(filter, Measures.MODULE, key -> titles.getOrDefault(key, key));
    }

    private List<Breakdown> breakdown(DashboardFilter filter, String measure, Function<String, String> label) {
        return query.byDimension(filter.municipalityId(), measure, filter.firstDay(), filter.lastDay()).entrySet().stream()
                .map(e -> new Breakdown(e.getKey(), label.apply(e.getKey()), e.getValue())).toList();
    }

    /** People trained per month, quarter or year of the period (empty ones included) with the running total since the start. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public List<TimePoint> overTime(DashboardFilter filter, Granularity granularity) {
        check(filter.municipalityId());
        Map<LocalDate, Long> months = query.byMonth(filter.municipalityId(), Measures.TRAINED, filter.firstDay(), filter.lastDay());
        long cumulative = query.before(filter.municipalityId(), Measures.TRAINED, filter.firstDay());
        Map<LocalDate, Long> buckets = new LinkedHashMap<>();
        for (YearMonth month = filter.from(); !month.isAfter(filter.until()); month = month.plusMonths(1)) {
            buckets.merge(bucket(month, granularity), months.getOrDefault(month.atDay(1), 0L), Long::sum);
        }
        List<TimePoint> points = new ArrayList<>();
        for (var e : buckets.entrySet()) {
            cumulative += e.getValue();
            points.add(new TimePoint(e.getKey(), e.getValue(), cumulative));
        }
        return points;
    }

    private static LocalDate bucket(YearMonth month, Granularity granularity) {
        return switch (granularity) {
            case MONTH -> month.atDay(1);
            case QUARTER -> LocalDate.of(month.getYear(), (month.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> LocalDate.of(month.getYear(), 1, 1);
        };
    }

    /**
     * Organisations with trained count (in the period and ever), share of registered staff trained,
     * last training date and whether they are an Omzien-partner. For all municipalities: the
     * organisations with the most trained people.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public List<OrganisationFigures> organisations(DashboardFilter filter) {
        check(filter.municipalityId());
        Map<MunicipalityId, PartnerRule> rules = query.partnerRules();
        List<OrganisationRow> rows = query.organisations(filter.municipalityId(), filter.firstDay(), filter.lastDay());
        Map<String, Sector> known = sectors.byCodes(rows.stream().map(OrganisationRow::sector).collect(Collectors.toSet()));
        // Partner: meets the rule and the recognition has not expired (decision 027).
        Map<OrganisationId, PartnerState> states = partners.states(rows, rules);
        return rows.stream().map(o -> figures(o, sector(o.sector(), known), states.get(o.id()) == PartnerState.PARTNER)).toList();
    }

    private static OrganisationFigures figures(OrganisationRow o, Sector sector, boolean partner) {
        return new OrganisationFigures(o.id(), o.name(), sector, o.village(), o.trainedInPeriod(),
                o.trainedTotal(), o.staff(), o.lastTrainedOn(), partner);
    }

    /** A code no sector has (cannot happen while organisations keep theirs) still shows, as itself. */
    private static Sector sector(String code, Map<String, Sector> known) {
        Sector found = known.get(code);
        return found != null ? found : new Sector(code, Audience.PROFESSIONAL, code, null);
    }

    /** The targets of the years the period touches, with what has been reached in each year. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public List<TargetProgress> targets(DashboardFilter filter) {
        check(filter.municipalityId());
        List<Target> targets = query.targets(filter.municipalityId(), filter.from().getYear(), filter.until().getYear());
        if (filter.municipalityId() == null) {
            targets = summedOverMunicipalities(targets);
        }
        return targets.stream().map(t -> new TargetProgress(t, reached(filter.municipalityId(), t))).toList();
    }

    private static List<Target> summedOverMunicipalities(List<Target> targets) {
        record Key(int year, TargetKind kind, Audience audience) { }
        Map<Key, Integer> sums = new LinkedHashMap<>();
        targets.forEach(t -> sums.merge(new Key(t.year(), t.kind(), t.audience()), t.target(), Integer::sum));
        return sums.entrySet().stream().map(e -> new Target(null, null, e.getKey().year(), e.getKey().kind(), e.getKey().audience(), e.getValue())).toList();
    }

    private long reached(MunicipalityId municipalityId, Target target) {
        LocalDate from = LocalDate.of(target.year(), 1, 1);
        LocalDate until = LocalDate.of(target.year(), 12, 31);
        return switch (target.kind()) {
            case ORGANISATIONS -> query.organisationsReached(municipalityId, until);
            case SESSIONS -> query.sums(municipalityId, from, until, List.of(Measures.HELD)).getOrDefault(Measures.HELD, new long[2])[0];
            case TRAINED -> target.audience() == null
                    ? query.sums(municipalityId, from, until, List.of(Measures.TRAINED)).getOrDefault(Measures.TRAINED, new long[2])[0]
                    : trainedOfAudience(query.byDimension(municipalityId, Measures.TRAINED_SECTOR, from, until), target.audience());
        };
    }

    private long trainedOfAudience(Map<String, Long> bySector, Audience audience) {
        Map<String, Sector> known = sectors.byCodes(bySector.keySet());
        return bySector.entrySet().stream().filter(e -> known.containsKey(e.getKey()) && known.get(e.getKey()).audience() == audience)
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Sets (or replaces) a yearly target of the lead's own municipality. */
    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public void saveTarget(MunicipalityId municipalityId, Integer year, TargetKind kind, Audience audience, Integer target) {
        check(municipalityId);
        new InvalidInputException.Checks()
                .require("year", year)
                .fail("year", "dashboard.target.year-range", year != null && (year < 2020 || year > 2100))
                .require("kind", kind)
                .require("target", target)
                .fail("target", "dashboard.target.range", target != null && (target < 1 || target > 1_000_000))
                .throwIfAny();
        query.saveTarget(municipalityId, year, kind, kind == TargetKind.TRAINED ? audience : null, target);
    }

    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public void deleteTarget(long targetId) {
        Target target = query.target(targetId).orElseThrow(() -> new NoSuchElementException("No such target"));
        check(target.municipalityId());
        query.deleteTarget(targetId);
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public PartnerRule partnerRule(MunicipalityId municipalityId) {
        check(municipalityId);
        return query.partnerRule(municipalityId);
    }

    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public void savePartnerRule(MunicipalityId municipalityId, Integer sharePercent, Integer minTrained) {
        check(municipalityId);
        new InvalidInputException.Checks()
                .require("share", sharePercent)
                .fail("share", "dashboard.partner.share-range", sharePercent != null && (sharePercent < 1 || sharePercent > 100))
                .require("minimum", minTrained)
                .fail("minimum", "dashboard.partner.minimum-range", minTrained != null && (minTrained < 1 || minTrained > 1000))
                .throwIfAny();
        query.savePartnerRule(municipalityId, new PartnerRule(sharePercent, minTrained));
        // A lower bar can make organisations partners from today.
        partners.recordNewPartners();
    }

    /** "Tell": the evaluation texts of the period's sessions, newest session first, without names. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public List<EvaluationComment> comments(DashboardFilter filter, CommentFilter commentFilter) {
        check(filter.municipalityId());
        return query.comments(filter.municipalityId(), filter.firstDay(), filter.lastDay(), commentFilter, COMMENT_LIMIT);
    }

    /**
     * What training changed (issue 21): follow-up answers, confidence per module and audience, the trend per
     * quarter, the referral tally and the stories a lead released (only from organisations of five or more).
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public Effect effect(DashboardFilter filter, Locale locale) {
        check(filter.municipalityId());
        Map<String, String> titles = modules.current().stream().collect(Collectors.toMap(TrainingModule::id, m -> m.title().in(locale)));
        return effects.effect(filter.municipalityId(), filter.firstDay(), filter.lastDay(), id -> titles.getOrDefault(id, id));
    }

    /** The effect section's tables, small numbers hidden in a publication as in the exports. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public List<DashboardTable> effectTables(DashboardFilter filter, Locale locale, boolean publication) {
        return new EffectTables(translations, locale, SmallNumbers.forPublication(publication)).all(effect(filter, locale));
    }

    /**
     * The window sticker PDF of an organisation that is an Omzien-partner now, with a QR code to its public
     * partner page and the last valid day; refused for any other.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public byte[] partnerSticker(OrganisationId organisationId, Locale locale) {
        OrganisationRow row = query.organisation(organisationId).orElseThrow(() -> new NoSuchElementException("No such organisation"));
        check(row.municipalityId());
        PartnerStatus status = partners.status(organisationId);
        if (status.state() != PartnerState.PARTNER) {
            throw new InvalidInputException(Map.of("organisation", "dashboard.sticker.not-partner"));
        }
        return PartnerStickerPdf.render(new PartnerStickerPdf.Content(row.name(), status.municipality(), status.validUntil(),
                        partners.pageUrl(status.publicId())),
                (key, args) -> translations.getTranslation(key, locale, args), locale);
    }

    /** The municipality's campaign that began in the period (issue 21's figures); none for all municipalities. */
    Optional<CampaignFigures> campaign(DashboardFilter filter) {
        return filter.municipalityId() == null ? Optional.empty()
                : campaigns.figures(filter.municipalityId(), filter.firstDay(), filter.lastDay());
    }

    /** Every dashboard table, translated, for CSV and XLSX exports and the council report. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public List<DashboardTable> tables(DashboardFilter filter, Locale locale, boolean publication) {
        check(filter.municipalityId());
        return new DashboardTables(this, translations, locale, SmallNumbers.forPublication(publication)).all(filter);
    }

    /** One table as CSV (UTF-8 with BOM, semicolons, so Excel in Dutch opens it right). */
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public byte[] csv(DashboardFilter filter, String tableName, Locale locale, boolean publication) {
        return TableExports.csv(table(filter, tableName, locale, publication), locale);
    }

    /** Every table, one sheet each. */
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public byte[] xlsx(DashboardFilter filter, Locale locale, boolean publication) {
        return TableExports.xlsx(tables(filter, locale, publication));
    }

    private DashboardTable table(DashboardFilter filter, String tableName, Locale locale, boolean publication) {
        return tables(filter, locale, publication).stream().filter(t -> t.name().equals(tableName)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No table " + tableName));
    }

    /** The report for the council: period, headline figures, charts, targets and a page of comments. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public byte[] councilReport(DashboardFilter filter, Locale locale, boolean publication) {
        check(filter.municipalityId());
        String place = filter.municipalityId() == null ? translations.getTranslation("dashboard.all-municipalities", locale)
                : query.municipalityName(filter.municipalityId()).orElse("");
        return CouncilReportPdf.render(new CouncilReportPdf.Content(place, filter, figures(filter),
                        overTime(filter, filter.from().getYear() == filter.until().getYear() ? Granularity.MONTH : Granularity.QUARTER),
                        bySector(filter, locale), targets(filter), comments(filter, CommentFilter.ALL), publication, LocalDate.now(clock),
                        effectTables(filter, locale, publication),
                        new DashboardTables(this, translations, locale, SmallNumbers.forPublication(publication)).campaign(filter)
                                .orElse(null)),
                (key, args) -> translations.getTranslation(key, locale, args), locale);
    }

    /**
     * The figures API (decision 031): every table of the dashboard except the comments, always as for publication,
     * so no group under five leaves the app. For an API key, only its own municipality; staff as everywhere.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE, ApiCaller.ROLE})
    public List<DashboardTable> published(DashboardFilter filter, Locale locale) {
        check(filter.municipalityId());
        return new DashboardTables(this, translations, locale, SmallNumbers.forPublication(true)).published(filter);
    }

    /** Lead: own municipality only; "all" (null) and other municipalities: admin only; an API key: its municipality. */
    private void check(MunicipalityId municipalityId) {
        var apiCaller = ApiCaller.current();
        if (apiCaller.isPresent()) {
            if (municipalityId == null || !municipalityId.equals(apiCaller.get().municipalityId())) {
                throw new AccessDeniedException("API key of another municipality");
            }
            return;
        }
        SignedInUser user = currentUser.require();
        if (user.isAdmin()) {
            return;
        }
        if (!user.has(Role.COALITION_LEAD) || municipalityId == null || !municipalityId.equals(user.municipalityId())) {
            throw new AccessDeniedException("Dashboard outside the lead's municipality");
        }
    }

    static Set<Integer> columns(int... indexes) {
        return Arrays.stream(indexes).boxed().collect(Collectors.toSet());
    }
}
