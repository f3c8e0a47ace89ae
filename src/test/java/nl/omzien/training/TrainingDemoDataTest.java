package nl.omzien.training;

import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.stream.Collectors;

import static nl.omzien.training.internal.db.Tables.FOLLOW_UP;
import static nl.omzien.training.internal.db.Tables.MODULE_ATTEMPT;
import static org.assertj.core.api.Assertions.assertThat;

class TrainingDemoDataTest extends KaribuTest {

    @Autowired
    TrainingService training;
    @Autowired
    DSLContext db;

    @Test
    void theDemoParticipantHasOneModuleDoneOneHalfwayAndOthersHaveHistory() {
        signInAs(PARTICIPANT);
        assertThat(training.myModules()).extracting(o -> o.module().id()).as("in the order to take them")
                .startsWith("herkennen", "gesprek", "doorverwijzen");
        Map<String, ModuleOverview> mine = training.myModules().stream()
                .collect(Collectors.toMap(o -> o.module().id(), o -> o));
        assertThat(mine.get("herkennen").status()).isEqualTo(ModuleOverview.Status.COMPLETED);
        assertThat(mine.get("herkennen").score()).isBetween(50, 100);
        assertThat(mine.get("gesprek").status()).isEqualTo(ModuleOverview.Status.IN_PROGRESS);
        assertThat(mine.get("gesprek").percent()).isBetween(1, 99);
        assertThat(mine.get("doorverwijzen").status()).isEqualTo(ModuleOverview.Status.NOT_STARTED);

        Attempt halfway = training.openAttempt("gesprek").orElseThrow();
        assertThat(training.selfAssessment(halfway.id(), false)).isPresent();

        assertThat(db.fetchCount(MODULE_ATTEMPT, MODULE_ATTEMPT.COMPLETED_AT.isNotNull())).isGreaterThanOrEqualTo(15);
        assertThat(db.fetchCount(FOLLOW_UP, FOLLOW_UP.ANSWERED_AT.isNotNull(), FOLLOW_UP.STORY.isNotNull())).isPositive();
    }
}
