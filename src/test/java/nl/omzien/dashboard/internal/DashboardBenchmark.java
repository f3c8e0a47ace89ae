package nl.omzien.dashboard.internal;

import nl.omzien.base.MunicipalityId;

import nl.omzien.base.OrganisationId;

import nl.omzien.base.PersonId;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.omzien.dashboard.CommentFilter;
import nl.omzien.dashboard.internal.db.Routines;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE;
import static nl.omzien.people.internal.db.Tables.MUNICIPALITY;
import static nl.omzien.people.internal.db.Tables.ORGANISATION;

/**
 * Not a CI test: runs every dashboard query of {@link JooqDashboardQuery} (the ones DashboardService
 * calls) on the dataset of {@link NationalScaleGenerator}: warm-up, then 20 timed runs per query for
 * random municipalities and periods, and 20 for all municipalities together; prints median and p95
 * in ms. Then adds a completion the way the app does (account + dashboard_person_placed, certificate row +
 * dashboard_refresh in one transaction) and checks the figures show it right after the commit. See bench/README.md.
 *
 * <pre>bench/dashboard.sh measure 20</pre>
 */
public final class DashboardBenchmark {

    private record Run(MunicipalityId municipality, LocalDate from, LocalDate until) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = args.length > 1 ? Path.of(args[1]) : NationalScaleDatabase.DEFAULT_DIR;
        Random random = new Random(7);
        try (EmbeddedPostgres postgres = NationalScaleDatabase.start(dir, false);
             var connection = postgres.getPostgresDatabase().getConnection()) {
            DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
            JooqDashboardQuery query = new JooqDashboardQuery(db);
            List<MunicipalityId> municipalities = db.select(MUNICIPALITY.ID).from(MUNICIPALITY).fetch(MUNICIPALITY.ID);
            System.out.printf("Dataset: %,d municipalities, %,d organisations, %,d people, %,d certificates, %,d dashboard_month rows%n",
                    municipalities.size(), db.fetchCount(ORGANISATION), db.fetchCount(APP_USER), db.fetchCount(CERTIFICATE),
                    db.fetchCount(DSL.table("dashboard.dashboard_month")));

            Map<String, BiConsumer<JooqDashboardQuery, Run>> queries = new LinkedHashMap<>();
            queries.put("headline figures", (q, r) -> {
                q.sums(r.municipality(), r.from(), r.until(), Measures.HEADLINE);
                q.organisationsReached(r.municipality(), r.until());
            });
            queries.put("by sector", (q, r) -> q.byDimension(r.municipality(), Measures.TRAINED_SECTOR, r.from(), r.until()));
            queries.put("by village", (q, r) -> q.byDimension(r.municipality(), Measures.TRAINED_VILLAGE, r.from(), r.until()));
            queries.put("by path", (q, r) -> q.byDimension(r.municipality(), Measures.PATH, r.from(), r.until()));
            queries.put("by module", (q, r) -> q.byDimension(r.municipality(), Measures.MODULE, r.from(), r.until()));
            queries.put("over time + cumulative", (q, r) -> {
                q.byMonth(r.municipality(), Measures.TRAINED, r.from(), r.until());
                q.before(r.municipality(), Measures.TRAINED, r.from());
            });
            queries.put("organisations table", (q, r) -> q.organisations(r.municipality(), r.from(), r.until()));
            queries.put("targets with progress", (q, r) -> {
                for (var t : q.targets(r.municipality(), r.from().getYear(), r.until().getYear())) {
                    LocalDate from = LocalDate.of(t.year(), 1, 1);
                    LocalDate until = LocalDate.of(t.year(), 12, 31);
                    switch (t.kind()) {
                        case ORGANISATIONS -> q.organisationsReached(r.municipality(), until);
                        case SESSIONS -> q.sums(r.municipality(), from, until, List.of(Measures.HELD));
                        case TRAINED -> q.byDimension(r.municipality(), Measures.TRAINED_SECTOR, from, until);
                    }
                    if (r.municipality() == null) {
                        break; // all municipalities: one summed target per kind, as the service does
                    }
                }
            });
            queries.put("tell (comments)", (q, r) -> q.comments(r.municipality(), r.from(), r.until(), CommentFilter.ALL, 50));
            queries.put("tell, scores 9-10", (q, r) -> q.comments(r.municipality(), r.from(), r.until(), new CommentFilter(null, 9, 10), 50));
            // A word in few comments: the worst case for a search, every comment of the period is looked at.
            queries.put("tell, rare search word", (q, r) -> q.comments(r.municipality(), r.from(), r.until(), new CommentFilter("Training 4242", 1, 10), 50));

            System.out.printf("%n%-26s %-22s %9s %9s %9s%n", "query", "scope", "median ms", "p95 ms", "max ms");
            for (var entry : queries.entrySet()) {
                for (boolean all : new boolean[]{false, true}) {
                    for (int i = 0; i < 5; i++) {
                        entry.getValue().accept(query, run(random, municipalities, all));
                    }
                    List<Double> times = new ArrayList<>();
                    for (int i = 0; i < runs; i++) {
                        Run run = run(random, municipalities, all);
                        long start = System.nanoTime();
                        entry.getValue().accept(query, run);
                        times.add((System.nanoTime() - start) / 1e6);
                    }
                    times.sort(Double::compare);
                    System.out.printf("%-26s %-22s %9.2f %9.2f %9.2f%n", entry.getKey(), all ? "all municipalities" : "random municipality",
                            percentile(times, 50), percentile(times, 95), times.getLast());
                }
            }
            freshness(db, query, municipalities, random);
        }
    }

    private static Run run(Random random, List<MunicipalityId> municipalities, boolean all) {
        LocalDate from = LocalDate.of(2023, 1, 1).plusMonths(random.nextInt(44));
        LocalDate until = from.plusMonths(random.nextInt(24)).withDayOfMonth(1).plusMonths(1).minusDays(1);
        return new Run(all ? null : municipalities.get(random.nextInt(municipalities.size())), from, until);
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /**
     * A new person joins an organisation and completes a path: account, certificate and both read-model
     * updates in one transaction, as the app's listeners do.
     */
    private static void freshness(DSLContext db, JooqDashboardQuery query, List<MunicipalityId> municipalities, Random random) {
        OrganisationId organisation = db.select(ORGANISATION.ID).from(ORGANISATION).orderBy(ORGANISATION.ID).limit(1)
                .offset(random.nextInt(db.fetchCount(ORGANISATION))).fetchOne(ORGANISATION.ID);
        MunicipalityId municipality = db.select(ORGANISATION.MUNICIPALITY_ID).from(ORGANISATION).where(ORGANISATION.ID.eq(organisation))
                .fetchOne(ORGANISATION.MUNICIPALITY_ID);
        LocalDate today = LocalDate.of(2026, 11, 23);
        LocalDate month = today.withDayOfMonth(1);
        long before = trained(query, municipality, month, today);
        long beforeAll = trained(query, null, month, today);
        List<Double> refreshes = new ArrayList<>();
        long[] visibleAfter = new long[1];
        for (int i = 0; i < 21; i++) {
            int n = i;
            long start = System.nanoTime();
            db.transaction(tx -> {
                DSLContext t = tx.dsl();
                PersonId user = t.insertInto(APP_USER).set(APP_USER.EMAIL, "bench-" + System.nanoTime() + "-" + n + "@national.example")
                        .set(APP_USER.FULL_NAME, "Benchmark " + n).set(APP_USER.ORGANISATION_ID, organisation)
                        .returning(APP_USER.ID).fetchOne().getId();
                // What the listener does on the people feature's PersonPlacementChanged for the new account.
                Routines.dashboardPersonPlaced(t.configuration(), user.value(), organisation.value(), null);
                t.insertInto(CERTIFICATE).set(CERTIFICATE.CODE, "OMZ-ZZZZ-" + code(n) + "-ZZZZ").set(CERTIFICATE.USER_ID, user)
                        .set(CERTIFICATE.PATH_ID, "signaleerder").set(CERTIFICATE.CYCLE, 1).set(CERTIFICATE.MUNICIPALITY_ID, municipality)
                        .set(CERTIFICATE.MUNICIPALITY_NAME, "Gemeente").set(CERTIFICATE.PATH_TITLE_NL, "Signaleerder")
                        .set(CERTIFICATE.PATH_TITLE_EN, "Signaller").set(CERTIFICATE.COMPLETED_ON, today)
                        .set(CERTIFICATE.ISSUED_AT, today.atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime())
                        .set(CERTIFICATE.PDF_SHA256, "0".repeat(64)).execute();
                Routines.dashboardRefresh(t.configuration(), "PERSON", user.value());
            });
            refreshes.add((System.nanoTime() - start) / 1e6);
            visibleAfter[0] = trained(query, municipality, month, today);
        }
        refreshes.sort(Double::compare);
        System.out.printf("%nNew completions: people trained this month in municipality %d went from %d to %d right after 21 commits "
                        + "(all municipalities: %d -> %d); no delay, read in the next query.%n",
                municipality, before, visibleAfter[0], beforeAll, trained(query, null, month, today));
        System.out.printf("Write cost of a completion incl. read-model refresh and commit: median %.2f ms, p95 %.2f ms%n",
                percentile(refreshes, 50), percentile(refreshes, 95));
        if (visibleAfter[0] != before + 21) {
            throw new IllegalStateException("The new completions did not all show in the figures");
        }
    }

    private static String code(int n) {
        String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        long v = System.nanoTime() + n;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            s.append(alphabet.charAt((int) (v % 32)));
            v /= 32;
        }
        return s.toString();
    }

    private static long trained(JooqDashboardQuery query, MunicipalityId municipality, LocalDate from, LocalDate until) {
        return query.sums(municipality, from, until, List.of(Measures.TRAINED)).getOrDefault(Measures.TRAINED, new long[2])[0];
    }
}
