package nl.omzien.trainers;

import nl.omzien.base.InvalidInputException;
import nl.omzien.base.PersonId;
import nl.omzien.certificates.CertificateService;
import nl.omzien.certificates.VerificationService;
import nl.omzien.people.Audience;
import nl.omzien.sessions.Attendance;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionId;
import nl.omzien.sessions.SessionService;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.sessions.TrainingSession;
import nl.omzien.test.IntegrationTest;
import nl.omzien.trainers.internal.TrainerJobs;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.ModuleWalker;
import nl.omzien.training.TrainingService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.USER_ROLE;
import static nl.omzien.privacy.internal.db.Tables.PERSONAL_DATA_AUDIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of trainer qualification on the real database, moving the test clock for expiry and reminders. */
class TrainerQualificationTest extends IntegrationTest {

    @Autowired TrainerService trainers;
    @Autowired TrainerJobs jobs;
    @Autowired SessionService sessions;
    @Autowired RegistrationService registrations;
    @Autowired TrainingService training;
    @Autowired ModuleCatalog catalog;
    @Autowired CertificateService certificates;
    @Autowired VerificationService verification;
    @Autowired DSLContext db;
    @Autowired UserDetailsService accounts;

    private SessionFixtures fx() {
        return new SessionFixtures(db, accounts);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SessionTimes.ZONE));
    }

    /** A new account with the trainer role in Coevorden (staff: no organisation), not qualified. */
    private String newTrainer() {
        String email = "trainer-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        var id = db.insertInto(APP_USER).set(APP_USER.EMAIL, email).set(APP_USER.FULL_NAME, "Trainer " + email.substring(8, 16))
                .set(APP_USER.MUNICIPALITY_ID, fx().municipality("Coevorden")).returning(APP_USER.ID).fetchOne().getId();
        db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, "TRAINER").execute();
        return email;
    }

    private QualificationId qualify(String email, LocalDate until) {
        return fx().as(LEAD_COEVORDEN, () -> trainers.recordExternal(null, fx().userId(email),
                "Train-de-trainer bij de welzijnsorganisatie, certificaat gezien.", until));
    }

    private SessionId plan(String as, String title, int daysAhead, Set<PersonId> trainerIds) {
        return fx().as(as, () -> sessions.create(SessionFixtures.draft(title, 12, daysAhead).setTrainerIds(trainerIds)));
    }

    private TrainerStatus statusOf(String email) {
        var id = fx().userId(email);
        return fx().as(LEAD_COEVORDEN, () -> trainers.trainers(null)).stream().filter(t -> t.personId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void onlyAQualifiedTrainerCanBePutOnASession_CheckedByTheSessionsServiceNotOnlyTheForm() {
        String unqualified = newTrainer();
        var id = fx().userId(unqualified);
        assertThat(fx().as(LEAD_COEVORDEN, () -> sessions.trainers(fx().municipality("Coevorden"))))
                .containsKey(fx().userId(TRAINER)).doesNotContainKey(id);
        assertThatThrownBy(() -> plan(LEAD_COEVORDEN, "Zonder kwalificatie", 5, Set.of(id)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsEntry("trainers", "session.trainer-not-qualified"));
        // Their own new draft does not put them on it either.
        assertThat(fx().as(unqualified, () -> sessions.newDraft()).getTrainerIds()).isEmpty();

        qualify(unqualified, today().plusYears(1));
        assertThat(plan(LEAD_COEVORDEN, "Met kwalificatie", 5, Set.of(id))).isNotNull();
        assertThat(fx().as(unqualified, () -> sessions.newDraft()).getTrainerIds()).containsExactly(id);
    }

    @Test
    void aLeadRecordsAnExternalQualificationWithEvidence_InTheAuditLog_OnlyInTheirOwnMunicipality() {
        String trainer = newTrainer();
        PersonId person = fx().userId(trainer);
        assertThatThrownBy(() -> fx().as(LEAD_TWENTERAND, () -> trainers.recordExternal(fx().municipality("Coevorden"), person,
                "Certificaat gezien", today().plusYears(1)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx().as(LEAD_TWENTERAND, () -> trainers.recordExternal(null, person,
                "Certificaat gezien", today().plusYears(1)))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).containsEntry("person", "trainers.person-invalid"));
        assertThatThrownBy(() -> fx().as(TRAINER, () -> trainers.recordExternal(null, person, "Certificaat gezien",
                today().plusYears(1)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx().as(LEAD_COEVORDEN, () -> trainers.recordExternal(null, person, " ", today())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsEntry("evidence", "validation.required").containsEntry("expiresOn", "trainers.expires-in-past"));

        QualificationId id = qualify(trainer, today().plusYears(2));
        assertThat(db.fetchExists(PERSONAL_DATA_AUDIT, PERSONAL_DATA_AUDIT.SUBJECT_ID.eq(person)
                .and(PERSONAL_DATA_AUDIT.ACTOR_ID.eq(fx().userId(LEAD_COEVORDEN)))
                .and(PERSONAL_DATA_AUDIT.DETAIL.eq("trainer-qualification-recorded:" + id.value() + ":" + today().plusYears(2)))))
                .isTrue();
        TrainerStatus status = statusOf(trainer);
        assertThat(status.source()).isEqualTo(Qualification.Source.EXTERNAL);
        assertThat(status.expiresOn()).isEqualTo(today().plusYears(2));
        assertThat(status.state()).isEqualTo(TrainerStatus.State.ACTIVE);
    }

    @Test
    void theTrainerPath_ModulesTrainTheTrainerSessionAndAFirstSessionBesideAQualifiedTrainer_Qualifies() {
        // A volunteer who does the path: trainer role (and so a municipality of their own) for the planning pages.
        String volunteer = fx().participants(1, "Vrijwilligerscentrale Coevorden").getFirst();
        var volunteerId = fx().userId(volunteer);
        db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, volunteerId).set(USER_ROLE.ROLE, "TRAINER").execute();
        db.update(APP_USER).set(APP_USER.MUNICIPALITY_ID, fx().municipality("Coevorden")).where(APP_USER.ID.eq(volunteerId)).execute();
        var demoTrainer = fx().userId(TRAINER);
        fx().as(volunteer, () -> {
            ModuleWalker walker = new ModuleWalker(training, catalog);
            walker.complete("herkennen", Audience.CHURCH);
            walker.complete("gesprek", Audience.CHURCH);
            walker.complete("doorverwijzen", Audience.CHURCH);
            walker.complete("trainer-worden", Audience.CHURCH);
        });
        // The train-the-trainer session: one with the trainer module, attended.
        SessionId ttt = fx().as(TRAINER, () -> sessions.create(SessionFixtures.draft("Train-de-trainer", 10, 3)
                .setModuleIds(Set.of("trainer-worden")).setTrainerIds(Set.of(demoTrainer))));
        fx().as(volunteer, () -> registrations.signUp(ttt));
        TrainingSession tttSession = fx().as(TRAINER, () -> sessions.get(ttt));
        clock.setTo(tttSession.startsAt().plusMinutes(10).toInstant());
        fx().as(TRAINER, () -> sessions.participants(ttt)).forEach(p ->
                fx().as(TRAINER, () -> sessions.markAttendance(p.registrationId(), Attendance.PRESENT)));
        var certificate = fx().as(volunteer, () -> certificates.mine()).stream().filter(c -> c.pathId().equals("trainer"))
                .findFirst().orElseThrow();
        // Verified, but not yet a qualified trainer: the first session is still to come.
        assertThat(verification.verify(certificate.code(), "203.0.113.7").found().orElseThrow().trainer().qualified()).isFalse();
        assertThat(statusOf(volunteer).state()).isEqualTo(TrainerStatus.State.CANDIDATE);

        // A candidate alone may not lead; beside a qualified trainer they may.
        assertThatThrownBy(() -> plan(TRAINER, "Alleen de kandidaat", 7, Set.of(volunteerId)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsEntry("trainers", "session.candidate-needs-qualified"));
        SessionId first = plan(TRAINER, "Eerste keer samen", 7, Set.of(volunteerId, demoTrainer));
        assertThat(jobs.qualifyCandidates()).as("not before the session took place").isZero();

        TrainingSession given = fx().as(TRAINER, () -> sessions.get(first));
        clock.setTo(given.endsAt().plusMinutes(1).toInstant());
        jobs.qualifyCandidates(); // the scheduled run may be first: the state below says what it did
        assertThat(jobs.qualifyCandidates()).as("once").isZero();
        LocalDate day = SessionTimes.local(given.startsAt()).toLocalDate();
        TrainerStatus status = statusOf(volunteer);
        assertThat(status.source()).isEqualTo(Qualification.Source.PATH);
        assertThat(status.qualifiedOn()).isEqualTo(day);
        // The municipality's validity (three years by default; another test here may have changed Coevorden's rule).
        int months = fx().as(LEAD_COEVORDEN, () -> trainers.rule(null)).validityMonths();
        assertThat(status.expiresOn()).isEqualTo(day.plusMonths(months).minusDays(1));
        assertThat(status.sessionsLed()).isEqualTo(1);
        var verified = verification.verify(certificate.code(), "203.0.113.7").found().orElseThrow().trainer();
        assertThat(verified.qualified()).isTrue();
        assertThat(verified.sessionsLed()).isEqualTo(1);
        // Now they lead on their own.
        assertThat(plan(TRAINER, "Nu alleen", 9, Set.of(volunteerId))).isNotNull();
    }

    @Test
    void theReminderGoesOnce_SixtyDaysBeforeExpiry() {
        String trainer = newTrainer();
        qualify(trainer, today().plusDays(100));
        assertThat(jobs.remindDue()).isZero();
        clock.advance(Duration.ofDays(41));
        jobs.remindDue(); // the scheduled run may be first: the one mail below says what it did
        assertThat(jobs.remindDue()).isZero();
        clock.advance(Duration.ofDays(10));
        assertThat(jobs.remindDue()).isZero();
        var mails = db.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(trainer)).fetch();
        assertThat(mails).singleElement().satisfies(m -> assertThat(m.getSubject()).startsWith("Je trainerskwalificatie loopt af op"));
        assertThat(statusOf(trainer).state()).isEqualTo(TrainerStatus.State.EXPIRING);
    }

    @Test
    void aTrainerWithFewerSessionsThanTheRuleIsNotActive_AndTheRuleIsTheMunicipalitys() {
        String trainer = newTrainer();
        qualify(trainer, today().plusYears(3));
        assertThat(statusOf(trainer).state()).as("qualified less than a year: not behind").isEqualTo(TrainerStatus.State.ACTIVE);
        clock.advance(Duration.ofDays(400));
        assertThat(statusOf(trainer).state()).isEqualTo(TrainerStatus.State.NOT_ACTIVE);
        fx().as(LEAD_COEVORDEN, () -> trainers.changeRule(null, 24, 0));
        assertThat(statusOf(trainer).state()).isEqualTo(TrainerStatus.State.ACTIVE);
        assertThat(fx().as(LEAD_COEVORDEN, () -> trainers.rule(null))).isEqualTo(new TrainerRule(24, 0, true));
        assertThat(fx().as(LEAD_TWENTERAND, () -> trainers.rule(null))).isEqualTo(new TrainerRule(36, 2, false));
        assertThatThrownBy(() -> fx().as(LEAD_COEVORDEN, () -> trainers.changeRule(null, 3, 60)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsEntry("validityMonths", "trainers.validity-range").containsEntry("minSessionsPerYear", "trainers.minimum-range"));
    }

    @Test
    void aQualificationEndingOnTheDayOfASessionWarnsWhenPlanning_ButDoesNotBlock() {
        String trainer = newTrainer();
        var id = fx().userId(trainer);
        qualify(trainer, today().plusDays(20));
        var onTheDay = SessionFixtures.draft("Op de laatste dag", 10, 20).setTrainerIds(Set.of(id));
        var before = SessionFixtures.draft("Ruim ervoor", 10, 10).setTrainerIds(Set.of(id));
        assertThat(fx().as(LEAD_COEVORDEN, () -> sessions.trainerWarnings(onTheDay)))
                .singleElement().satisfies(w -> assertThat(w.validUntil()).isEqualTo(today().plusDays(20)));
        assertThat(fx().as(LEAD_COEVORDEN, () -> sessions.trainerWarnings(before))).isEmpty();
        assertThat(fx().as(LEAD_COEVORDEN, () -> sessions.create(onTheDay))).isNotNull();
    }

    @Test
    void aTrainerLosingTheirQualification_KeepsTheirFutureSessions_AndTheLeadGetsAList() {
        String trainer = newTrainer();
        var id = fx().userId(trainer);
        qualify(trainer, today().plusDays(10));
        SessionId later = plan(LEAD_COEVORDEN, "Na het verlopen", 30, Set.of(id));
        SessionId sooner = plan(LEAD_COEVORDEN, "Voor het verlopen", 5, Set.of(id));
        List<LapsedTrainerSession> lapsed = fx().as(LEAD_COEVORDEN, () -> trainers.sessionsWithoutQualifiedTrainer(null));
        assertThat(lapsed).extracting(LapsedTrainerSession::sessionId).contains(later).doesNotContain(sooner);
        assertThat(lapsed).filteredOn(l -> l.sessionId().equals(later)).singleElement()
                .satisfies(l -> assertThat(l.validUntil()).isEqualTo(today().plusDays(10)));

        clock.advance(Duration.ofDays(12));
        assertThat(statusOf(trainer).state()).isEqualTo(TrainerStatus.State.EXPIRED);
        assertThat(fx().as(LEAD_COEVORDEN, () -> trainers.sessionsWithoutQualifiedTrainer(null)))
                .extracting(LapsedTrainerSession::sessionId).contains(later);
        // Nothing cancelled, and changing the session keeps the trainer it already had.
        TrainingSession session = fx().as(LEAD_COEVORDEN, () -> sessions.get(later));
        assertThat(session.isCancelled()).isFalse();
        assertThat(session.trainerIds()).containsExactly(id);
        fx().as(LEAD_COEVORDEN, () -> sessions.update(nl.omzien.sessions.SessionDraft.of(session).setTitle("Na het verlopen, nieuwe titel")));
        // But they can no longer be put on another one.
        assertThatThrownBy(() -> plan(LEAD_COEVORDEN, "Nieuw", 40, Set.of(id))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aTrainerSeesTheirOwnFigures_TheirGroupsConfidenceOnlyWithFiveOrMoreAnswers() {
        var attended = new nl.omzien.certificates.AttendedSessions(fx(), db, training, catalog, sessions, registrations);
        SessionId four = attended.run(fx().participants(4, "Bibliotheek Coevorden"));
        SessionId five = attended.run(fx().participants(5, "Bibliotheek Coevorden"));
        clock.advance(Duration.ofHours(2));
        List<SessionFiguresForTrainer> mine = fx().as(TRAINER, () -> trainers.mine()).sessions();
        SessionFiguresForTrainer small = mine.stream().filter(f -> f.sessionId().equals(four)).findFirst().orElseThrow();
        SessionFiguresForTrainer enough = mine.stream().filter(f -> f.sessionId().equals(five)).findFirst().orElseThrow();
        assertThat(small.present()).isEqualTo(4);
        assertThat(small.confidenceAnswered()).isEqualTo(4);
        assertThat(small.confidenceBefore()).isNull();
        assertThat(small.confidenceAfter()).isNull();
        assertThat(enough.present()).isEqualTo(5);
        assertThat(enough.places()).isEqualTo(5);
        // The walker answers 3-3-3 before and 4-4-4 after.
        assertThat(enough.confidenceBefore()).isEqualTo(3.0);
        assertThat(enough.confidenceAfter()).isEqualTo(4.0);
        // Another trainer does not see them.
        String other = newTrainer();
        qualify(other, today().plusYears(1));
        assertThat(fx().as(other, () -> trainers.mine()).sessions()).isEmpty();
    }
}
