package nl.omzien.certificates;

import nl.omzien.base.MunicipalityId;

import nl.omzien.base.PersonId;

import nl.omzien.certificates.internal.StoredCertificateStatus;
import nl.omzien.base.SecretTokens;
import nl.omzien.certificates.internal.CertificatePdfs;
import nl.omzien.certificates.internal.LogoCache;
import nl.omzien.people.Audience;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.test.KaribuTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.ModuleWalker;
import nl.omzien.training.TrainingService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE;
import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static nl.omzien.training.internal.db.Tables.MODULE_ATTEMPT;
import static nl.omzien.people.internal.db.Tables.MUNICIPALITY;
import static nl.omzien.certificates.internal.db.Tables.MUNICIPALITY_LOGO;
import static nl.omzien.people.internal.db.Tables.ORGANISATION;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: a certificate's PDF failing to render (here a stored logo no image reader can decode) must
 * not roll back the learner's completion; the certificate stands, and the PDF and its mail follow when
 * a retry succeeds.
 */
class CertificatePdfAfterCommitTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    TrainingService training;
    @Autowired
    ModuleCatalog catalog;
    @Autowired
    CertificatePdfs pdfs;
    @Autowired
    LogoCache logos;

    @Test
    void aBrokenLogoLeavesTheCompletionAndCertificateStandingAndTheRetryDeliversThePdf() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        MunicipalityId municipality = db.insertInto(MUNICIPALITY).set(MUNICIPALITY.NAME, "Logodorp " + suffix)
                .returning(MUNICIPALITY.ID).fetchOne().getId();
        db.insertInto(ORGANISATION).set(ORGANISATION.MUNICIPALITY_ID, municipality)
                .set(ORGANISATION.NAME, "Kapsalon " + suffix).set(ORGANISATION.SECTOR, nl.omzien.people.Sector.HAIRDRESSER.code()).execute();
        // Bytes that passed some older upload check but that no image reader decodes.
        db.insertInto(MUNICIPALITY_LOGO).set(MUNICIPALITY_LOGO.MUNICIPALITY_ID, municipality)
                .set(MUNICIPALITY_LOGO.PNG, "not a png at all".getBytes()).set(MUNICIPALITY_LOGO.WIDTH_PX, 10)
                .set(MUNICIPALITY_LOGO.HEIGHT_PX, 10).set(MUNICIPALITY_LOGO.SOURCE_TYPE, "PNG")
                .set(MUNICIPALITY_LOGO.UPLOADED_AT, OffsetDateTime.now()).execute();
        logos.invalidate(municipality);
        SessionFixtures fx = new SessionFixtures(db, accounts);
        String email = fx.participants(1, "Kapsalon " + suffix).getFirst();
        PersonId person = fx.userId(email);

        fx.as(email, () -> {
            ModuleWalker walker = new ModuleWalker(training, catalog);
            walker.complete("herkennen", Audience.SHOP);
            walker.complete("gesprek", Audience.SHOP);
            walker.complete("doorverwijzen", Audience.SHOP);
        });

        var certificate = db.selectFrom(CERTIFICATE).where(CERTIFICATE.USER_ID.eq(person)).fetchSingle();
        assertThat(db.fetchCount(MODULE_ATTEMPT, MODULE_ATTEMPT.USER_ID.eq(person), MODULE_ATTEMPT.COMPLETED_AT.isNotNull()))
                .as("the completions committed although the PDF failed").isEqualTo(3);
        assertThat(certificate.getStatus()).isEqualTo(StoredCertificateStatus.ISSUED);
        assertThat(certificate.getPdf()).as("no PDF yet").isNull();
        assertThat(certificate.getPdfSha256()).isNull();
        assertThat(certificate.getPdfAttempts()).isEqualTo(1);
        assertThat(certificate.getPdfLastError()).contains("Not a readable PNG");
        assertThat(certificate.getPdfNextAttemptAt()).isAfter(OffsetDateTime.now());
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(email))).as("no certificate mail without its PDF").isZero();
        assertThat(fx.as(email, () -> certificatesOf())).singleElement()
                .satisfies(c -> assertThat(c.pdfReady()).isFalse());
        // The holder's page says it is on its way instead of offering a download that would fail.
        signInAs(email);
        open("mijn-certificaten");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("certificate-pdf-pending")).getText())
                .contains("wordt nog gemaakt");
        assertThat(_find(Anchor.class, spec -> spec.withId("download-" + certificate.getCode()))).isEmpty();

        // Not yet due: the retry job leaves it alone.
        pdfs.renderDue();
        assertThat(db.fetchValue(CERTIFICATE.PDF_ATTEMPTS, CERTIFICATE.ID.eq(certificate.getId()))).isEqualTo(1);

        // The lead replaces the logo (here: removes it); once the pause is over the retry renders and mails.
        db.deleteFrom(MUNICIPALITY_LOGO).where(MUNICIPALITY_LOGO.MUNICIPALITY_ID.eq(municipality)).execute();
        logos.invalidate(municipality);
        clock.advance(Duration.ofMinutes(2));
        pdfs.renderDue();

        var done = db.selectFrom(CERTIFICATE).where(CERTIFICATE.ID.eq(certificate.getId())).fetchSingle();
        assertThat(done.getPdf()).isNotNull();
        assertThat(done.getPdfSha256()).isEqualTo(SecretTokens.sha256Hex(done.getPdf()));
        assertThat(done.getPdfLastError()).isNull();
        try (var document = Loader.loadPDF(done.getPdf())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Deelnemer 0").contains(done.getCode());
        }
        var mail = db.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(email)).fetchSingle();
        assertThat(mail.getAttachment()).as("the mail carries the stored PDF").isEqualTo(done.getPdf());
        assertThat(fx.as(email, () -> certificatesOf())).singleElement().satisfies(c -> assertThat(c.pdfReady()).isTrue());
        open("mijn-certificaten");
        assertThat(_find(Anchor.class, spec -> spec.withId("download-" + certificate.getCode()))).hasSize(1);
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("certificate-pdf-pending"))).isEmpty();

        // Rendering once more (a second instance, a late retry) changes nothing and mails nothing.
        assertThat(pdfs.render(certificate.getId())).isFalse();
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(email))).isEqualTo(1);
    }

    @Autowired
    CertificateService certificateService;

    private java.util.List<Certificate> certificatesOf() {
        return certificateService.mine();
    }
}
