package nl.omzien.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.internal.BeforeEnterHandler;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import nl.omzien.people.UserAccountService;
import nl.omzien.security.internal.RoleCheckingNavigationAccessControl;
import nl.omzien.people.ui.UsersView;
import nl.omzien.test.KaribuTest;
import nl.omzien.training.TrainingService;
import nl.omzien.training.ui.MyTrainingView;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Views carry {@code @RolesAllowed} for Vaadin's navigation check only; method security stays on the
 * services (decision 021). A proxied view costs CPU at every navigation and guards nothing extra.
 */
class ViewsAreNotProxiesTest extends KaribuTest {

    @Autowired
    UserAccountService accounts;
    @Autowired
    TrainingService training;

    @Test
    void aViewIsThePlainClassNotASpringProxy() {
        signInAs(PARTICIPANT);
        open("mijn-training");
        MyTrainingView view = _get(MyTrainingView.class);
        assertThat(AopUtils.isAopProxy(view)).isFalse();
        assertThat(view.getClass()).isEqualTo(MyTrainingView.class);
    }

    @Test
    void aViewForOtherRolesIsStillRefusedOnTheServer() {
        signInAs(PARTICIPANT);
        // Vaadin's navigation check on the server (Karibu reports its access-denied route as this exception)
        assertThatThrownBy(() -> open("gebruikers")).isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
        _assertNone(UsersView.class);
    }

    /**
     * Vaadin's own check looks the role prefix holder up through a class path scan at every check; the app's
     * check is given it once. The UI's navigation check, which also decides the menu, must be the app's, and
     * it must still decide: each person sees the views of their role.
     */
    @Test
    void theNavigationCheckIsTheOneWithoutALookupPerCheckAndStillDecidesByRole() {
        signInAs(PARTICIPANT);
        open("mijn-training");
        List<Object> checks = UI.getCurrent().getInternals().getListeners(BeforeEnterHandler.class).stream()
                .filter(NavigationAccessControl.class::isInstance).map(Object.class::cast).toList();
        assertThat(checks).hasSize(1).allMatch(RoleCheckingNavigationAccessControl.class::isInstance);
        assertThat(menu()).contains("mijn-training").doesNotContain("gebruikers");
        assertThatThrownBy(() -> open("gebruikers")).isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);

        signInAs(ADMIN);
        open("gebruikers");
        assertThat(menu()).contains("gebruikers");
    }

    private static List<String> menu() {
        return _get(SideNav.class).getItems().stream().map(SideNavItem::getPath).toList();
    }

    @Test
    void servicesKeepTheirRoleChecks() {
        assertThat(AopUtils.isAopProxy(accounts)).isTrue();
        signInAs(PARTICIPANT);
        assertThatThrownBy(() -> accounts.visible()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void permitAllOnAServiceLetsTheCallThroughAndTheServiceAsksForThePerson() {
        // As before (background jobs call @PermitAll services without a person); the service itself refuses
        assertThatThrownBy(() -> training.myModules()).isInstanceOf(AccessDeniedException.class).hasMessage("Not signed in");
    }
}
