package nl.omzien.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import nl.omzien.security.internal.TotpCodes;
import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The security settings page (profiel/beveiliging), browserless on the real services and database. */
class SecuritySettingsViewTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    TotpCodes totp;
    @Autowired
    StaffSecondFactorService secondFactor;

    @Test
    void aTrainerSetsUpTheAppWithTheQrCodeAndAFirstCodeAndSeesTenRecoveryCodesOnce() {
        var trainer = TestStaff.create(db, passwords, Role.TRAINER);
        signInAs(trainer.email());
        open("profiel/beveiliging");
        assertThat(_get(Paragraph.class, spec -> spec.withId("totp-status")).getText()).startsWith("Staat uit.");

        _click(_get(Button.class, spec -> spec.withId("totp-start")));
        Image qr = _get(Image.class, spec -> spec.withId("totp-qr"));
        assertThat(qr.getSrc()).startsWith("data:image/svg+xml;base64,");
        assertThat(qr.getAlt()).hasValue("QR-code om Omzien toe te voegen aan je app");
        String secret = _get(Span.class, spec -> spec.withId("totp-secret")).getText().replace(" ", "");
        assertThat(secret).matches("[A-Z2-7]{32}");

        TextField code = _get(TextField.class, spec -> spec.withId("totp-code"));
        code.setValue("12345");
        _click(_get(Button.class, spec -> spec.withId("totp-confirm")));
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).isEqualTo("Deze code klopt niet. Typ de nieuwste code uit de app.");
        assertThat(secondFactor.status().enabled()).isFalse();

        code.setValue(totp.codeFor(secret, totp.currentStep()));
        _click(_get(Button.class, spec -> spec.withId("totp-confirm")));
        assertThat(_find(_get(UnorderedList.class, spec -> spec.withId("recovery-codes")), ListItem.class)).hasSize(10);
        assertThat(secondFactor.status().enabled()).isTrue();

        _click(_get(Button.class, spec -> spec.withId("recovery-codes-done")));
        _assertNone(UnorderedList.class, spec -> spec.withId("recovery-codes"));
        _assertNone(Span.class, spec -> spec.withId("totp-secret"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("totp-status")).getText()).startsWith("Staat aan sinds")
                .contains("nog 10 herstelcodes");
    }

    @Test
    void aTrainerSwitchesTheAppOffOnlyWithARightCode() {
        var trainer = TestStaff.create(db, passwords, Role.TRAINER);
        signInAs(trainer.email());
        var enrolment = secondFactor.startEnrolment();
        var recovery = secondFactor.confirmEnrolment(enrolment, totp.codeFor(enrolment.secret(), totp.currentStep())).orElseThrow();
        open("profiel/beveiliging");

        TextField code = _get(TextField.class, spec -> spec.withId("totp-disable-code"));
        code.setValue("000000");
        _click(_get(Button.class, spec -> spec.withId("totp-disable")));
        assertThat(code.isInvalid()).isTrue();
        assertThat(secondFactor.status().enabled()).isTrue();

        code.setValue(recovery.get(3));
        _click(_get(Button.class, spec -> spec.withId("totp-disable")));
        assertThat(secondFactor.status().enabled()).isFalse();
        assertThat(_get(Paragraph.class, spec -> spec.withId("totp-status")).getText()).startsWith("Staat uit.");
    }

    @Test
    void anAdminSeesTheAppIsRequiredAndCannotSwitchItOffEvenThroughTheService() {
        signInAs(ADMIN);
        open("profiel/beveiliging");
        assertThat(_get(Paragraph.class, spec -> spec.withId("totp-status")).getText()).startsWith("Staat aan sinds");
        _assertNone(Button.class, spec -> spec.withId("totp-disable"));
        assertThatThrownBy(() -> secondFactor.disable("123456")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aParticipantOnlySeesSignOutEverywhere() {
        signInAs(PARTICIPANT);
        open("profiel/beveiliging");
        _get(Button.class, spec -> spec.withId("sign-out-everywhere"));
        _assertNone(Paragraph.class, spec -> spec.withId("totp-status"));
        assertThatThrownBy(secondFactor::startEnrolment).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAppSwitchedOnSinceShowsAsOnWhenThePageIsOpenedAgain() {
        var trainer = TestStaff.create(db, passwords, Role.TRAINER);
        signInAs(trainer.email());
        open("profiel/beveiliging");
        assertThat(_get(Paragraph.class, spec -> spec.withId("totp-status")).getText()).startsWith("Staat uit.");

        var enrolment = secondFactor.startEnrolment();
        secondFactor.confirmEnrolment(enrolment, totp.codeFor(enrolment.secret(), totp.currentStep())).orElseThrow();
        open("profiel/beveiliging");
        assertThat(_get(Paragraph.class, spec -> spec.withId("totp-status")).getText()).startsWith("Staat aan sinds");
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("totp-section"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("sign-out-everywhere"))).hasSize(1);
    }
}
