package nl.omzien.dashboard;

import nl.omzien.base.Translations;
import nl.omzien.campaigns.CampaignFigures;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static nl.omzien.dashboard.DashboardService.columns;

/** Every dashboard table as rows of cells, with translated headers, for exports and the council report. */
class DashboardTables {

    private final DashboardService service;
    private final Translations translations;
    private final Locale locale;
    private final SmallNumbers small;

    DashboardTables(DashboardService service, Translations translations, Locale locale, SmallNumbers small) {
        this.service = service;
        this.translations = translations;
        this.locale = locale;
        this.small = small;
    }

    /** The value, or "<5" when publication hides it. */
    private Object masked(Object value, boolean hidden) {
        return hidden ? SmallNumbers.HIDDEN : value;
    }

    private String t(String key, Object... args) {
        return translations.getTranslation(key, locale, args);
    }

    List<DashboardTable> all(DashboardFilter filter) {
        List<DashboardTable> tables = new ArrayList<>();
        tables.add(figures(service.figures(filter)));
        tables.add(breakdown("sector", service.bySector(filter, locale)));
        tables.add(breakdown("path", service.byPath(filter, locale)));
        tables.add(breakdown("module", service.byModule(filter, locale)));
        tables.add(breakdown("village", service.byVillage(filter)));
        tables.add(overTime(service.overTime(filter, Granularity.MONTH)));
        tables.add(organisations(service.organisations(filter)));
        tables.add(targets(service.targets(filter)));
        tables.add(comments(service.comments(filter, CommentFilter.ALL)));
        tables.addAll(new EffectTables(translations, locale, small).all(service.effect(filter, locale)));
        campaign(filter).ifPresent(tables::add);
        return tables;
    }

    /** What the figures API serves: every table but the comments, whose free text may name someone. */
    List<DashboardTable> published(DashboardFilter filter) {
        return all(filter).stream().filter(t -> !t.name().equals("comments")).toList();
    }

    /** The campaign that began in the period against the same weeks a year before; people hide, sessions do not. */
    Optional<DashboardTable> campaign(DashboardFilter filter) {
        return service.campaign(filter).map(this::campaignTable);
    }

    private DashboardTable campaignTable(CampaignFigures f) {
        CampaignFigures.Period now = f.during();
        CampaignFigures.Period before = f.yearBefore();
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        return new DashboardTable("campaign", t("dashboard.table.campaign", f.campaignName(), date.format(f.from()),
                date.format(f.until())),
                List.of(t("dashboard.campaign.figure"), f.campaignName(), t("dashboard.campaign.year-before")),
                List.of(List.of(t("dashboard.campaign.sessions"), now.sessionsHeld(), before.sessionsHeld()),
                        List.of(t("dashboard.campaign.trained"), people(now.peopleTrained()), people(before.peopleTrained())),
                        List.of(t("dashboard.campaign.activities"), now.activities(), before.activities()),
                        List.of(t("dashboard.campaign.sign-ups"), people(now.agendaSignUps()), people(before.agendaSignUps()))),
                columns());
    }

    private Object people(long count) {
        return masked(count, small.hidden(count));
    }

