package nl.omzien.base.ui;

import com.vaadin.flow.component.sidenav.SideNavItem;
import nl.omzien.certificates.ui.ColleaguesView;
import nl.omzien.people.ui.MunicipalitiesView;
import nl.omzien.people.ui.OrganisationsView;
import nl.omzien.people.ui.UsersView;
import nl.omzien.security.ui.LoginView;
import nl.omzien.test.KaribuTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NavigationByRoleTest extends KaribuTest {

    private List<String> menuPaths() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getPath).toList();
    }

    @Test
    void trainerSeesOrganisationsButNoAdministration() {
        signInAs(TRAINER);
        open("");
        assertThat(menuPaths()).contains("", "organisaties").doesNotContain("gebruikers", "gemeenten", "mijn-organisatie");
    }

    @Test
    void adminSeesAdministration() {
        signInAs(ADMIN);
        open("");
        assertThat(menuPaths()).contains("organisaties", "gebruikers", "gemeenten");
    }

    @Test
    void coalitionLeadManagesOrganisationsAndUsersButNotMunicipalities() {
        signInAs(LEAD_COEVORDEN);
        open("");
        assertThat(menuPaths()).contains("organisaties", "gebruikers").doesNotContain("gemeenten");
    }

    @Test
    void organisationContactSeesColleaguesOnly() {
        signInAs(ORG_CONTACT);
        open("");
        assertThat(menuPaths()).contains("mijn-organisatie").doesNotContain("organisaties", "gebruikers", "gemeenten");
        open("mijn-organisatie");
        _assertOne(ColleaguesView.class);
    }

    @ParameterizedTest(name = "participant typing /{0} gets the not-found page")
    @CsvSource({"gebruikers", "gemeenten", "organisaties", "mijn-organisatie"})
    void participantCannotOpenStaffRoutesByUrl(String route) {
        signInAs(PARTICIPANT);
        // Karibu reports the server's refusal as an exception; in a browser it is the not-found page
        // (SignInJourneyTest proves that).
        assertThatThrownBy(() -> open(route)).isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
        _assertNone(UsersView.class);
        _assertNone(MunicipalitiesView.class);
        _assertNone(OrganisationsView.class);
        _assertNone(ColleaguesView.class);
    }

    @Test
    void trainerCannotOpenUserAdministrationByUrl() {
        signInAs(TRAINER);
        assertThatThrownBy(() -> open("gebruikers")).isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
        _assertNone(UsersView.class);
    }

    @Test
    void anonymousVisitorIsSentToLogin() {
        open("organisaties");
        _assertOne(LoginView.class);
        _assertNone(OrganisationsView.class);
    }
}
