package nl.omzien.security;

import nl.omzien.people.UserAccountService;
import nl.omzien.people.ui.UsersView;
import nl.omzien.test.KaribuTest;
import nl.omzien.training.TrainingService;
import nl.omzien.training.ui.MyTrainingView;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

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
