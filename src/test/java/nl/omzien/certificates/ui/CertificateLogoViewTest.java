package nl.omzien.certificates.ui;

import nl.omzien.base.MunicipalityId;

import nl.omzien.sessions.SessionId;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import nl.omzien.certificates.AttendedSessions;
import nl.omzien.certificates.CertificateLogoService;
import nl.omzien.people.Audience;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionService;
import nl.omzien.test.KaribuTest;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.ModuleWalker;
import nl.omzien.training.TrainingService;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The municipality logo on the staff certificates page, and the ZIP download on a session's trainer
 * page; browserless, signed in as the demo staff.
 */
class CertificateLogoViewTest extends KaribuTest {

    @Autowired
    CertificateLogoService logos;
    @Autowired
    TrainingService training;
    @Autowired
    ModuleCatalog catalog;
    @Autowired
    SessionService sessions;
    @Autowired
    RegistrationService registrations;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    DSLContext db;

    private static byte[] png(Color colour) throws Exception {
        BufferedImage image = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 300, 100);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private String result() {
        return _get(Paragraph.class, spec -> spec.withId("certificate-logo-result")).getText();
    }

    /** Earns "signaleerder" as a new Coevorden participant and returns the logo colour in the middle of its PDF. */
    private int logoColourOnANewCertificate(SessionFixtures fx) throws Exception {
        String person = fx.participants(1, "Supermarkt De Brink").getFirst();
        ModuleWalker walker = new ModuleWalker(training, catalog);
        fx.as(person, () -> {
            walker.complete("herkennen", Audience.SHOP);
            walker.complete("gesprek", Audience.SHOP);
            walker.complete("doorverwijzen", Audience.SHOP);
        });
        byte[] pdf = db.select(CERTIFICATE.PDF).from(CERTIFICATE)
                .where(CERTIFICATE.USER_ID.eq(fx.userId(person)), CERTIFICATE.PATH_ID.eq("signaleerder")).fetchOne(CERTIFICATE.PDF);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            for (var name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                    return image.getImage().getRGB(image.getWidth() / 2, image.getHeight() / 2) & 0xFFFFFF;
                }
            }
        }
        throw new AssertionError("No logo on the certificate");
    }

    @Test
    void aLeadSeesTheirLogoAndAWrongOrTooLargeFileGetsAClearMessageInTheirLanguage() {
        signInAs(LEAD_COEVORDEN);
        open("certificaten");
        assertThat(_get(Image.class, spec -> spec.withId("certificate-logo-image")).getAlt()).hasValue("Huidig logo van gemeente Coevorden");
        _assertNone(Select.class, spec -> spec.withId("certificate-logo-municipality"));
        LogoPanel panel = _get(LogoPanel.class);

        panel.uploaded("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(result()).isEqualTo("Dit is geen PNG- of SVG-bestand. Kies een logo als PNG of SVG.");
        panel.uploaded(new byte[CertificateLogoService.MAX_BYTES + 1]);
        assertThat(result()).isEqualTo("Het bestand is groter dan 1 MB. Maak het kleiner of kies een ander bestand.");
        panel.uploaded("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8));
        assertThat(result()).startsWith("Dit SVG-bestand bevat een script");

        // A lead who chose English: the page is built again in their language.
        db.update(APP_USER).set(APP_USER.LOCALE, "en").where(APP_USER.EMAIL.eq(LEAD_COEVORDEN)).execute();
        try {
            open("verify");
            open("certificaten");
            _get(LogoPanel.class).uploaded("not an image".getBytes(StandardCharsets.UTF_8));
            assertThat(result()).isEqualTo("This is not a PNG or SVG file. Choose a logo as PNG or SVG.");
        } finally {
            db.update(APP_USER).set(APP_USER.LOCALE, "nl").where(APP_USER.EMAIL.eq(LEAD_COEVORDEN)).execute();
        }
    }

    @Test
    void anUploadedLogoAppearsOnCertificatesIssuedAfterItAndALeadCannotChangeAnotherMunicipality() throws Exception {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        MunicipalityId coevorden = fx.municipality("Coevorden");
        byte[] demoLogo = fx.as(ADMIN, () -> logos.logo(coevorden)).orElseThrow();
        try {
            signInAs(LEAD_COEVORDEN);
            open("certificaten");
            _get(LogoPanel.class).uploaded(png(new Color(0xC0, 0x39, 0x2B)));
            assertThat(result()).isEqualTo("Het logo is opgeslagen. Nieuwe certificaten krijgen dit logo.");
            assertThat(logoColourOnANewCertificate(fx)).isEqualTo(0xC0392B);

            // The cached logo is replaced at once by the next upload.
            byte[] green = png(new Color(0x1D, 0x5E, 0x3A));
            byte[] black = png(Color.BLACK);
            fx.as(LEAD_COEVORDEN, () -> logos.upload(coevorden, green));
            assertThat(logoColourOnANewCertificate(fx)).isEqualTo(0x1D5E3A);

            assertThatThrownBy(() -> fx.as(LEAD_TWENTERAND, () -> logos.upload(coevorden, black)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> fx.as(TRAINER, () -> logos.upload(coevorden, black)))
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            fx.as(ADMIN, () -> logos.upload(coevorden, demoLogo));
        }
    }

    @Test
    void anAdminChoosesTheMunicipality() {
        signInAs(ADMIN);
        open("certificaten");
        @SuppressWarnings("unchecked")
        Select<nl.omzien.people.Municipality> choice = _get(Select.class, spec -> spec.withId("certificate-logo-municipality"));
        assertThat(choice.getListDataView().getItems().map(nl.omzien.people.Municipality::name).toList())
                .contains("Coevorden", "Twenterand");
    }

    @Test
    void theSessionsTrainerFindsTheZipDownloadOnTheSessionPageAndAnotherTrainerDoesNot() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        List<String> people = fx.participants(2, "Supermarkt De Brink");
        SessionId session = new AttendedSessions(fx, db, training, catalog, sessions, registrations).run(people);

        signInAs(TRAINER);
        open("sessies/beheer/" + session);
        Anchor zip = _get(Anchor.class, spec -> spec.withId("session-certificates"));
        assertThat(zip.getText()).isEqualTo("Alle certificaten downloaden (ZIP, 2)");
        assertThat(zip.getElement().getAttribute("download")).isNotNull();

        var empty = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Nog niemand geweest", 5, 10)
                .setTrainerIds(java.util.Set.of(fx.userId(TRAINER)))));
        open("sessies/beheer/" + empty);
        assertThat(_get(Span.class, spec -> spec.withId("session-certificates-none")).getText())
                .isEqualTo("Nog geen certificaten bij deze bijeenkomst");

        signInAs(LEAD_COEVORDEN);
        open("sessies/beheer/" + session);
        _get(Anchor.class, spec -> spec.withId("session-certificates"));
    }
}
