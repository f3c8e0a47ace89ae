package nl.omzien.sessions;

import nl.omzien.test.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A newcomer sees living sessions: past ones with attendance, upcoming ones with sign-ups and a waitlist. */
class SessionsDemoDataTest extends IntegrationTest {

    @Autowired
    private SessionService sessions;
    @Autowired
    private RegistrationService registrations;
    @Autowired
    private DSLContext db;
    @Autowired
    private UserDetailsService accounts;

    @Test
    void bothDemoMunicipalitiesHavePastAndUpcomingSessions() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        List<TrainingSession> all = fx.as(ADMIN, () -> sessions.visible(true));
        for (String municipality : List.of("Coevorden", "Twenterand")) {
            List<TrainingSession> here = all.stream().filter(s -> s.municipalityName().equals(municipality)).toList();
            assertThat(here).anySatisfy(s -> assertThat(s.startsAt()).isBefore(java.time.OffsetDateTime.now()));
            assertThat(here).anySatisfy(s -> {
                assertThat(s.startsAt()).isAfter(java.time.OffsetDateTime.now());
                assertThat(s.confirmed()).isPositive();
            });
        }
        TrainingSession past = all.stream().filter(s -> s.title().equals("Signalen herkennen")
                && s.municipalityName().equals("Coevorden") && s.startsAt().isBefore(java.time.OffsetDateTime.now()))
                .findFirst().orElseThrow();
        assertThat(fx.as(TRAINER, () -> sessions.participants(past.id()))).filteredOn(p -> p.attendance() == Attendance.PRESENT).hasSize(7);
        // Issue 20: one of them is Gerda Meijer, added at the door without e-mail, with a paper evaluation.
        assertThat(fx.as(TRAINER, () -> sessions.participants(past.id())))
                .anySatisfy(p -> {
                    assertThat(p.fullName()).isEqualTo("Gerda Meijer");
                    assertThat(p.email()).isNull();
                    assertThat(p.attendance()).isEqualTo(Attendance.PRESENT);
                });
        assertThat(fx.as(TRAINER, () -> sessions.evaluations(past.id())).answers()).isEqualTo(4);
        assertThat(all).anySatisfy(s -> assertThat(s.waitlisted()).isPositive());
        assertThat(fx.as(PARTICIPANT, () -> registrations.mine())).isNotEmpty();
    }
}
