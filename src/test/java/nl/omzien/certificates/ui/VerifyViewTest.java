package nl.omzien.certificates.ui;

import nl.omzien.base.PersonId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import nl.omzien.certificates.Certificate;
import nl.omzien.certificates.CertificateService;
import nl.omzien.certificates.internal.VerifyThrottle;
import nl.omzien.people.Audience;
import nl.omzien.test.KaribuTest;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.ModuleWalker;
import nl.omzien.training.TrainingService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.OffsetDateTime;
import java.util.Arrays;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE;
import static nl.omzien.training.internal.db.Tables.MODULE_ATTEMPT;
import static org.assertj.core.api.Assertions.assertThat;

/** The public verify page in every state, opened without signing in. */
class VerifyViewTest extends KaribuTest {

    @Autowired
    TrainingService training;
    @Autowired
    ModuleCatalog catalog;
    @Autowired
    CertificateService certificates;
    @Autowired
    DSLContext db;
    @Autowired
    VerifyThrottle throttle;

    /** Earns the "signaleerder" certificate as this person, then signs out again. */
    private Certificate earn(String email) {
        signInAs(email);
        Certificate certificate = Signaleerder.earn(training, catalog, certificates);
        SecurityContextHolder.clearContext();
        return certificate;
    }

    private String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    private String status() {
        return _get(H2.class, spec -> spec.withId("verify-status")).getText();
    }

    private String demoCode(String email) {
        return db.select(CERTIFICATE.CODE).from(CERTIFICATE).join(APP_USER).on(APP_USER.ID.eq(CERTIFICATE.USER_ID))
                .where(APP_USER.EMAIL.eq(email)).orderBy(CERTIFICATE.ID.desc()).limit(1).fetchOne(CERTIFICATE.CODE);
    }

    @Test
    void aValidCertificateShowsPathDateMunicipalityAndOnlyAMaskedName() {
        Certificate certificate = earn("hendrik.lubbers@demo.example");
        open("verify/" + certificate.code());
        assertThat(status()).isEqualTo("Geldig");
        assertThat(text("verify-path")).isEqualTo("Signaleerder eenzaamheid");
        assertThat(text("verify-municipality")).isEqualTo("Coevorden");
        assertThat(text("verify-holder")).isEqualTo("H. L.");
        assertThat(text("verify-expires")).isNotBlank();
        _assertNone(Span.class, spec -> spec.withText("Hendrik Lubbers"));
    }

    @Test
    void aCodeTypedSloppilyStillFindsTheCertificateAndTheCheckerCanConfirmTheFullName() {
        Certificate certificate = earn("wim.oosting@demo.example");
        open("verify");
        _get(TextField.class, spec -> spec.withId("verify-code")).setValue(" " + certificate.code().toLowerCase().replace("-", " ") + " ");
        _click(_get(Button.class, spec -> spec.withId("verify-check")));
        assertThat(status()).isEqualTo("Geldig");
        assertThat(_get(TextField.class, spec -> spec.withId("verify-code")).getValue()).as("the field keeps what was typed")
                .isEqualTo(certificate.code().toLowerCase().replace("-", " "));

        _get(TextField.class, spec -> spec.withId("verify-name")).setValue("Jan Jansen");
        _click(_get(Button.class, spec -> spec.withId("verify-name-check")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("verify-name-result")).getText()).isEqualTo("De naam klopt niet met dit certificaat.");
        _get(TextField.class, spec -> spec.withId("verify-name")).setValue("wim  oosting");
        _click(_get(Button.class, spec -> spec.withId("verify-name-check")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("verify-name-result")).getText()).isEqualTo("De naam klopt met dit certificaat.");
    }

    @Test
    void theIssuedPdfIsRecognisedByteForByteAndAChangedOneIsNot() {
        Certificate certificate = earn("marian.rolink@demo.example");
        signInAs("marian.rolink@demo.example");
        byte[] pdf = certificates.download(certificate.id()).pdf();
        SecurityContextHolder.clearContext();
        open("verify/" + certificate.code());
        VerifyView view = _get(VerifyView.class);
        Paragraph outcome = _get(Paragraph.class, spec -> spec.withId("verify-pdf-result"));

        view.showPdfCheck(outcome, pdf, "203.0.113.7");
        assertThat(outcome.getText()).isEqualTo("Dit bestand is precies het certificaat dat we hebben uitgegeven.");
        byte[] edited = Arrays.copyOf(pdf, pdf.length);
        edited[edited.length / 2] ^= 1;
        view.showPdfCheck(outcome, edited, "203.0.113.7");
        assertThat(outcome.getText()).startsWith("Dit bestand is niet het certificaat dat we hebben uitgegeven.");
    }

    @Test
    void anExpiredCertificateSaysSo() {
        Certificate certificate = earn("jose.pereira@demo.example");
        assertThat(certificate.expiresAt()).isAfter(OffsetDateTime.now(clock).plusYears(2));
        // A day after the date printed on it.
        clock.setTo(certificate.expiresAt().plusDays(1).toInstant());
        open("verify/" + certificate.code());
        assertThat(status()).isEqualTo("Verlopen");
    }

