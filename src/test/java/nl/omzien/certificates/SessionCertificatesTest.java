package nl.omzien.certificates;

import nl.omzien.base.PersonId;
import nl.omzien.sessions.SessionId;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionService;
import nl.omzien.test.IntegrationTest;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.TrainingService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;
import static nl.omzien.people.internal.db.Tables.USER_ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A path that needs a group session: its certificate names the session and the trainer, and the
 * session's trainer downloads all certificates earned there as one ZIP.
 */
class SessionCertificatesTest extends IntegrationTest {

    @Autowired
    TrainingService training;
    @Autowired
    ModuleCatalog catalog;
    @Autowired
    SessionService sessions;
    @Autowired
    RegistrationService registrations;
    @Autowired
    CertificateService certificates;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    DSLContext db;

    private SessionId attendedSession(SessionFixtures fx, List<String> people) {
        return new AttendedSessions(fx, db, training, catalog, sessions, registrations).run(people);
    }

    private byte[] pdfOf(PersonId userId) {
        return db.select(CERTIFICATE.PDF).from(CERTIFICATE)
                .where(CERTIFICATE.USER_ID.eq(userId), CERTIFICATE.PATH_ID.eq("signaleerder-met-training")).fetchOne(CERTIFICATE.PDF);
    }

    @Test
    void theTrainingPathCertificateNamesTheSessionDatePlaceAndTrainer() throws Exception {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        String person = fx.participants(1, "Supermarkt De Brink").getFirst();
        SessionId session = attendedSession(fx, List.of(person));
        LocalDate day = db.select(TRAINING_SESSION.STARTS_AT).from(TRAINING_SESSION).where(TRAINING_SESSION.ID.eq(session))
                .fetchOne(TRAINING_SESSION.STARTS_AT).atZoneSameInstant(java.time.ZoneId.of("Europe/Amsterdam")).toLocalDate();
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.of("nl")).format(day);

        String text = PdfReading.text(pdfOf(fx.userId(person)));

        assertThat(text).contains("Training op " + date + " in Dorpshuis De Kiel, Dalen, trainer Peter Bakker");
    }

    @Test
    void theSessionsTrainerDownloadsEveryCertificateEarnedThereAsOneZipOfReadablePdfs() throws Exception {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        List<String> people = fx.participants(3, "Supermarkt De Brink");
        SessionId session = attendedSession(fx, people);

        assertThat(fx.as(TRAINER, () -> certificates.sessionCertificateCount(session))).isEqualTo(3);
        CertificateDownload zip = fx.as(TRAINER, () -> certificates.sessionCertificates(session));

        assertThat(zip.fileName()).isEqualTo("certificaten-bijeenkomst-" + session + ".zip");
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.pdf()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                texts.add(PdfReading.text(in.readAllBytes()));
            }
        }
        assertThat(names).hasSize(3).allMatch(name -> name.matches("deelnemer-\\d-[a-z0-9-]+-OMZ-[A-Z0-9-]+\\.pdf"));
        for (String person : people) {
            String fullName = db.select(APP_USER.FULL_NAME).from(APP_USER).where(APP_USER.EMAIL.eq(person)).fetchOne(APP_USER.FULL_NAME);
            assertThat(texts).anyMatch(text -> text.contains(fullName) && text.contains("Signaleerder eenzaamheid met training"));
        }
        assertThat(fx.as(ADMIN, () -> certificates.sessionCertificates(session)).pdf()).isNotEmpty();
    }

    @Test
    void anotherTrainerOfTheMunicipalityOrAParticipantCannotDownloadTheSessionsCertificates() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        List<String> people = fx.participants(2, "Supermarkt De Brink");
        SessionId session = attendedSession(fx, people.subList(0, 1));
        String otherTrainer = people.get(1);
        PersonId otherId = fx.userId(otherTrainer);
        db.update(APP_USER).set(APP_USER.MUNICIPALITY_ID, fx.municipality("Coevorden")).where(APP_USER.ID.eq(otherId)).execute();
        db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, otherId).set(USER_ROLE.ROLE, "TRAINER").execute();

        assertThat(fx.as(otherTrainer, () -> certificates.mayDownloadSession(session))).isFalse();
        assertThatThrownBy(() -> fx.as(otherTrainer, () -> certificates.sessionCertificates(session)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(people.getFirst(), () -> certificates.sessionCertificates(session)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fx.as(TRAINER, () -> certificates.mayDownloadSession(session))).isTrue();
        assertThat(fx.as(LEAD_COEVORDEN, () -> certificates.mayDownloadSession(session))).isTrue();
        assertThat(fx.as(LEAD_TWENTERAND, () -> certificates.mayDownloadSession(session))).isFalse();
    }
}