    DashboardTable figures(DashboardFigures f) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(t("dashboard.figure.trained"), masked(f.trained(), small.hidden(f.trained()))));
        rows.add(List.of(t("dashboard.figure.started"), masked(f.started(), small.hidden(f.started()))));
        rows.add(List.of(t("dashboard.figure.sessions"), f.sessionsHeld()));
        rows.add(List.of(t("dashboard.figure.attendance"), masked(percent(f.attendanceRate()), small.attendanceHidden(f))));
        rows.add(List.of(t("dashboard.figure.organisations"), f.organisationsReached()));
        rows.add(List.of(t("dashboard.figure.evaluation"), masked(round(f.averageEvaluation()), small.evaluationHidden(f))));
        rows.add(List.of(t("dashboard.figure.confidence-before"), masked(round(f.confidenceBefore()), small.confidenceHidden(f))));
        rows.add(List.of(t("dashboard.figure.confidence-after"), masked(round(f.confidenceAfter()), small.confidenceHidden(f))));
        return new DashboardTable("figures", t("dashboard.table.figures"), List.of(t("dashboard.column.figure"), t("dashboard.column.value")),
                rows, columns());
    }

    DashboardTable breakdown(String name, List<Breakdown> rows) {
        Set<Integer> hidden = small.hiddenParts(rows.stream().map(Breakdown::count).toList());
        return new DashboardTable(name, t("dashboard.table." + name),
                List.of(t("dashboard.column." + name), t("dashboard.column.people")),
                IntStream.range(0, rows.size()).mapToObj(i -> List.<Object>of(rows.get(i).label(),
                        masked(rows.get(i).count(), hidden.contains(i)))).toList(), columns(1));
    }

    DashboardTable overTime(List<TimePoint> points) {
        Set<Integer> hidden = small.hiddenParts(points.stream().map(TimePoint::trained).toList());
        List<Boolean> cumulativeShown = small.cumulativeShown(points);
        return new DashboardTable("over-time", t("dashboard.table.over-time"),
                List.of(t("dashboard.column.month"), t("dashboard.column.people"), t("dashboard.column.cumulative")),
                IntStream.range(0, points.size()).mapToObj(i -> List.<Object>of(points.get(i).start(),
                        masked(points.get(i).trained(), hidden.contains(i)),
                        cumulativeShown.get(i) ? points.get(i).cumulative() : "")).toList(), columns(1, 2));
    }

    DashboardTable organisations(List<OrganisationFigures> organisations) {
        SmallNumbers.OrganisationMask mask = small.organisations(organisations);
        return new DashboardTable("organisations", t("dashboard.table.organisations"),
                List.of(t("dashboard.column.organisation"), t("dashboard.column.sector"), t("dashboard.column.village"),
                        t("dashboard.column.trained-period"), t("dashboard.column.trained-total"), t("dashboard.column.staff"),
                        t("dashboard.column.share"), t("dashboard.column.last"), t("dashboard.column.partner")),
                IntStream.range(0, organisations.size()).mapToObj(i -> {
                    OrganisationFigures o = organisations.get(i);
                    List<Object> row = new ArrayList<>();
                    row.add(o.name());
                    row.add(o.sector().label(locale, key -> t(key)));
                    row.add(o.village() == null ? "" : o.village());
                    row.add(masked(o.trainedInPeriod(), mask.inPeriod().contains(i)));
                    row.add(masked(o.trainedTotal(), mask.total().contains(i)));
                    row.add(masked(o.registeredStaff(), mask.staff().contains(i)));
                    row.add(masked(percent(o.shareTrained()), mask.share().contains(i)));
                    boolean small = mask.small().contains(i);
                    row.add(o.lastTrainedOn() == null || small ? "" : o.lastTrainedOn());
                    row.add(masked(o.partner() ? t("dashboard.yes") : t("dashboard.no"), small));
                    return row;
                }).toList(), columns(3, 4, 5));
    }

    DashboardTable targets(List<TargetProgress> targets) {
        return new DashboardTable("targets", t("dashboard.table.targets"),
                List.of(t("dashboard.column.year"), t("dashboard.column.target"), t("dashboard.column.goal"), t("dashboard.column.reached"),
                        t("dashboard.column.share")),
                targets.stream().map(p -> List.<Object>of((long) p.target().year(), targetLabel(p.target()), (long) p.target().target(),
                        masked(p.reached(), small.targetHidden(p)), masked(Math.round(p.share() * 1000) / 10.0, small.targetHidden(p))))
                        .toList(), columns());
    }

    String targetLabel(Target target) {
        return target.audience() == null ? t("dashboard.target.kind." + target.kind())
                : t("dashboard.target.kind.TRAINED-audience", t("audience." + target.audience()));
    }

    DashboardTable comments(List<EvaluationComment> comments) {
        return new DashboardTable("comments", t("dashboard.table.comments"),
                List.of(t("dashboard.column.session"), t("dashboard.column.date"), t("dashboard.column.score"),
                        t("dashboard.column.comment"), t("dashboard.column.do-differently")),
                comments.stream().map(c -> List.<Object>of(c.sessionTitle(), c.sessionOn(), (long) c.score(),
                        c.comment() == null ? "" : c.comment(), c.doDifferently())).toList(), columns());
    }

    static Object percent(java.util.OptionalDouble share) {
        return share.isPresent() ? (Object) (Math.round(share.getAsDouble() * 1000) / 10.0) : "";
    }

    static Object round(java.util.OptionalDouble value) {
        return value.isPresent() ? (Object) (Math.round(value.getAsDouble() * 10) / 10.0) : "";
    }

}