    @Test
    void aRenewedCertificateReplacesTheOldOneWhichThenShowsAsSuperseded() {
        Certificate first = earn("ilse.ter.horst@demo.example");
        // The certificate is in its last weeks: redoing the refresher module renews it.
        OffsetDateTime earlier = OffsetDateTime.now().minusYears(3).plusDays(30);
        db.update(CERTIFICATE).set(CERTIFICATE.EXPIRES_AT, OffsetDateTime.now().plusDays(30)).where(CERTIFICATE.ID.eq(first.id())).execute();
        db.update(MODULE_ATTEMPT).set(MODULE_ATTEMPT.COMPLETED_AT, earlier)
                .where(MODULE_ATTEMPT.USER_ID.eq(db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq("ilse.ter.horst@demo.example"))))
                .execute();
        signInAs("ilse.ter.horst@demo.example");
        new ModuleWalker(training, catalog).complete("gesprek", Audience.CHURCH);
        assertThat(certificates.mine()).extracting(Certificate::status).map(Enum::name).containsExactly("VALID", "SUPERSEDED");
        SecurityContextHolder.clearContext();

        open("verify/" + first.code());
        assertThat(status()).isEqualTo("Vervangen door een nieuwer certificaat");
    }

    @Test
    void theDemoRevokedCertificateShowsTheReason() {
        open("verify/" + demoCode("kees.brouwer@demo.example"));
        assertThat(status()).isEqualTo("Ingetrokken");
        assertThat(text("verify-reason")).contains("verkeerde persoon");
        assertThat(text("verify-holder")).isEqualTo("K. B.");
    }

    @Test
    void afterAccountDeletionTheCertificateIsRevokedAndTheNameIsGone() {
        Certificate certificate = earn("yasmina.haddou@demo.example");
        signInAs(ADMIN);
        PersonId userId = db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq("yasmina.haddou@demo.example")).fetchOne(APP_USER.ID);
        assertThat(certificates.accountDeleted(userId)).isEqualTo(1);
        SecurityContextHolder.clearContext();

        open("verify/" + certificate.code());
        assertThat(status()).isEqualTo("Ingetrokken");
        assertThat(text("verify-reason")).isEqualTo("Het account van de houder is verwijderd.");
        assertThat(text("verify-holder")).isEqualTo("Niet meer getoond: het account is verwijderd");
        _assertNone(TextField.class, spec -> spec.withId("verify-name"));
        assertThat(db.select(CERTIFICATE.HOLDER_NAME, CERTIFICATE.PDF).from(CERTIFICATE).where(CERTIFICATE.ID.eq(certificate.id())).fetchOne())
                .satisfies(r -> {
                    assertThat(r.value1()).isNull();
                    assertThat(r.value2()).isNull();
                });
    }

    @Test
    void anUnknownCodeOrSomethingThatIsNoCodeAtAllIsUnknown() {
        open("verify/OMZ-2222-3333-4444");
        assertThat(_get(Paragraph.class, spec -> spec.withId("verify-unknown")).getText()).startsWith("Deze code kennen we niet.");
        open("verify/hallo");
        assertThat(_get(Paragraph.class, spec -> spec.withId("verify-unknown")).getText()).startsWith("Deze code kennen we niet.");
        _assertNone(H2.class, spec -> spec.withId("verify-status"));
    }

    @Test
    void tooManyUnknownCodesFromOneAddressGiveTheLocalisedWaitMessageInsteadOfAnAnswer() {
        String address = com.vaadin.flow.server.VaadinSession.getCurrent().getBrowser().getAddress();
        throttle.forget(address);
        try {
            for (int i = 0; i < 20; i++) {
                open("verify/OMZ-2222-3333-" + (2000 + i));
                assertThat(_get(Paragraph.class, spec -> spec.withId("verify-unknown")).getText()).startsWith("Deze code kennen we niet.");
            }
            open("verify/OMZ-2222-3333-4444");
            assertThat(_get(Paragraph.class, spec -> spec.withId("verify-too-many")).getText())
                    .isEqualTo("Je hebt te vaak gezocht. Probeer het over een paar minuten opnieuw.");
            _assertNone(Paragraph.class, spec -> spec.withId("verify-unknown"));

            // A real code from the same address is refused too while the block lasts: no answer at all.
            open("verify/" + demoCode("kees.brouwer@demo.example"));
            _get(Paragraph.class, spec -> spec.withId("verify-too-many"));
            _assertNone(H2.class, spec -> spec.withId("verify-status"));

            com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
            open("verify/OMZ-2222-3333-5555");
            assertThat(_get(Paragraph.class, spec -> spec.withId("verify-too-many")).getText())
                    .isEqualTo("You searched too often. Please try again in a few minutes.");
        } finally {
            throttle.forget(address);
        }
    }
}
