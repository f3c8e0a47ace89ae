package nl.omzien.dashboard.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Not a CI test: fills a separate embedded PostgreSQL with a national-scale dataset, set-based
 * (generate_series, one INSERT ... SELECT per table, no row-by-row work), then builds the dashboard's
 * read model with the same {@code dashboard_rebuild()} the app uses. See bench/README.md.
 *
 * <pre>bench/dashboard.sh generate 1.0</pre>
 * Argument: scale (1.0 = 342 municipalities, 20,000 organisations, 1,000,000 participants, 3,000,000
 * path completions (certificates), 10,000,000 progress events (steps), 50,000 sessions); optional data folder.
 */
public final class NationalScaleGenerator {

    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        Path dir = args.length > 1 ? Path.of(args[1]) : NationalScaleDatabase.DEFAULT_DIR;
        int municipalities = 342;
        int organisations = (int) (20_000 * scale);
        int people = (int) (1_000_000 * scale);
        int certificates = 3 * people;
        int attempts = (int) (2.5 * people);
        int sessions = (int) (50_000 * scale);
        Instant start = Instant.now();
        try (EmbeddedPostgres postgres = NationalScaleDatabase.start(dir, true);
             var connection = postgres.getPostgresDatabase().getConnection()) {
            DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
            // Bulk load: no triggers (the seat guard) and no foreign-key checks; the generator keeps the keys right.
            db.execute("set session_replication_role = replica");
            // The bulk SQL below loads every feature's tables (it stands in for all of them), by unqualified name.
            db.execute("set search_path = people, training, sessions, certificates, dashboard, public");
            step(db, "module versions", """
                    insert into module_version (module_id, version, content_hash, title_nl, title_en)
                    select m, 1, md5(m), initcap(m), initcap(m) from unnest(array['herkennen','gesprek','doorverwijzen']) m""");
            step(db, municipalities + " municipalities", """
                    insert into municipality (name) select 'Gemeente ' || g from generate_series(1, %d) g""".formatted(municipalities));
            step(db, organisations + " organisations", """
                    insert into organisation (municipality_id, name, sector, village)
                    select 1 + g %% %d, 'Organisatie ' || g,
                           (array['HOME_CARE','GP_PRACTICE','SOCIAL_WORK','MUNICIPALITY','HAIRDRESSER','SUPERMARKET','BAKERY',
                                  'PHARMACY','CAFE','SHOP','LIBRARY','CHURCH','VOLUNTEER'])[1 + (g / 342) %% 13],
                           'Kern ' || (1 + (g / 342) %% 6)
                      from generate_series(1, %d) g""".formatted(municipalities, organisations));
            step(db, people + " participants", """
                    insert into app_user (email, full_name, organisation_id)
                    select 'p' || g || '@national.example', 'Deelnemer ' || g, 1 + g %% %d from generate_series(1, %d) g"""
                    .formatted(organisations, people));
            step(db, "coalition leads", """
                    insert into app_user (email, full_name, municipality_id)
                    select 'lead' || g || '@national.example', 'Coalitie ' || g, g from generate_series(1, %d) g""".formatted(municipalities));
            // Three certificates per person: the first path (cycle 1, superseded by cycle 2 for a third),
            // its renewal or the path with group training; 1 in 100 revoked. Dates from 2023 to Nov 2026.
            step(db, certificates + " certificates (path completions)", """
                    insert into certificate (code, user_id, path_id, cycle, holder_name, municipality_id, municipality_name,
                                             path_title_nl, path_title_en, completed_on, issued_at, status, revoked_kind,
                                             revoked_reason, revoked_at, pdf_sha256)
                    select 'OMZ-' || substr(c, 1, 4) || '-' || substr(c, 5, 4) || '-' || substr(c, 9, 4),
                           u, case when k = 2 then 'signaleerder-met-training' else 'signaleerder' end,
                           case when k = 1 then 2 else 1 end, 'Deelnemer ' || u, 1 + (1 + u %% %2$d) %% 342, 'Gemeente',
                           'Signaleerder', 'Signaller', d, d::timestamptz,
                           case when g %% 100 = 0 then 'REVOKED' when k = 0 and u %% 3 = 0 then 'SUPERSEDED' else 'ISSUED' end,
                           case when g %% 100 = 0 then 'BY_STAFF' end, case when g %% 100 = 0 then 'Generated' end,
                           case when g %% 100 = 0 then d::timestamptz + interval '30 days' end, repeat('0', 64)
                      from generate_series(1, %1$d) g
                     cross join lateral (select (g - 1) / %3$d as k, 1 + (g - 1) %% %3$d as u) x
                     cross join lateral (select translate(upper(lpad(to_hex(g), 12, '0')), '0123456789ABCDEF', '23456789ABCDEFGH') as c,
                                                date '2023-01-01' + ((hashint4(g) & 2147483647) %% 1420) + k * 30 as d) y
                    """.formatted(certificates, organisations, people));
            step(db, attempts + " module attempts", """
                    insert into module_attempt (user_id, module_id, version, audience, current_step_id, started_at, completed_at,
                                                score_percent, passed)
                    select u, (array['herkennen','gesprek','doorverwijzen'])[1 + k], 1, 'PROFESSIONAL', 'step-4', s,
                           case when g %% 10 <> 0 then s + interval '2 days' end,
                           case when g %% 10 <> 0 then 80 end, case when g %% 10 <> 0 then true end
                      from generate_series(1, %1$d) g
                     cross join lateral (select (g - 1) / %2$d as k, 1 + (g - 1) %% %2$d as u) x
                     cross join lateral (select timestamptz '2023-01-01' + ((hashint4(g + 7) & 2147483647) %% 1410) * interval '1 day' as s) y
                    """.formatted(attempts, people));
            step(db, "self-assessments before", """
                    insert into self_assessment (attempt_id, phase, recognise, raise, refer, answered_at)
                    select id, 'PRE', 1 + id % 3, 2 + id % 2, 1 + id % 4, started_at from module_attempt""");
            step(db, "self-assessments after", """
                    insert into self_assessment (attempt_id, phase, recognise, raise, refer, answered_at)
                    select id, 'POST', 3 + id % 3, 4, 3 + id % 2, completed_at from module_attempt where completed_at is not null""");
            step(db, (4 * attempts) + " progress events (steps)", """
                    insert into step_progress (attempt_id, step_id, first_seen_at, completed_at, seconds_spent)
                    select a.id, 'step-' || s, a.started_at + s * interval '5 minutes', a.started_at + s * interval '9 minutes', 60 + s
                      from module_attempt a cross join generate_series(1, 4) s""");
            step(db, sessions + " sessions", """
                    insert into training_session (title, starts_at, ends_at, registration_deadline, location, capacity,
                                                  municipality_id, status, created_at, updated_at)
                    select 'Training ' || g, s, s + interval '2 hours', s, 'Dorpshuis', 12, 1 + g %% %d,
                           case when g %% 20 = 0 then 'CANCELLED' else 'PLANNED' end, s - interval '30 days', s - interval '30 days'
                      from generate_series(1, %d) g
                     cross join lateral (select timestamptz '2023-01-02 18:30+00' + ((hashint4(g + 11) & 2147483647) %% 1420) * interval '1 day' as s) y
                    """.formatted(municipalities, sessions));
            step(db, "registrations", """
                    insert into registration (session_id, user_id, status, arrival, attendance, attendance_at, created_at, updated_at)
                    select s.id, 1 + ((s.id * 10 + r) %% %d), 'CONFIRMED', r,
                           case when r <= 8 then 'PRESENT' when r = 9 then 'ABSENT' end,
                           case when r <= 9 then s.starts_at end, s.created_at, s.created_at
                      from training_session s cross join generate_series(1, 10) r""".formatted(people));
            // Triggers are off during the bulk load: the sessions' seat rows (V13), as the triggers would keep them.
            step(db, "session seat rows", """
                    insert into session_seat_state (session_id, capacity, status, starts_at, registration_deadline,
                                                    municipality_id, organisation_id, ics_sequence, last_arrival, seats_held, waiting)
                    select s.id, s.capacity, s.status, s.starts_at, s.registration_deadline, s.municipality_id, s.organisation_id,
                           s.ics_sequence, 10, count(*) filter (where r.status in ('CONFIRMED', 'OFFERED')),
                           count(*) filter (where r.status = 'WAITLISTED')
                      from training_session s left join registration r on r.session_id = s.id
                     group by s.id""");
            step(db, "evaluations", """
                    insert into session_evaluation (registration_id, score, do_differently, comment, answered_at)
                    select r.id, 5 + r.id % 6, 'Meer tijd om te oefenen', case when r.id % 2 = 0 then 'Fijne bijeenkomst, veel geleerd' end,
                           r.attendance_at + interval '1 day'
                      from registration r where r.attendance = 'PRESENT' and r.arrival <= 4""");
            step(db, "targets and partner rules", """
                    insert into coalition_target (municipality_id, year, kind, audience, target)
                    select m, y, k, null, case k when 'TRAINED' then 2000 when 'ORGANISATIONS' then 50 else 100 end
                      from generate_series(1, %d) m, generate_series(2025, 2026) y, unnest(array['TRAINED','ORGANISATIONS','SESSIONS']) k""".formatted(municipalities));
            db.execute("set session_replication_role = origin");
            step(db, "analyze", "analyze");
            step(db, "read model (dashboard_rebuild)", "select dashboard_rebuild()");
            step(db, "analyze read model", "analyze dashboard_fact, dashboard_month, dashboard_organisation, dashboard_comment");
            for (String table : new String[]{"app_user", "certificate", "module_attempt", "step_progress", "training_session",
                    "registration", "dashboard_fact", "dashboard_month", "dashboard_organisation", "dashboard_comment"}) {
                System.out.printf("%-24s %,12d rows%n", table, db.fetchCount(DSL.table(DSL.name(table))));
            }
            System.out.println("Generated in " + Duration.between(start, Instant.now()).toSeconds() + " s into " + dir.toAbsolutePath());
        }
    }

    private static void step(DSLContext db, String what, String sql) {
        Instant start = Instant.now();
        db.execute(sql);
        System.out.printf("%-40s %6.1f s%n", what, Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }
}
