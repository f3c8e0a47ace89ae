package nl.omzien.certificates;

import nl.omzien.people.Audience;
import nl.omzien.sessions.SessionAttended;
import nl.omzien.test.KaribuTest;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.ModuleWalker;
import nl.omzien.training.TrainingService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.List;

import static nl.omzien.db.Tables.APP_USER;
import static nl.omzien.db.Tables.CERTIFICATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sessions feature publishes {@link SessionAttended} when someone is first marked present (by a
 * trainer, a lead or their own QR check-in); that completes "signaleerder met training" in the same transaction.
 */
class AttendanceCompletesPathTest extends KaribuTest {

    @Autowired
    TrainingService training;
    @Autowired
    ModuleCatalog catalog;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    DSLContext db;

    private int certificates(long userId, String pathId) {
        return db.fetchCount(CERTIFICATE, CERTIFICATE.USER_ID.eq(userId), CERTIFICATE.PATH_ID.eq(pathId));
    }

    @Test
    void attendanceAfterBothModulesGivesTheTrainingPathOnceWithoutAnyStaffSignedIn() {
        String email = "ilse.ter.horst@demo.example";
        long me = db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchSingle(APP_USER.ID);
        signInAs(email);
        ModuleWalker walker = new ModuleWalker(training, catalog);
        walker.complete("herkennen", Audience.PROFESSIONAL);
        walker.complete("gesprek", Audience.PROFESSIONAL);
        assertThat(certificates(me, "signaleerder")).isPositive();
        assertThat(certificates(me, "signaleerder-met-training")).as("needs attendance").isZero();

        // A QR check-in runs as the participant; a trainer's marking as the trainer. Neither is refused here.
        SessionAttended attended = new SessionAttended(me, 424242L, List.of("herkennen", "gesprek"),
                OffsetDateTime.now().minusHours(1), OffsetDateTime.now());
        transaction.executeWithoutResult(status -> events.publishEvent(attended));
        SecurityContextHolder.clearContext();
        transaction.executeWithoutResult(status -> events.publishEvent(attended));

        assertThat(certificates(me, "signaleerder-met-training")).isEqualTo(1);
    }
}
