package nl.omzien.dashboard;

import nl.omzien.base.PersonId;
import nl.omzien.certificates.PdfReading;
import nl.omzien.people.Audience;
import nl.omzien.test.IntegrationTest;
import nl.omzien.training.HelpKind;
import nl.omzien.training.ReferralAction;
import nl.omzien.training.ReferralService;
import nl.omzien.training.StoryForLead;
import nl.omzien.training.StoryService;
import nl.omzien.training.internal.JooqFollowUpRepository;
import nl.omzien.training.internal.JooqReferralRepository;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;

import static nl.omzien.dashboard.DashboardExportsTest.NL;
import static nl.omzien.dashboard.DashboardExportsTest.parse;
import static nl.omzien.dashboard.DashboardFixture.at;
import static nl.omzien.training.internal.db.Tables.FOLLOW_UP;
import static nl.omzien.training.internal.db.Tables.MODULE_ATTEMPT;
import static nl.omzien.training.internal.db.Tables.MODULE_VERSION;
import static nl.omzien.training.internal.db.Tables.REFERRAL_TAP;
import static nl.omzien.training.internal.db.Tables.SELF_ASSESSMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 21, "what training changed": every effect figure against answers computed by hand for 2025 from
 * {@link DashboardFixture} plus organisation D (six people) with follow-up answers, self-assessments, referral
 * taps and stories around the ends of the year in Amsterdam time; suppression under five; stories reach the
 * dashboard, CSV, XLSX and the council PDF only released, as the lead's copy, and not from a small organisation.
 */
class EffectFiguresTest extends IntegrationTest {

    /** The author's words name a resident; the lead's released copy does not. */
    static final String ORIGINAL = "Mevrouw Jansen van de Dorpsstraat 4 kwam huilend binnen.";
    static final String SHOWN = "Een klant kwam huilend binnen; we hebben samen het meldpunt gebeld.";
    static final String UNRELEASED = "Geheim verhaal dat niet vrijgegeven is.";
    static final String SMALL_ORGANISATION = "Verhaal uit een organisatie met vier mensen.";

    @Autowired DSLContext db;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired DashboardService dashboard;
    @Autowired StoryService stories;
    @Autowired ReferralService referralService;
    @Autowired JooqReferralRepository referralRows;
    @Autowired JooqFollowUpRepository followUps;
    @Autowired UserDetailsService accounts;

    DashboardFixture f;
    DashboardFilter year2025;
    final Map<String, Long> attempts = new HashMap<>();
    int version;

