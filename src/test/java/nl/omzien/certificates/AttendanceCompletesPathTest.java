package nl.omzien.certificates;

import nl.omzien.base.PersonId;
import nl.omzien.sessions.RegistrationId;
import nl.omzien.sessions.SessionId;
import nl.omzien.people.Audience;
import nl.omzien.sessions.Attendance;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionService;
import nl.omzien.test.IntegrationTest;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.ModuleWalker;
import nl.omzien.training.TrainingService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Being marked present at a group session, after both modules, completes "signaleerder met training"
 * in the marking transaction: whether a trainer marks it or the participant checks in with the QR code.
 */
class AttendanceCompletesPathTest extends IntegrationTest {

    private static final String WITH_TRAINING = "signaleerder-met-training";

    @Autowired
    TrainingService training;
    @Autowired
    ModuleCatalog catalog;
    @Autowired
    SessionService sessions;
    @Autowired
    RegistrationService registrations;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    DSLContext db;

    private int certificates(PersonId userId, String pathId) {
        return db.fetchCount(CERTIFICATE, CERTIFICATE.USER_ID.eq(userId), CERTIFICATE.PATH_ID.eq(pathId));
    }

    /** A session that started 30 minutes ago, with the given people signed up. */
    private SessionId runningSessionWith(SessionFixtures fx, List<String> people) {
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Signaleren in de praktijk", 5, 3)));
        people.forEach(person -> fx.as(person, () -> registrations.signUp(session)));
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30);
        db.update(TRAINING_SESSION).set(TRAINING_SESSION.REGISTRATION_DEADLINE, start).set(TRAINING_SESSION.STARTS_AT, start)
                .set(TRAINING_SESSION.ENDS_AT, start.plusMinutes(90)).where(TRAINING_SESSION.ID.eq(session)).execute();
        return session;
    }

    private void completeBothModules(SessionFixtures fx, String person) {
        ModuleWalker walker = new ModuleWalker(training, catalog);
        fx.as(person, () -> {
            walker.complete("herkennen", Audience.SHOP);
            walker.complete("gesprek", Audience.SHOP);
            walker.complete("doorverwijzen", Audience.SHOP);
        });
    }

    @Test
    void aTrainerMarkingSomeonePresentCompletesTheTrainingPathOnce() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        String person = fx.participants(1, "Supermarkt De Brink").getFirst();
        PersonId me = fx.userId(person);
        completeBothModules(fx, person);
        assertThat(certificates(me, "signaleerder")).isEqualTo(1);
        assertThat(certificates(me, WITH_TRAINING)).as("needs attendance").isZero();

        SessionId session = runningSessionWith(fx, List.of(person));
        RegistrationId registration = fx.as(TRAINER, () -> sessions.participants(session)).getFirst().registrationId();
        fx.as(TRAINER, () -> sessions.markAttendance(registration, Attendance.PRESENT));
        fx.as(TRAINER, () -> sessions.markAttendance(registration, Attendance.PRESENT));

        assertThat(certificates(me, WITH_TRAINING)).isEqualTo(1);
    }

    @Test
    void aParticipantsOwnQrCheckInCompletesItTooButAttendanceAloneDoesNot() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        List<String> people = fx.participants(2, "Supermarkt De Brink");
        completeBothModules(fx, people.get(0));
        SessionId session = runningSessionWith(fx, people);
        String link = fx.as(TRAINER, () -> sessions.newCheckInCode(session)).link();
        String token = link.substring(link.lastIndexOf('/') + 1);

        assertThat(fx.as(people.get(0), () -> sessions.checkIn(token))).isEqualTo(SessionService.CheckInResult.CHECKED_IN);
        assertThat(fx.as(people.get(1), () -> sessions.checkIn(token))).isEqualTo(SessionService.CheckInResult.CHECKED_IN);

        assertThat(certificates(fx.userId(people.get(0)), WITH_TRAINING)).isEqualTo(1);
        assertThat(certificates(fx.userId(people.get(1)), WITH_TRAINING)).as("no modules done").isZero();
    }
}
