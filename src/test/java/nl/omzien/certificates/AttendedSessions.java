package nl.omzien.certificates;

import nl.omzien.base.PersonId;

import nl.omzien.sessions.SessionId;
import nl.omzien.people.Audience;
import nl.omzien.sessions.Attendance;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionService;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.ModuleWalker;
import nl.omzien.training.TrainingService;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;
import static nl.omzien.test.IntegrationTest.TRAINER;

/**
 * A group session run by the demo trainer (Peter Bakker) that started 30 minutes ago, where everyone
 * given did both modules, signed up and was marked present: so each earned "signaleerder met training".
 */
public record AttendedSessions(SessionFixtures fx, DSLContext db, TrainingService training, ModuleCatalog catalog,
                               SessionService sessions, RegistrationService registrations) {

    public SessionId run(List<String> people) {
        return run(people, Set.of());
    }

    /** The same, with a session about these modules (a train-the-trainer session covers trainer-worden). */
    public SessionId run(List<String> people, Set<String> moduleIds) {
        PersonId trainer = fx.userId(TRAINER);
        var draft = SessionFixtures.draft("Signaleren in de praktijk", 8, 3).setTrainerIds(Set.of(trainer));
        if (!moduleIds.isEmpty()) {
            draft.setModuleIds(moduleIds);
        }
        SessionId session = fx.as(TRAINER, () -> sessions.create(draft));
        ModuleWalker walker = new ModuleWalker(training, catalog);
        for (String person : people) {
            fx.as(person, () -> {
                walker.complete("herkennen", Audience.SHOP);
                walker.complete("gesprek", Audience.SHOP);
                walker.complete("doorverwijzen", Audience.SHOP);
                registrations.signUp(session);
            });
        }
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30);
        db.update(TRAINING_SESSION).set(TRAINING_SESSION.REGISTRATION_DEADLINE, start).set(TRAINING_SESSION.STARTS_AT, start)
                .set(TRAINING_SESSION.ENDS_AT, start.plusMinutes(90)).where(TRAINING_SESSION.ID.eq(session)).execute();
        fx.as(TRAINER, () -> sessions.participants(session)).forEach(p ->
                fx.as(TRAINER, () -> sessions.markAttendance(p.registrationId(), Attendance.PRESENT)));
        return session;
    }
}
