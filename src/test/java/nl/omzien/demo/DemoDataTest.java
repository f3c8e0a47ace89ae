package nl.omzien.demo;

import nl.omzien.base.PersonId;

import nl.omzien.sessions.SessionId;
import nl.omzien.test.IntegrationTest;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.TreeMap;

import static nl.omzien.onboarding.internal.db.Tables.ORGANISATION_INVITE;
import static nl.omzien.onboarding.internal.db.Tables.SESSION_INVITE;
import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.ORGANISATION;
import static nl.omzien.privacy.internal.db.Tables.PERSONAL_DATA_AUDIT;
import static nl.omzien.sessions.internal.db.Tables.REGISTRATION;
import static nl.omzien.sessions.internal.db.Tables.SESSION_TRAINER;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

/** The parts of the story that get what they need from earlier parts, and the story told twice. */
class DemoDataTest extends IntegrationTest {

    @Autowired
    DemoData story;
    @Autowired
    DSLContext db;

    @Test
    void everyDemoOrganisationAndSessionHasAnInviteLink() {
        assertThat(db.fetchCount(ORGANISATION_INVITE)).isEqualTo(db.fetchCount(ORGANISATION)).isEqualTo(13);
        assertThat(db.fetchCount(SESSION_INVITE)).isEqualTo(db.fetchCount(TRAINING_SESSION)).isPositive();
    }

    @Test
    void theStaffLogShowsTheTrainerOnTheirOwnParticipantListsAndTheLeadOnTheParticipantsAccount() {
        PersonId trainer = idOf(TRAINER);
        var onLists = db.selectFrom(PERSONAL_DATA_AUDIT).where(PERSONAL_DATA_AUDIT.ACTOR_ID.eq(trainer)).fetch();
        assertThat(onLists).hasSize(6).allSatisfy(entry -> {
            SessionId session = SessionId.of(Long.parseLong(entry.getDetail().substring("session-participants:".length())));
            assertThat(db.fetchExists(SESSION_TRAINER, SESSION_TRAINER.SESSION_ID.eq(session), SESSION_TRAINER.USER_ID.eq(trainer))).isTrue();
            assertThat(db.fetchExists(REGISTRATION, REGISTRATION.SESSION_ID.eq(session), REGISTRATION.USER_ID.eq(entry.getSubjectId()))).isTrue();
        });
        assertThat(db.selectFrom(PERSONAL_DATA_AUDIT).where(PERSONAL_DATA_AUDIT.ACTOR_ID.eq(idOf(LEAD_COEVORDEN))).fetch())
                .singleElement().satisfies(entry -> {
                    assertThat(entry.getSubjectId()).isEqualTo(idOf(PARTICIPANT));
                    assertThat(entry.getDetail()).isEqualTo("user-administration");
                });
    }

    @Test
    void tellingTheStoryAgainOnTheSameDatabaseAddsNothing() {
        Map<String, Integer> before = rowsPerTable();
        story.run(null);
        assertThat(rowsPerTable()).isEqualTo(before);
    }

    private PersonId idOf(String email) {
        return db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchSingle(APP_USER.ID);
    }

    private Map<String, Integer> rowsPerTable() {
        Map<String, Integer> rows = new TreeMap<>();
        db.fetch("select table_schema, table_name from information_schema.tables where table_type = 'BASE TABLE'"
                        + " and table_schema in ('people', 'security', 'onboarding', 'training', 'sessions', 'certificates',"
                        + " 'contacts', 'privacy', 'dashboard')")
                .forEach(r -> rows.put(r.get(0, String.class) + "." + r.get(1, String.class),
                        db.fetchCount(DSL.table(DSL.name(r.get(0, String.class), r.get(1, String.class))))));
        assertThat(rows).containsKeys("people.app_user", "sessions.registration", "privacy.personal_data_audit");
        return rows;
    }
}
