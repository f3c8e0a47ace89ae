package nl.omzien.certificates;

import nl.omzien.base.InvalidInputException;
import nl.omzien.base.OrganisationId;
import nl.omzien.dashboard.Breakdown;
import nl.omzien.dashboard.DashboardFilter;
import nl.omzien.dashboard.DashboardService;
import nl.omzien.people.Audience;
import nl.omzien.people.WalkIns;
import nl.omzien.sessions.Attendance;
import nl.omzien.sessions.RegistrationId;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionId;
import nl.omzien.sessions.SessionService;
import nl.omzien.test.IntegrationTest;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.ModuleWalker;
import nl.omzien.training.TrainingService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE;
import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.sessions.internal.db.Tables.REGISTRATION;
import static nl.omzien.sessions.internal.db.Tables.SESSION_EVALUATION;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group training that counts (issue 20): the attendance-only path "signaleerder (groepstraining)", walk-ins
 * added at the door without e-mail, their certificates printed as one PDF, the join-up when an address turns
 * out to have an account, paper evaluations, and the dashboard's "how trained" breakdown.
 */
class GroupTrainingTest extends IntegrationTest {

    private static final String GROUP = "signaleerder-groep";

    @Autowired
    TrainingService training;
    @Autowired
    ModuleCatalog catalog;
    @Autowired
    SessionService sessions;
    @Autowired
    RegistrationService registrations;
    @Autowired
    CertificateService certificates;
    @Autowired
    WalkIns walkIns;
    @Autowired
    DashboardService dashboard;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    DSLContext db;

    private int certificates(nl.omzien.base.PersonId userId, String pathId) {
        return db.fetchCount(CERTIFICATE, CERTIFICATE.USER_ID.eq(userId), CERTIFICATE.PATH_ID.eq(pathId));
    }

