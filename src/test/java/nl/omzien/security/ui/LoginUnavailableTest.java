package nl.omzien.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import nl.omzien.test.KaribuTest;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17: when the database fails during sign-in, the page says so instead of showing the form again without a word. */
class LoginUnavailableTest extends KaribuTest {

    @Test
    void theSignInPageSaysTheServiceIsTemporarilyUnavailableInDutchAndEnglish() {
        UI.getCurrent().navigate("login", QueryParameters.of("unavailable", ""));
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(shownTexts(form)).contains("Omzien is even niet bereikbaar", "Het ligt niet aan jou: er is een storing.");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("login", QueryParameters.of("unavailable", ""));
        form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(shownTexts(form)).contains("Omzien is temporarily unavailable", "It is not your fault");
    }

    /** The texts the form's web component receives (its i18n property). */
    private static String shownTexts(LoginForm form) {
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }
}