    @BeforeEach
    void fixture() {
        f = DashboardFixture.create(db, events, tx);
        f.organisationWithStaff("D", "Supermarkt Effect " + UUID.randomUUID().toString().substring(0, 6), 6);
        version = db.select(MODULE_VERSION.VERSION).from(MODULE_VERSION).where(MODULE_VERSION.MODULE_ID.eq(f.moduleId))
                .orderBy(MODULE_VERSION.VERSION).limit(1).fetchOne().value1();
        // Confidence sums are over three statements (3..15). p1 and p2 already have PROFESSIONAL attempts in the
        // fixture: p1 completed 1 Mar 2025 (6 -> 12), p2 1 Jan 2025 (6 -> 9).
        attempt("D-staff1", "PROFESSIONAL", at(2025, 2, 10, 12, 0), 6, 12, at(2025, 5, 12, 12, 0), true, ORIGINAL);
        attempt("D-staff2", "PROFESSIONAL", at(2025, 3, 1, 12, 0), 9, 12, at(2025, 6, 2, 12, 0), true, UNRELEASED);
        attempt("D-staff3", "SHOP", at(2025, 4, 1, 12, 0), 6, 9, at(2025, 7, 1, 12, 0), false, null);
        attempt("D-staff4", "PROFESSIONAL", at(2025, 4, 10, 12, 0), 6, 15, at(2025, 7, 20, 12, 0), true, null);
        attempt("D-staff5", "PROFESSIONAL", at(2025, 5, 1, 12, 0), 3, 9, at(2025, 8, 1, 12, 0), true, null);
        // Answered half an hour before New Year in Amsterdam: still 2025.
        attempt("D-staff6", "PROFESSIONAL", at(2025, 6, 1, 12, 0), 6, 12, at(2025, 12, 31, 23, 30), true, null);
        // Organisation B has four people: its story is never shown, even released.
        attempt("p3", "PROFESSIONAL", at(2025, 7, 1, 12, 0), 6, 9, at(2025, 10, 1, 12, 0), true, SMALL_ORGANISATION);
        // Half an hour into 2026 in Amsterdam (still 2025 in UTC): not in 2025. Completed in 2026: no confidence.
        attempt("p7", "PROFESSIONAL", at(2026, 1, 1, 0, 10), 6, 9, at(2026, 1, 1, 0, 30), true, null);

        // Referral taps: six to the meldpunt in March, one in April; one "noticed" for welzijn; one GP; one in 2026.
        for (String who : List.of("D-staff1", "D-staff2", "D-staff4", "D-staff3", "D-staff3", "D-staff3")) {
            tap(who, ReferralAction.REFERRED, HelpKind.MELDPUNT, at(2025, 3, 5, 10, 0));
        }
        tap("D-staff6", ReferralAction.REFERRED, HelpKind.MELDPUNT, at(2025, 4, 2, 10, 0));
        tap("D-staff5", ReferralAction.NOTICED, HelpKind.WELZIJN, at(2025, 3, 10, 10, 0));
        tap("p3", ReferralAction.REFERRED, HelpKind.HUISARTS, at(2025, 4, 15, 10, 0));
        tap("p1", ReferralAction.REFERRED, HelpKind.MELDPUNT, at(2026, 1, 1, 0, 30));

        year2025 = DashboardFilter.year(f.municipalityId, 2025);
        signInAs(f.leadEmail);
        stories.release(attempts.get("D-staff1"), SHOWN);
        stories.release(attempts.get("p3"), SMALL_ORGANISATION);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void signInAs(String email) {
        var user = accounts.loadUserByUsername(email);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private PersonId person(String key) {
        return f.people.get(key);
    }

    private void attempt(String who, String audience, OffsetDateTime completed, int before, int after,
                         OffsetDateTime answered, boolean noticed, String story) {
        long id = db.insertInto(MODULE_ATTEMPT).set(MODULE_ATTEMPT.USER_ID, person(who)).set(MODULE_ATTEMPT.MODULE_ID, f.moduleId)
                .set(MODULE_ATTEMPT.VERSION, version).set(MODULE_ATTEMPT.AUDIENCE, audience)
                .set(MODULE_ATTEMPT.STARTED_AT, completed.minusHours(1)).set(MODULE_ATTEMPT.COMPLETED_AT, completed)
                .set(MODULE_ATTEMPT.SCORE_PERCENT, 90).set(MODULE_ATTEMPT.PASSED, true)
                .returning(MODULE_ATTEMPT.ID).fetchOne().getId();
        assessment(id, "PRE", before, completed.minusHours(1));
        assessment(id, "POST", after, completed);
        db.insertInto(FOLLOW_UP).set(FOLLOW_UP.ATTEMPT_ID, id).set(FOLLOW_UP.DUE_AT, completed.plusMonths(3))
                .set(FOLLOW_UP.MAILED_AT, completed.plusMonths(3)).set(FOLLOW_UP.ANSWERED_AT, answered)
                .set(FOLLOW_UP.NOTICED, noticed).set(FOLLOW_UP.STORY, story).execute();
        attempts.put(who, id);
    }

    /** The three statements add up to {@code sum} (3..15). */
    private void assessment(long attemptId, String phase, int sum, OffsetDateTime at) {
        int base = sum / 3;
        db.insertInto(SELF_ASSESSMENT).set(SELF_ASSESSMENT.ATTEMPT_ID, attemptId).set(SELF_ASSESSMENT.PHASE, phase)
                .set(SELF_ASSESSMENT.RECOGNISE, (short) (base + (sum % 3 > 0 ? 1 : 0)))
                .set(SELF_ASSESSMENT.RAISE, (short) (base + (sum % 3 > 1 ? 1 : 0)))
                .set(SELF_ASSESSMENT.REFER, (short) base).set(SELF_ASSESSMENT.ANSWERED_AT, at).execute();
    }

    private void tap(String who, ReferralAction action, HelpKind kind, OffsetDateTime at) {
        assertThat(referralRows.insert(UUID.randomUUID(), person(who), action, kind, at)).isTrue();
    }

    @Test
    void followUpAnswersConfidenceAndTrendMatchTheHandComputedAnswers() {
        Effect effect = dashboard.effect(year2025, NL);
        // D1, D2, D3 (no), D4, D5, D6 (31 Dec 23:30), p3; not p7 (1 Jan 2026 00:30 in Amsterdam).
        assertThat(effect.answers()).isEqualTo(7);
        assertThat(effect.yes()).isEqualTo(6);
        // PROFESSIONAL: p1 6/12, p2 6/9, D1 6/12, D2 9/12, D4 6/15, D5 3/9, D6 6/12, p3 6/9 = 8 attempts, 48 -> 90.
        assertThat(effect.confidence()).extracting(c -> c.audience() + " " + c.attempts() + " " + c.beforeSum() + " " + c.afterSum())
                .containsExactly("PROFESSIONAL 8 48 90", "SHOP 1 6 9");
        assertThat(effect.confidence().getFirst().before().getAsDouble()).isEqualTo(2.0);
        assertThat(effect.confidence().getFirst().after().getAsDouble()).isEqualTo(3.75);
        // Quarters: answers Q1 0, Q2 2 (2 yes), Q3 3 (2 yes), Q4 2 (2 yes);
        // confidence Q1 p1, p2, D1, D2 (27 -> 45), Q2 D3-D6 (21 -> 45), Q3 p3 (6 -> 9), Q4 none.
        assertThat(effect.trend()).extracting(p -> p.start() + " " + p.answers() + "/" + p.yes() + " " + p.attempts() + " "
                        + p.beforeSum() + "->" + p.afterSum())
                .containsExactly("2025-01-01 0/0 4 27->45", "2025-04-01 2/2 4 21->45", "2025-07-01 3/2 1 6->9", "2025-10-01 2/2 0 0->0");
        assertThat(effect.trend().get(0).confidenceChange().getAsDouble()).isEqualTo(1.5);
        assertThat(effect.trend().get(1).confidenceChange().getAsDouble()).isEqualTo(2.0);
    }

    @Test
    void referralTapsPerMonthAndKindMatchTheHandComputedAnswers() {
        assertThat(dashboard.effect(year2025, NL).referrals()).extracting(r -> r.month() + " " + r.kind() + " " + r.noticed() + "/" + r.referred())
                .containsExactly("2025-03-01 MELDPUNT 0/6", "2025-03-01 WELZIJN 1/0", "2025-04-01 HUISARTS 0/1", "2025-04-01 MELDPUNT 0/1");
    }

    @Test
    void publicationHidesSmallNumbersAndWhatGivesThemAway() throws Exception {
        Map<String, List<CSVRecord>> csv = new HashMap<>();
        for (String table : List.of("effect", "effect-confidence", "effect-trend", "referrals")) {
            csv.put(table, parse(dashboard.csv(year2025, table, NL, true)));
        }
        // 7 answers stay; 6 of 7 said yes: the one "no" is a group of one, so the share is hidden.
        assertThat(csv.get("effect")).extracting(r -> r.get(1)).containsExactly("7", "<5");
        // 8 and 1 attempts: the 1 is hidden, and the 8 with it (else a total would give the 1 away), with their averages.
        assertThat(csv.get("effect-confidence")).extracting(r -> r.get(2) + " " + r.get(3) + " " + r.get(4))
                .containsExactly("<5 <5 <5", "<5 <5 <5");
        // Quarters with 2, 3 and 2 answers: hidden; an empty quarter stays 0.
        assertThat(csv.get("effect-trend")).extracting(r -> r.get(1)).containsExactly("0", "<5", "<5", "<5");
        // Meldpunt: March 6 and April 1; April is small, so March goes too; the total of 7 stays.
        assertThat(csv.get("referrals")).extracting(r -> r.get(1) + " " + r.get(2) + " " + r.get(3))
                .contains("Meldpunt of signaalpunt 0 <5", "Meldpunt of signaalpunt 0 7", "Welzijn <5 0", "Huisarts 0 <5");
        assertThat(csv.get("referrals").stream().filter(r -> r.get(1).startsWith("Meldpunt")).map(r -> r.get(3)).toList())
                .containsExactly("<5", "<5", "7");
        // Without publication every number shows.
        assertThat(parse(dashboard.csv(year2025, "effect", NL, false))).extracting(r -> r.get(1)).containsExactly("7", "85,7");
    }

    @Test
    void onlyReleasedStoriesOfLargerOrganisationsReachTheDashboardCsvXlsxAndPdf_AsTheLeadsCopy() throws Exception {
        assertThat(dashboard.effect(year2025, NL).stories()).extracting(Effect.Story::text).containsExactly(SHOWN);

        String csv = new String(dashboard.csv(year2025, "stories", NL, false), java.nio.charset.StandardCharsets.UTF_8);
        String pdf = PdfReading.text(dashboard.councilReport(year2025, NL, true)).replaceAll("\\s+", " ");
        String xlsx = xlsxText(dashboard.xlsx(year2025, NL, true));
        for (String published : List.of(csv, pdf, xlsx)) {
            assertThat(published).contains("Een klant kwam huilend binnen")
                    .doesNotContain("Mevrouw Jansen", "Dorpsstraat", "Geheim verhaal", "organisatie met vier mensen");
            // No name of any fixture person (full names are "Persoon <key> <tag>").
            assertThat(published).doesNotContain("Persoon ");
        }
        assertThat(pdf).contains("Wat de training veranderde", "Gesignaleerd en doorverwezen");
    }

    @Test
    void aStoryIsShownOnlyAfterReleaseAndNoLongerWhenWithdrawnOrChangedByItsAuthor() {
        long d2 = attempts.get("D-staff2");
        assertThat(dashboard.effect(year2025, NL).stories()).extracting(Effect.Story::text).doesNotContain(UNRELEASED);
        stories.release(d2, "Een collega hielp mij het gesprek te beginnen.");
        assertThat(dashboard.effect(year2025, NL).stories()).extracting(Effect.Story::text)
                .contains("Een collega hielp mij het gesprek te beginnen.");
        stories.withdraw(d2);
        assertThat(dashboard.effect(year2025, NL).stories()).extracting(Effect.Story::text)
                .doesNotContain("Een collega hielp mij het gesprek te beginnen.");
        // The author changes the released story: the release goes, nothing unread is shown.
        followUps.saveStory(attempts.get("D-staff1"), "Nieuwe tekst met de naam Mevrouw Jansen.");
        assertThat(dashboard.effect(year2025, NL).stories()).isEmpty();
    }

    @Test
    void theLeadReadsTheOriginalWhichStaysWhileTheCopyIsShown() {
        List<StoryForLead> list = stories.stories(f.municipalityId);
        StoryForLead d1 = list.stream().filter(s -> s.attemptId() == attempts.get("D-staff1")).findFirst().orElseThrow();
        assertThat(d1.original()).isEqualTo(ORIGINAL);
        assertThat(d1.shownText()).isEqualTo(SHOWN);
        assertThat(d1.organisationSize()).isEqualTo(6);
        assertThat(list).filteredOn(s -> s.attemptId() == attempts.get("p3")).extracting(StoryForLead::organisationSize).containsExactly(4L);
        assertThatThrownBy(() -> stories.release(attempts.get("D-staff2"), "   "))
                .isInstanceOf(nl.omzien.base.InvalidInputException.class);
    }

    @Test
    void anotherMunicipalitysLeadCanNeitherReadNorReleaseNorWithdraw() {
        signInAs(LEAD_COEVORDEN);
        assertThatThrownBy(() -> stories.stories(f.municipalityId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> stories.release(attempts.get("D-staff2"), "Zomaar")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> stories.withdraw(attempts.get("D-staff1"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> dashboard.effect(year2025, NL)).isInstanceOf(AccessDeniedException.class);
        signInAs(PARTICIPANT);
        assertThatThrownBy(() -> stories.stories(f.municipalityId)).isInstanceOf(AccessDeniedException.class);
        signInAs(f.leadEmail);
        assertThat(dashboard.effect(year2025, NL).stories()).extracting(Effect.Story::text).containsExactly(SHOWN);
    }

    @Test
    void theSameTapKeyCountsOnce_AlsoWhenTwoRequestsArriveAtOnce() throws Exception {
        signInAs(PARTICIPANT);
        long before = referralService.myCount();
        UUID key = ReferralService.newTapKey();
        assertThat(referralService.record(key, ReferralAction.REFERRED, HelpKind.MELDPUNT)).isTrue();
        assertThat(referralService.record(key, ReferralAction.REFERRED, HelpKind.MELDPUNT)).isFalse();
        assertThat(referralService.myCount()).isEqualTo(before + 1);
        assertThat(referralService.record(ReferralService.newTapKey(), ReferralAction.NOTICED, HelpKind.OTHER)).isTrue();
        assertThat(referralService.myCount()).isEqualTo(before + 2);

        // Two requests with one key at the same moment (a double click on a slow line): one row.
        UUID raced = UUID.randomUUID();
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Boolean> insert = () -> {
            start.await();
            return tx.execute(s -> referralRows.insert(raced, person("D-staff1"), ReferralAction.REFERRED, HelpKind.WELZIJN,
                    OffsetDateTime.now()));
        };
        try (var pool = Executors.newFixedThreadPool(2)) {
            var a = pool.submit(insert);
            var b = pool.submit(insert);
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
        }
        assertThat(db.fetchCount(REFERRAL_TAP, REFERRAL_TAP.TAP_KEY.eq(raced))).isEqualTo(1);
    }

    @Test
    void theTallyHasNoColumnForText() {
        // Nothing about the resident can be stored: the table holds only fixed choices, a time and keys.
        List<String> columns = db.fetch("select column_name from information_schema.columns"
                + " where table_schema = 'training' and table_name = 'referral_tap' order by ordinal_position")
                .getValues(0, String.class);
        assertThat(columns).containsExactly("id", "tap_key", "user_id", "action", "help_kind", "tapped_at");
        assertThatThrownBy(() -> db.execute("insert into training.referral_tap (tap_key, user_id, action, help_kind, tapped_at)"
                + " values (gen_random_uuid(), " + person("p1").value() + ", 'REFERRED', 'Mevrouw Jansen', now())"))
                .hasMessageContaining("referral_tap_help_kind_check");
    }

    private static String xlsxText(byte[] xlsx) throws Exception {
        List<String> text = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                for (Row row : sheet.read()) {
                    for (int c = 0; c < row.getCellCount(); c++) {
                        text.add(row.getCellText(c));
                    }
                }
            }
        }
        return String.join(" | ", text);
    }
}
