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

    @Test
    void leadCannotAddAPersonToAnotherMunicipality() {
        Organisation twenterand = organisationIn("Twenterand");
        signInAs(LEAD_COEVORDEN);
        UserDraft draft = new UserDraft();
        draft.setFullName("Piet Test");
        draft.setEmail("piet.test@example.org");
        draft.setOrganisation(twenterand);
        draft.setNewPassword("een-lang-wachtwoord");
        assertThatThrownBy(() -> users.save(draft)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void leadCannotGrantAdmin() {
        Organisation coevorden = organisationIn("Coevorden");
        signInAs(LEAD_COEVORDEN);
        UserDraft draft = new UserDraft();
        draft.setFullName("Anna Admin");
        draft.setEmail("anna.admin@example.org");
        draft.setOrganisation(coevorden);
        draft.setRoles(EnumSet.of(Role.PARTICIPANT, Role.ADMIN));
        draft.setNewPassword("een-lang-wachtwoord");
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
        UserDraft draft = new UserDraft();
        draft.setFullName("Tweede Trainer");
        draft.setEmail("TRAINER@omzien.example");
        draft.setOrganisation(coevorden);
        draft.setNewPassword("een-lang-wachtwoord");
        assertThatThrownBy(() -> users.save(draft)).isInstanceOfSatisfying(InvalidInputException.class,
                problem -> assertThat(problem.errors()).containsEntry("email", "user.email-taken"));
    }

    @Test
    void participantCannotCallAdministration() {
        signInAs(PARTICIPANT);
        assertThatThrownBy(() -> users.visible()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> organisations.save(new OrganisationDraft())).isInstanceOf(AccessDeniedException.class);
    }
}
