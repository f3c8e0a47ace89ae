package nl.omzien.people;

import nl.omzien.base.InvalidInputException;
import nl.omzien.security.Role;
import nl.omzien.test.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Server-side checks in the services, independent of what the views show. */
class AccountAdministrationTest extends KaribuTest {

    @Autowired
    UserAccountService users;
    @Autowired
    OrganisationService organisations;

    private Organisation organisationIn(String municipality) {
        signInAs(ADMIN);
        return organisations.visible().stream().filter(o -> o.municipalityName().equals(municipality))
                .findFirst().orElseThrow();
    }

    private static UserDraft newPerson(String name, String email, Organisation organisation) {
        UserDraft draft = new UserDraft();
        draft.setFullName(name);
        draft.setEmail(email);
        draft.setOrganisation(organisation);
        draft.setNewPassword("een-lang-wachtwoord");
        return draft;
    }

    @Test
    void leadCannotAddAPersonToAnotherMunicipality() {
        Organisation twenterand = organisationIn("Twenterand");
        signInAs(LEAD_COEVORDEN);
        UserDraft draft = newPerson("Piet Test", "piet.test@example.org", twenterand);
        assertThatThrownBy(() -> users.save(draft)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void leadCannotGrantAdmin() {
        Organisation coevorden = organisationIn("Coevorden");
        signInAs(LEAD_COEVORDEN);
        UserDraft draft = newPerson("Anna Admin", "anna.admin@example.org", coevorden);
        draft.setRoles(EnumSet.of(Role.PARTICIPANT, Role.ADMIN));
        assertThatThrownBy(() -> users.save(draft)).isInstanceOf(AccessDeniedException.class);
        assertThat(users.assignableRoles()).doesNotContain(Role.ADMIN);
    }

    @Test
    void leadSeesOnlyPeopleOfOwnMunicipality() {
        signInAs(LEAD_TWENTERAND);
        assertThat(users.visible()).isNotEmpty()
                .allSatisfy(account -> assertThat(account.municipalityName()).isEqualTo("Twenterand"));
    }

    @Test
    void duplicateEmailIsRejectedCaseInsensitively() {
        Organisation coevorden = organisationIn("Coevorden");
        UserDraft draft = newPerson("Tweede Trainer", "TRAINER@omzien.example", coevorden);
        assertThatThrownBy(() -> users.save(draft)).isInstanceOfSatisfying(InvalidInputException.class,
                problem -> assertThat(problem.errors()).containsEntry("email", "user.email-taken"));
    }

    @Test
    void namesWithControlCharactersOrBidiOverridesAreRefusedAtTheFieldNotWithAnError() {
        Organisation coevorden = organisationIn("Coevorden");
        assertThatThrownBy(() -> users.save(newPerson("Piet\u0000Test", "piet.nul@example.org", coevorden)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        problem -> assertThat(problem.errors()).containsEntry("fullName", "validation.control-characters"));
        assertThatThrownBy(() -> users.save(newPerson("Anna \u202Ekeets", "anna.rlo@example.org", coevorden)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        problem -> assertThat(problem.errors()).containsEntry("fullName", "validation.control-characters"));
        assertThatThrownBy(() -> users.save(newPerson("Piet Test", "piet\u0000@example.org", coevorden)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        problem -> assertThat(problem.errors()).containsEntry("email", "validation.email"));

        OrganisationDraft organisation = new OrganisationDraft();
        organisation.setMunicipality(new Municipality(coevorden.municipalityId(), coevorden.municipalityName()));
        organisation.setSector(coevorden.sector());
        organisation.setName("Kapsalon\u0000Knip");
        organisation.setVillage("Dalen\u2067");
        assertThatThrownBy(() -> organisations.save(organisation)).isInstanceOfSatisfying(InvalidInputException.class,
                problem -> assertThat(problem.errors()).containsEntry("name", "validation.control-characters")
                        .containsEntry("village", "validation.control-characters"));
    }

    @Test
    void participantCannotCallAdministration() {
        signInAs(PARTICIPANT);
        assertThatThrownBy(() -> users.visible()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> organisations.save(new OrganisationDraft())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aPersonAddedElsewhereShowsWhenTheLeadOpensThePeopleListAgain() {
        Organisation coevorden = organisationIn("Coevorden");
        signInAs(LEAD_COEVORDEN);
        open("gebruikers");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<UserAccount> grid = com.github.mvysny.kaributesting.v10.LocatorJ._get(
                com.vaadin.flow.component.grid.Grid.class);
        int before = com.github.mvysny.kaributesting.v10.GridKt._size(grid);

        UserDraft draft = newPerson("Gerrit Nieuwkomer", "gerrit.nieuwkomer@example.org", coevorden);
        draft.setRoles(EnumSet.of(Role.PARTICIPANT));
        users.save(draft);
        open("gebruikers");
        // The grid found before: the open view is reused, and its list is read anew.
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(grid)).isEqualTo(before + 1);
    }
}