    /** A session on the given topics that started 30 minutes ago, with the given people signed up. */
    private SessionId runningSession(SessionFixtures fx, Set<String> topics, List<String> people) {
        var trainer = fx.userId(TRAINER);
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Groepstraining signaleren", 5, 3)
                .setModuleIds(topics).setTrainerIds(Set.of(trainer))));
        people.forEach(person -> fx.as(person, () -> registrations.signUp(session)));
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30);
        db.update(TRAINING_SESSION).set(TRAINING_SESSION.REGISTRATION_DEADLINE, start).set(TRAINING_SESSION.STARTS_AT, start)
                .set(TRAINING_SESSION.ENDS_AT, start.plusMinutes(90)).where(TRAINING_SESSION.ID.eq(session)).execute();
        return session;
    }

    private static final Set<String> GROUP_TOPICS = Set.of("herkennen", "gesprek");

    private void markAllPresent(SessionFixtures fx, SessionId session) {
        fx.as(TRAINER, () -> sessions.participants(session)).forEach(p ->
                fx.as(TRAINER, () -> sessions.markAttendance(p.registrationId(), Attendance.PRESENT)));
    }

    private WalkIns.WalkIn walkIn(SessionFixtures fx, String name, String email) {
        return new WalkIns.WalkIn(name, fx.organisation("Supermarkt De Brink"), email);
    }

    @Test
    void attendanceAloneAtASessionOfTheRightKindCompletesTheGroupPathAndAnyOtherSessionDoesNot() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        List<String> people = fx.participants(2, "Supermarkt De Brink");
        SessionId group = runningSession(fx, GROUP_TOPICS, List.of(people.get(0)));
        SessionId other = runningSession(fx, Set.of("doorverwijzen"), List.of(people.get(1)));
        markAllPresent(fx, group);
        markAllPresent(fx, other);

        var first = fx.userId(people.get(0));
        assertThat(certificates(first, GROUP)).as("no module, one group session").isEqualTo(1);
        assertThat(db.select(CERTIFICATE.SESSION_ID).from(CERTIFICATE).where(CERTIFICATE.USER_ID.eq(first))
                .fetchOne(CERTIFICATE.SESSION_ID)).isEqualTo(group);
        assertThat(certificates(first, "signaleerder")).as("the online path still needs modules").isZero();
        assertThat(certificates(fx.userId(people.get(1)), GROUP)).as("a session on another topic is another kind").isZero();
    }

    @Test
    void aWalkInWithoutEmailIsPresentAtOnceCertifiedAndInTheOnePdfToPrint() throws Exception {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        List<String> people = fx.participants(1, "Supermarkt De Brink");
        SessionId session = runningSession(fx, GROUP_TOPICS, people);
        markAllPresent(fx, session);

        SessionService.WalkInAdded added = fx.as(TRAINER, () -> sessions.addWalkIn(session, walkIn(fx, "Gerda Brink", "")));

        assertThat(added.existingAccount()).isFalse();
        var walkInId = added.personId();
        assertThat(db.select(APP_USER.EMAIL).from(APP_USER).where(APP_USER.ID.eq(walkInId)).fetchOne(APP_USER.EMAIL)).isNull();
        assertThat(db.select(REGISTRATION.ATTENDANCE).from(REGISTRATION).where(REGISTRATION.ID.eq(added.registrationId()))
                .fetchOne(REGISTRATION.ATTENDANCE)).isEqualTo("PRESENT");
        assertThat(certificates(walkInId, GROUP)).isEqualTo(1);
        assertThat(fx.as(TRAINER, () -> sessions.participants(session))).extracting(p -> p.fullName()).contains("Gerda Brink");

        byte[] print = fx.as(TRAINER, () -> certificates.sessionCertificatesToPrint(session)).pdf();
        try (PDDocument document = Loader.loadPDF(print)) {
            assertThat(document.getNumberOfPages()).as("one page per certificate earned there").isEqualTo(2);
        }
        assertThat(PdfReading.text(print)).contains("Gerda Brink");
    }

    @Test
    void aFullSessionGrowsByOneSeatForTheWalkInWhoIsThere() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        List<String> people = fx.participants(5, "Supermarkt De Brink");
        SessionId session = runningSession(fx, GROUP_TOPICS, people);

        fx.as(TRAINER, () -> sessions.addWalkIn(session, walkIn(fx, "Kees Walk", null)));

        assertThat(fx.as(TRAINER, () -> sessions.get(session)).capacity()).isEqualTo(6);
        fx.assertCountersMatchTheRows(session, 6, 0);
    }

    @Test
    void aWalkInWhoseAddressHasAnAccountIsThatAccountNotASecondOne() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        String existing = fx.participants(1, "Supermarkt De Brink").getFirst();
        SessionId session = runningSession(fx, GROUP_TOPICS, List.of());
        int before = db.fetchCount(APP_USER);

        SessionService.WalkInAdded added = fx.as(TRAINER, () -> sessions.addWalkIn(session,
                walkIn(fx, "Wie Dan Ook", existing.toUpperCase(Locale.ROOT))));

        assertThat(added.existingAccount()).isTrue();
        assertThat(added.personId()).isEqualTo(fx.userId(existing));
        assertThat(db.fetchCount(APP_USER)).isEqualTo(before);
        assertThat(certificates(fx.userId(existing), GROUP)).isEqualTo(1);
    }

    @Test
    void anAddressAtTheDoorOfSomeoneNotTheTrainersToTrainIsRefusedAndNamesNobody() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        List<String> people = fx.participants(2, "Supermarkt De Brink");
        String elsewhere = people.get(0);
        db.update(APP_USER).set(APP_USER.ORGANISATION_ID, (nl.omzien.base.OrganisationId) null)
                .set(APP_USER.MUNICIPALITY_ID, fx.municipality("Twenterand")).where(APP_USER.EMAIL.eq(elsewhere)).execute();
        String closed = people.get(1);
        db.update(APP_USER).set(APP_USER.ENABLED, false).where(APP_USER.EMAIL.eq(closed)).execute();
        SessionId session = runningSession(fx, GROUP_TOPICS, List.of());
        int before = db.fetchCount(APP_USER);

        // Another municipality's participant, a colleague (staff), a closed account: not booked, not shown.
        for (String address : List.of(elsewhere, LEAD_COEVORDEN, closed)) {
            assertThatThrownBy(() -> fx.as(TRAINER, () -> sessions.addWalkIn(session, walkIn(fx, "Wie Dan Ook", address))))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors()).containsEntry("email", "walk-in.email-not-usable"));
        }
        assertThat(db.fetchCount(APP_USER)).isEqualTo(before);
        assertThat(fx.as(TRAINER, () -> sessions.participants(session))).isEmpty();

        // The same for an address given later: the walk-in keeps their own account.
        var walkIn = fx.as(TRAINER, () -> sessions.addWalkIn(session, walkIn(fx, "Anna Zonder Mail", null))).personId();
        assertThatThrownBy(() -> fx.as(TRAINER, () -> walkIns.giveEmail(walkIn, elsewhere))).isInstanceOf(InvalidInputException.class);
        assertThat(db.select(APP_USER.MERGED_INTO).from(APP_USER).where(APP_USER.ID.eq(walkIn)).fetchOne().value1()).isNull();
        assertThat(certificates(fx.userId(elsewhere), GROUP)).isZero();
    }

    @Test
    void aWalkInGivingTheAddressOfAnExistingAccountLaterJoinsItWithCertificateAndPlaceAndCountsOnce() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        String existing = fx.participants(1, "Supermarkt De Brink").getFirst();
        var account = fx.userId(existing);
        fx.as(existing, () -> new ModuleWalker(training, catalog).complete("herkennen", Audience.SHOP));
        SessionId session = runningSession(fx, GROUP_TOPICS, List.of());
        var walkIn = fx.as(TRAINER, () -> sessions.addWalkIn(session, walkIn(fx, "Anna Zonder Mail", null))).personId();
        assertThat(certificates(walkIn, GROUP)).isEqualTo(1);
        DashboardFilter thisYear = DashboardFilter.year(fx.municipality("Coevorden"), LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).getYear());
        long trainedBefore = fx.as(LEAD_COEVORDEN, () -> dashboard.figures(thisYear)).trained();

        var joined = fx.as(TRAINER, () -> walkIns.giveEmail(walkIn, existing));

        assertThat(joined).isEqualTo(account);
        assertThat(certificates(account, GROUP)).as("the certificate moved").isEqualTo(1);
        assertThat(certificates(walkIn, GROUP)).isZero();
        assertThat(db.fetchCount(REGISTRATION, REGISTRATION.SESSION_ID.eq(session), REGISTRATION.USER_ID.eq(account))).isEqualTo(1);
        var row = db.select(APP_USER.ENABLED, APP_USER.MERGED_INTO).from(APP_USER).where(APP_USER.ID.eq(walkIn)).fetchOne();
        assertThat(row.value1()).isFalse();
        assertThat(row.value2()).isEqualTo(account);
        // Before: the walk-in counted as trained, the account not yet (one module). After: the same person, once.
        assertThat(fx.as(LEAD_COEVORDEN, () -> dashboard.figures(thisYear)).trained()).isEqualTo(trainedBefore);
        assertThat(howCounts(fx, thisYear)).isNotEmpty();
    }

    @Test
    void aWalkInWithoutEmailGetsTheirAddressLaterAndKeepsTheirAccount() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        SessionId session = runningSession(fx, GROUP_TOPICS, List.of());
        var walkIn = fx.as(TRAINER, () -> sessions.addWalkIn(session, walkIn(fx, "Piet Later", null))).personId();

        var same = fx.as(TRAINER, () -> walkIns.giveEmail(walkIn, "piet.later@test.example"));

        assertThat(same).isEqualTo(walkIn);
        assertThat(db.select(APP_USER.EMAIL).from(APP_USER).where(APP_USER.ID.eq(walkIn)).fetchOne(APP_USER.EMAIL))
                .isEqualTo("piet.later@test.example");
        assertThatThrownBy(() -> fx.as(TRAINER, () -> walkIns.giveEmail(walkIn, "ander@test.example")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theTrainerTypesInAPaperEvaluationOnceMarkedAsOnPaper() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        SessionId session = runningSession(fx, GROUP_TOPICS, List.of());
        RegistrationId registration = fx.as(TRAINER, () -> sessions.addWalkIn(session, walkIn(fx, "Jan Papier", null))).registrationId();

        fx.as(TRAINER, () -> sessions.enterPaperEvaluation(registration, 8, "Meer oefenen", null));

        var stored = db.select(SESSION_EVALUATION.SCORE, SESSION_EVALUATION.ON_PAPER, SESSION_EVALUATION.ENTERED_BY)
                .from(SESSION_EVALUATION).where(SESSION_EVALUATION.REGISTRATION_ID.eq(registration)).fetchOne();
        assertThat(stored.value1()).isEqualTo((short) 8);
        assertThat(stored.value2()).isTrue();
        assertThat(stored.value3()).isEqualTo(fx.userId(TRAINER));
        assertThat(fx.as(TRAINER, () -> sessions.evaluations(session)).answers()).isEqualTo(1);
        assertThatThrownBy(() -> fx.as(TRAINER, () -> sessions.enterPaperEvaluation(registration, 6, "Nog eens", null)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theDashboardCountsGroupTrainedPeopleAndShowsHowOnlineGroupOrBoth() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        DashboardFilter thisYear = DashboardFilter.year(fx.municipality("Coevorden"), LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).getYear());
        long trainedBefore = fx.as(LEAD_COEVORDEN, () -> dashboard.figures(thisYear)).trained();
        Map<String, Long> before = howCounts(fx, thisYear);
        List<String> people = fx.participants(3, "Supermarkt De Brink");
        ModuleWalker walker = new ModuleWalker(training, catalog);
        for (String person : List.of(people.get(0), people.get(1))) {
            fx.as(person, () -> {
                walker.complete("herkennen", Audience.SHOP);
                walker.complete("gesprek", Audience.SHOP);
                walker.complete("doorverwijzen", Audience.SHOP);
            });
        }
        // people 0: online only; 1: online, then the group session (both); 2: the group session only.
        SessionId session = runningSession(fx, GROUP_TOPICS, List.of(people.get(1), people.get(2)));
        markAllPresent(fx, session);
        fx.as(TRAINER, () -> sessions.addWalkIn(session, walkIn(fx, "Walk In Groep", null)));

        assertThat(fx.as(LEAD_COEVORDEN, () -> dashboard.figures(thisYear)).trained()).isEqualTo(trainedBefore + 4);
        Map<String, Long> after = howCounts(fx, thisYear);
        assertThat(after.getOrDefault("ONLINE", 0L) - before.getOrDefault("ONLINE", 0L)).isEqualTo(1);
        assertThat(after.getOrDefault("BOTH", 0L) - before.getOrDefault("BOTH", 0L)).isEqualTo(1);
        assertThat(after.getOrDefault("GROUP", 0L) - before.getOrDefault("GROUP", 0L)).isEqualTo(2);
    }

    private Map<String, Long> howCounts(SessionFixtures fx, DashboardFilter filter) {
        return fx.as(LEAD_COEVORDEN, () -> dashboard.byHow(filter, Locale.of("nl"))).stream()
                .collect(Collectors.toMap(Breakdown::key, Breakdown::count));
    }
}
