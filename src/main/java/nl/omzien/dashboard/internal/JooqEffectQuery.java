package nl.omzien.dashboard.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.dashboard.Effect;
import nl.omzien.people.Audience;
import nl.omzien.training.HelpKind;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The effect figures, read when asked from the training feature's published views (v_follow_up_answer,
 * v_attempt_confidence, v_referral_tap, v_released_story) and the dashboard's own copy of where people are.
 * Not part of the read model: a municipality has hundreds of answers and taps a year, not millions
 * (decision 025). All dates are Amsterdam dates.
 */
@Repository
public class JooqEffectQuery {

    /** At most this many released stories on the dashboard and in the report. */
    public static final int STORY_LIMIT = 20;

    /** Where a person is, from the dashboard's own tables; {0} is the view's person column. */
    private static final String PLACE = """
             join dashboard.dashboard_known_person kp on kp.person_id = {0}
             left join dashboard.dashboard_known_organisation ko on ko.organisation_id = kp.organisation_id
            where (cast(? as bigint) is null or coalesce(ko.municipality_id, kp.municipality_id) = ?)
            """;

    private final DSLContext db;

    JooqEffectQuery(DSLContext db) {
        this.db = db;
    }

    private static String place(String personColumn) {
        return PLACE.replace("{0}", personColumn);
    }

    private static String day(String column) {
        return "cast(" + column + " at time zone 'Europe/Amsterdam' as date)";
    }

    /** Follow-up answers, confidence, the trend per quarter, referrals per month and the stories that may be shown. */
    public Effect effect(MunicipalityId municipalityId, LocalDate from, LocalDate until, Function<String, String> moduleTitle) {
        // Typed, so a null (all municipalities) binds as a bigint null.
        Param<Long> m = DSL.val(municipalityId == null ? null : municipalityId.value(), SQLDataType.BIGINT);
        Record answers = db.fetchOne("select count(*), count(*) filter (where a.noticed) from training.v_follow_up_answer a"
                + place("a.user_id") + " and " + day("a.answered_at") + " between ? and ?", m, m, from, until);

        List<Effect.Confidence> confidence = db.fetch("select c.module_id, c.audience, count(*), sum(c.confidence_before),"
                        + " sum(c.confidence_after) from training.v_attempt_confidence c" + place("c.user_id")
                        + " and " + day("c.completed_at") + " between ? and ? group by 1, 2 order by 1, 2", m, m, from, until)
                .map(r -> new Effect.Confidence(r.get(0, String.class), moduleTitle.apply(r.get(0, String.class)),
                        Audience.valueOf(r.get(1, String.class)), number(r, 2), number(r, 3), number(r, 4)));

        Map<LocalDate, long[]> quarters = new LinkedHashMap<>();
        for (LocalDate q = quarter(from); !q.isAfter(until); q = q.plusMonths(3)) {
            quarters.put(q, new long[5]);
        }
        db.fetch("select cast(date_trunc('quarter', " + day("a.answered_at") + ") as date), count(*), count(*) filter (where a.noticed)"
                        + " from training.v_follow_up_answer a" + place("a.user_id") + " and " + day("a.answered_at")
                        + " between ? and ? group by 1", m, m, from, until)
                .forEach(r -> {
                    long[] p = quarters.get(r.get(0, LocalDate.class));
                    p[0] = number(r, 1);
                    p[1] = number(r, 2);
                });
        db.fetch("select cast(date_trunc('quarter', " + day("c.completed_at") + ") as date), count(*), sum(c.confidence_before),"
                        + " sum(c.confidence_after) from training.v_attempt_confidence c" + place("c.user_id") + " and "
                        + day("c.completed_at") + " between ? and ? group by 1", m, m, from, until)
                .forEach(r -> {
                    long[] p = quarters.get(r.get(0, LocalDate.class));
                    p[2] = number(r, 1);
                    p[3] = number(r, 2);
                    p[4] = number(r, 3);
                });
        List<Effect.Point> trend = quarters.entrySet().stream().map(e -> new Effect.Point(e.getKey(), e.getValue()[0],
                e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4])).toList();

        List<Effect.Referrals> referrals = db.fetch("select cast(date_trunc('month', " + day("t.tapped_at") + ") as date), t.help_kind,"
                        + " count(*) filter (where t.action = 'NOTICED'), count(*) filter (where t.action = 'REFERRED')"
                        + " from training.v_referral_tap t" + place("t.user_id") + " and " + day("t.tapped_at")
                        + " between ? and ? group by 1, 2 order by 1, 2", m, m, from, until)
                .map(r -> new Effect.Referrals(r.get(0, LocalDate.class), HelpKind.valueOf(r.get(1, String.class)),
                        number(r, 2), number(r, 3)));

        // Released stories only, and only from an organisation of five people or more (dashboard_staff, the
        // same count the organisation figures use); someone without an organisation is never shown either.
        List<Effect.Story> stories = db.fetch("select s.shown_text, s.module_id, " + day("s.answered_at")
                        + " from training.v_released_story s" + place("s.user_id")
                        + " and exists (select 1 from dashboard.dashboard_staff st where st.organisation_id = kp.organisation_id"
                        + " and st.staff >= ?) and " + day("s.answered_at") + " between ? and ?"
                        + " order by s.answered_at desc, s.attempt_id desc limit ?",
                        m, m, nl.omzien.dashboard.SmallNumbers.THRESHOLD, from, until, STORY_LIMIT)
                .map(r -> new Effect.Story(r.get(0, String.class), moduleTitle.apply(r.get(1, String.class)),
                        r.get(2, LocalDate.class)));

        return new Effect(number(answers, 0), number(answers, 1), confidence, trend, referrals, stories);
    }

    private static LocalDate quarter(LocalDate day) {
        return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    private static long number(Record r, int index) {
        Long value = r.get(index, Long.class);
        return value == null ? 0 : value;
    }
}
