package nl.omzien.privacy.ui;

import nl.omzien.base.PersonId;

import nl.omzien.sessions.SessionId;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.QueryParameters;
import nl.omzien.privacy.AuditEntry;
import nl.omzien.privacy.AuditLogService;
import nl.omzien.privacy.OwnDataService;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionService;
import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin's page of staff actions on personal data. */
class AuditLogViewTest extends KaribuTest {

    @Autowired DSLContext db;
    @Autowired UserDetailsService accounts;
    @Autowired SessionService sessions;
    @Autowired RegistrationService registrations;
    @Autowired AuditLogService auditLog;
    @Autowired OwnDataService ownData;

    @Test
    @SuppressWarnings("unchecked")
    void anAdminSeesWhichTrainerOpenedAPersonsDataFilteredOnThatPerson() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        String person = fx.participants(1, "Supermarkt De Brink").getFirst();
        PersonId id = fx.userId(person);
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Signaleren in de praktijk", 5, 4)));
        fx.as(person, () -> registrations.signUp(session));
        fx.as(TRAINER, () -> sessions.participants(session));
        fx.as(TRAINER, () -> sessions.participants(session));

        signInAs(ADMIN);
        UI.getCurrent().navigate("logboek-persoonsgegevens", QueryParameters.of("persoon", String.valueOf(id)));
        Grid<AuditEntry> grid = _get(Grid.class);
        List<List<String>> rows = IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i)).toList();
        assertThat(rows).as("the same look twice in a row is one entry").hasSize(1);
        assertThat(rows.getFirst()).contains("Bekeken", "Deelnemerslijst van bijeenkomst " + session)
                .anySatisfy(cell -> assertThat(cell).startsWith("Peter Bakker").contains("(#" + fx.userId(TRAINER) + ")"))
                .anySatisfy(cell -> assertThat(cell).contains("(#" + id + ")"));
    }

    /** The names come from the people feature (privacy keeps only ids), looked up as the log is read. */
    @Test
    void theLogFindsAPersonByPartOfTheirAddressWithNamesAndADeletedPersonOnlyByNumberWithout() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        String person = fx.participants(1, "Supermarkt De Brink").getFirst();
        PersonId id = fx.userId(person);
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Signaleren in de praktijk", 5, 4)));
        fx.as(person, () -> registrations.signUp(session));
        fx.as(TRAINER, () -> sessions.participants(session));
        String part = person.substring(0, person.indexOf('@')).toUpperCase();

        List<AuditEntry> found = fx.as(ADMIN, () -> auditLog.entries(part));
        assertThat(found).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.subjectId()).isEqualTo(id);
            assertThat(entry.subjectName()).isNotBlank().isNotEqualTo("Verwijderd account");
        }).anySatisfy(entry -> assertThat(entry.actorName()).isEqualTo("Peter Bakker"));
        assertThat(fx.as(ADMIN, () -> auditLog.entries("no such person anywhere"))).isEmpty();

        fx.as(ADMIN, () -> ownData.delete(id));
        assertThat(fx.as(ADMIN, () -> auditLog.entries(part))).as("a deleted person is not found by address").isEmpty();
        assertThat(fx.as(ADMIN, () -> auditLog.entries("#" + id))).as("but by number, without a name")
                .allSatisfy(entry -> assertThat(entry.subjectName()).isNull())
                .anySatisfy(entry -> assertThat(entry.action()).isEqualTo("DELETED"));
    }

    @Test
    void onlyAnAdminCanOpenTheLog() {
        signInAs(LEAD_COEVORDEN);
        assertThatThrownBy(() -> open("logboek-persoonsgegevens")).isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
    }
}
