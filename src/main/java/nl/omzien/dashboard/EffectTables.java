package nl.omzien.dashboard;

import nl.omzien.base.Translations;
import nl.omzien.training.HelpKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.IntStream;

import static nl.omzien.dashboard.DashboardService.columns;

/**
 * The effect section as tables, with what a publication hides already replaced by "&lt;5": one place for the
 * screen, CSV, XLSX and the council report, so all four hide the same cells (decision 025).
 */
final class EffectTables {

    private final Translations translations;
    private final Locale locale;
    private final SmallNumbers small;

    EffectTables(Translations translations, Locale locale, SmallNumbers small) {
        this.translations = translations;
        this.locale = locale;
        this.small = small;
    }

    private String t(String key, Object... args) {
        return translations.getTranslation(key, locale, args);
    }

    private static Object masked(Object value, boolean hidden) {
        return hidden ? SmallNumbers.HIDDEN : value;
    }

    List<DashboardTable> all(Effect effect) {
        return List.of(answers(effect), confidence(effect.confidence()), trend(effect.trend()), referrals(effect.referrals()),
                stories(effect.stories()));
    }

    DashboardTable answers(Effect e) {
        List<List<Object>> rows = List.of(
                List.of(t("dashboard.effect.answers"), masked(e.answers(), small.hidden(e.answers()))),
                List.of(t("dashboard.effect.yes-share"), masked(percent(e.yesShare()),
                        small.hidden(e.answers()) || small.shareHidden(e.yes(), e.answers()))));
        return new DashboardTable("effect", t("dashboard.table.effect"),
                List.of(t("dashboard.column.figure"), t("dashboard.column.value")), rows, columns());
    }

    DashboardTable confidence(List<Effect.Confidence> rows) {
        Set<Integer> hidden = small.hiddenParts(rows.stream().map(Effect.Confidence::attempts).toList());
        return new DashboardTable("effect-confidence", t("dashboard.table.effect-confidence"),
                List.of(t("dashboard.column.module"), t("dashboard.column.audience"), t("dashboard.column.attempts"),
                        t("dashboard.column.before"), t("dashboard.column.after")),
                IntStream.range(0, rows.size()).mapToObj(i -> {
                    Effect.Confidence c = rows.get(i);
                    boolean h = hidden.contains(i) || small.averageHidden(c.attempts());
                    return List.<Object>of(c.moduleTitle(), t("audience." + c.audience()), masked(c.attempts(), h),
                            masked(round(c.before()), h), masked(round(c.after()), h));
                }).toList(), columns(2));
    }

    DashboardTable trend(List<Effect.Point> points) {
        Set<Integer> hidden = small.hiddenParts(points.stream().map(Effect.Point::answers).toList());
        return new DashboardTable("effect-trend", t("dashboard.table.effect-trend"),
                List.of(t("dashboard.column.quarter"), t("dashboard.column.answers"), t("dashboard.effect.yes-share"),
                        t("dashboard.column.confidence-change")),
                IntStream.range(0, points.size()).mapToObj(i -> {
                    Effect.Point p = points.get(i);
                    boolean h = hidden.contains(i);
                    return List.<Object>of(p.start(), masked(p.answers(), h),
                            masked(percent(p.yesShare()), h || small.shareHidden(p.yes(), p.answers())),
                            masked(round(p.confidenceChange()), small.averageHidden(p.attempts())));
                }).toList(), columns(1));
    }

    /**
     * Per month and kind of help, with a total per kind for the period. Within a kind, the months and the
     * total are parts of a whole: a single hidden month takes another with it ({@link SmallNumbers#hiddenParts}).
     */
    DashboardTable referrals(List<Effect.Referrals> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (HelpKind kind : HelpKind.values()) {
            List<Effect.Referrals> ofKind = rows.stream().filter(r -> r.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            Set<Integer> noticed = small.hiddenParts(ofKind.stream().map(Effect.Referrals::noticed).toList());
            Set<Integer> referred = small.hiddenParts(ofKind.stream().map(Effect.Referrals::referred).toList());
            for (int i = 0; i < ofKind.size(); i++) {
                Effect.Referrals r = ofKind.get(i);
                out.add(List.of(r.month(), t("help-kind." + kind), masked(r.noticed(), noticed.contains(i)),
                        masked(r.referred(), referred.contains(i))));
            }
            long noticedTotal = ofKind.stream().mapToLong(Effect.Referrals::noticed).sum();
            long referredTotal = ofKind.stream().mapToLong(Effect.Referrals::referred).sum();
            out.add(List.of(t("dashboard.effect.period-total"), t("help-kind." + kind),
                    masked(noticedTotal, small.hidden(noticedTotal)), masked(referredTotal, small.hidden(referredTotal))));
        }
        return new DashboardTable("referrals", t("dashboard.table.referrals"),
                List.of(t("dashboard.column.month"), t("dashboard.column.help-kind"), t("dashboard.column.noticed"),
                        t("dashboard.column.referred")), out, columns(2, 3));
    }

    DashboardTable stories(List<Effect.Story> stories) {
        return new DashboardTable("stories", t("dashboard.table.stories"),
                List.of(t("dashboard.column.date"), t("dashboard.column.module"), t("dashboard.column.story")),
                stories.stream().map(s -> List.<Object>of(s.answeredOn(), s.moduleTitle(), s.text())).toList(), columns());
    }

    private static Object percent(OptionalDouble share) {
        return DashboardTables.percent(share);
    }

    private static Object round(OptionalDouble value) {
        return DashboardTables.round(value);
    }
}
