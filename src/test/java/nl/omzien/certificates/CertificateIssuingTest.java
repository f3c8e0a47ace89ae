package nl.omzien.certificates;

import nl.omzien.base.PersonId;
import nl.omzien.sessions.RegistrationId;
import nl.omzien.sessions.SessionId;
import nl.omzien.certificates.CertificateId;
import nl.omzien.people.Audience;
import nl.omzien.sessions.Attendance;
import nl.omzien.security.CurrentUser;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.test.KaribuTest;
import nl.omzien.training.Attempt;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.ModuleWalker;
import nl.omzien.training.SelfAssessment;
import nl.omzien.training.TrainingService;
import org.apache.pdfbox.Loader;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE;
import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;
import static nl.omzien.test.IntegrationTest.TRAINER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateIssuingTest extends KaribuTest {

    @Autowired
    TrainingService training;
    @Autowired
    ModuleCatalog catalog;
    @Autowired
    CertificateService certificates;
    @Autowired
    VerificationService verification;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    DSLContext db;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    nl.omzien.sessions.SessionService sessionService;
    @Autowired
    nl.omzien.sessions.RegistrationService registrationService;
    @Value("${omzien.base-url}")
    String baseUrl;

    /** Signs in as the person and passes both modules of the "signaleerder" path through the service. */
    private void completeSignaleerderModules(String email) {
        signInAs(email);
        ModuleWalker walker = new ModuleWalker(training, catalog);
        walker.complete("herkennen", Audience.SHOP);
        walker.complete("gesprek", Audience.SHOP);
        walker.complete("doorverwijzen", Audience.SHOP);
    }

    private PersonId userId(String email) {
        return db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOne(APP_USER.ID);
    }

    @Test
    void completingTheLastModuleOfAPathIssuesExactlyOneCertificateAndMailsThePdf() throws Exception {
        String email = "tim.hendriks@demo.example";
        signInAs(email);
        ModuleWalker walker = new ModuleWalker(training, catalog);

        walker.complete("herkennen", Audience.SHOP);
        walker.complete("gesprek", Audience.SHOP);
        assertThat(certificates.mine()).as("issue 18: referring is part of the signaller's certificate").isEmpty();

        walker.complete("doorverwijzen", Audience.SHOP);
        List<Certificate> mine = certificates.mine();
        assertThat(mine).singleElement().satisfies(c -> {
            assertThat(c.pathId()).isEqualTo("signaleerder");
            assertThat(c.status()).isEqualTo(CertificateStatus.VALID);
            assertThat(c.code()).matches("OMZ-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
            assertThat(c.expiresAt()).isNotNull();
            assertThat(c.holderName()).isEqualTo("Tim Hendriks");
            assertThat(c.municipalityName()).isEqualTo("Coevorden");
        });
        Certificate certificate = mine.getFirst();

        // Recomputing changes nothing: another module, or the same module again, issues nothing new.
        walker.complete("voorbeeld", Audience.SHOP);
        walker.complete("gesprek", Audience.SHOP);
        assertThat(certificates.mine()).hasSize(1);

        var mail = db.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(email), MAIL_OUTBOX.ATTACHMENT_NAME.isNotNull()).fetch();
        assertThat(mail).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).contains("Signaleerder eenzaamheid");
            assertThat(m.getBodyText()).contains(certificate.code(), baseUrl + "/verify/" + certificate.code());
            assertThat(m.getAttachmentType()).isEqualTo("application/pdf");
            assertThat(m.getAttachment()).isEqualTo(certificates.download(certificate.id()).pdf());
        });
    }

    @Test
    void theCertificatePdfShowsNameCodeAndPathAndItsQrCodeOpensTheVerifyPage() throws Exception {
        completeSignaleerderModules("gerda.van.der.veen@demo.example");
        Certificate certificate = certificates.mine().getFirst();
        CertificateDownload download = certificates.download(certificate.id());

        assertThat(download.fileName()).isEqualTo("certificaat-" + certificate.code() + ".pdf");
        String text = PdfReading.text(download.pdf());
        assertThat(text).contains("Gerda van der Veen", certificate.code(), "Signaleerder eenzaamheid",
                "Bakkerij Van der Veen", "Coevorden", "Certificaat");
        assertThat(PdfReading.qrCode(download.pdf())).isEqualTo(baseUrl + "/verify/" + certificate.code());
        try (var document = Loader.loadPDF(download.pdf())) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isGreaterThan(document.getPage(0).getMediaBox().getHeight());
            assertThat(document.getDocumentInformation().getTitle()).contains("Signaleerder eenzaamheid", "Gerda van der Veen");
            assertThat(document.getDocumentInformation().getAuthor()).contains("Coevorden");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("nl-NL");
            assertThat(document.getPage(0).getResources().getFontNames()).allSatisfy(name ->
                    assertThat(document.getPage(0).getResources().getFont(name).isEmbedded()).isTrue());
        }
        String stored = db.select(CERTIFICATE.PDF_SHA256).from(CERTIFICATE).where(CERTIFICATE.ID.eq(certificate.id())).fetchOne(CERTIFICATE.PDF_SHA256);
        assertThat(stored).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.pdf())));
    }

    @Test
    void nobodyElseCanDownloadMyCertificate() {
        completeSignaleerderModules("noor.dekker@demo.example");
        CertificateId mine = certificates.mine().getFirst().id();

        signInAs("joost.vos@demo.example");
        assertThatThrownBy(() -> certificates.download(mine)).isInstanceOf(NoSuchElementException.class);
        assertThat(certificates.mine()).noneMatch(c -> c.id().equals(mine));
    }

    @Test
    void twoModulesFinishedAtTheSameMomentYieldOneCertificate() throws Exception {
        String email = "daan.visser@demo.example";
        signInAs(email);
        ModuleWalker walker = new ModuleWalker(training, catalog);
        walker.complete("doorverwijzen", Audience.SHOP);
        Attempt herkennen = walker.allStepsDone("herkennen", Audience.SHOP);
        Attempt gesprek = walker.allStepsDone("gesprek", Audience.SHOP);
        SecurityContext signedIn = SecurityContextHolder.getContext();

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Attempt>> finished = List.of(herkennen, gesprek).stream().map(attempt -> threads.submit(() -> {
                SecurityContextHolder.setContext(signedIn);
                together.await(10, TimeUnit.SECONDS);
                return training.finish(attempt.id(), new SelfAssessment(4, 4, 4));
            })).toList();
            for (Future<Attempt> f : finished) {
                assertThat(f.get(30, TimeUnit.SECONDS).isCompleted()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(db.fetchCount(CERTIFICATE, CERTIFICATE.USER_ID.eq(userId(email)))).isEqualTo(1);
    }

    @Test
    void presentAtTwoSessionsMarkedAtOnceCompletesTheTrainingPathOnce() throws Exception {
        String email = "eva.celik@demo.example";
        completeSignaleerderModules(email);
        assertThat(certificates.mine()).extracting(Certificate::pathId).containsExactly("signaleerder");
        SecurityContextHolder.clearContext();
        PersonId eva = userId(email);
        SessionFixtures fx = new SessionFixtures(db, accounts);
        PersonId trainer = fx.userId(TRAINER);
        List<RegistrationId> registrations = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            SessionId session = fx.as(TRAINER, () -> sessionService.create(SessionFixtures.draft("Samen oefenen", 8, 3)
                    .setTrainerIds(java.util.Set.of(trainer))));
            fx.as(email, () -> registrationService.signUp(session));
            OffsetDateTime start = OffsetDateTime.now().minusMinutes(30);
            db.update(TRAINING_SESSION).set(TRAINING_SESSION.REGISTRATION_DEADLINE, start).set(TRAINING_SESSION.STARTS_AT, start)
                    .set(TRAINING_SESSION.ENDS_AT, start.plusMinutes(90)).where(TRAINING_SESSION.ID.eq(session)).execute();
            registrations.add(fx.as(TRAINER, () -> sessionService.participants(session)).stream()
                    .filter(p -> p.email().equals(email)).findFirst().orElseThrow().registrationId());
        }

        // Two trainers' check-in lists mark her present at the same moment: one certificate.
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> marked = registrations.stream().map(registration -> threads.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                fx.as(TRAINER, () -> sessionService.markAttendance(registration, Attendance.PRESENT));
                return null;
            })).collect(java.util.stream.Collectors.toList());
            for (Future<?> f : marked) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(db.fetchCount(CERTIFICATE, CERTIFICATE.USER_ID.eq(eva), CERTIFICATE.PATH_ID.eq("signaleerder-met-training"))).isEqualTo(1);
        // Marked present again: nothing new.
        fx.as(TRAINER, () -> sessionService.markAttendance(registrations.getFirst(), Attendance.PRESENT));
        assertThat(db.fetchCount(CERTIFICATE, CERTIFICATE.USER_ID.eq(eva))).isEqualTo(2);
    }

    @Test
    void aCertificateIssuedBeforeReferringWasRequiredStaysValidUntilItExpires() {
        // Issue 18 added "doorverwijzen" to the signaller path. Someone who earned the certificate with
        // herkennen and gesprek only (stored as it was issued then) keeps it; nothing re-checks old certificates.
        SessionFixtures fx = new SessionFixtures(db, accounts);
        String email = fx.participants(1, "Supermarkt De Brink").getFirst();
        ModuleWalker walker = new ModuleWalker(training, catalog);
        fx.as(email, () -> {
            walker.complete("herkennen", Audience.SHOP);
            walker.complete("gesprek", Audience.SHOP);
        });
        assertThat(db.fetchCount(CERTIFICATE, CERTIFICATE.USER_ID.eq(userId(email)))).isZero();
        OffsetDateTime issued = OffsetDateTime.now().minusDays(30);
        db.insertInto(CERTIFICATE)
                .set(CERTIFICATE.CODE, "OMZ-2345-6789-ABCD")
                .set(CERTIFICATE.USER_ID, userId(email))
                .set(CERTIFICATE.PATH_ID, "signaleerder")
                .set(CERTIFICATE.CYCLE, 1)
                .set(CERTIFICATE.HOLDER_NAME, "Deelnemer Oude Regeling")
                .set(CERTIFICATE.MUNICIPALITY_NAME, "Coevorden")
                .set(CERTIFICATE.PATH_TITLE_NL, "Signaleerder eenzaamheid")
                .set(CERTIFICATE.PATH_TITLE_EN, "Loneliness signaller")
                .set(CERTIFICATE.COMPLETED_ON, issued.toLocalDate())
                .set(CERTIFICATE.ISSUED_AT, issued)
                .set(CERTIFICATE.EXPIRES_AT, issued.plusYears(3))
                .set(CERTIFICATE.PDF_SHA256, "0".repeat(64))
                .execute();

        // Passing more modules runs the issuer again for this person.
        fx.as(email, () -> {
            walker.complete("voorbeeld", Audience.SHOP);
            walker.complete("doorverwijzen", Audience.SHOP);
        });

        signInAs(email);
        assertThat(certificates.mine()).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo("OMZ-2345-6789-ABCD");
            assertThat(c.status()).isEqualTo(CertificateStatus.VALID);
        });
    }

    @Test
    void aPathThatNeedsAttendanceIsNotCompletedByModulesAlone() {
        completeSignaleerderModules("sophie.kamphuis@demo.example");
        assertThat(certificates.mine()).extracting(Certificate::pathId).containsExactly("signaleerder");
    }
}
