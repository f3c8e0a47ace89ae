package nl.omzien.sessions;

import nl.omzien.test.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PresenceListPdfTest extends IntegrationTest {

    @Autowired
    private SessionService sessions;
    @Autowired
    private RegistrationService registrations;
    @Autowired
    private DSLContext db;
    @Autowired
    private UserDetailsService accounts;

    @Test
    void thePresenceListNamesEveryoneWithASeatWithTheirOrganisationAndPrintsNamesWithAccents() throws Exception {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Signalen herkennen", 40, 5)
                .setTrainerIds(Set.of(fx.userId(TRAINER)))));
        List<String> people = fx.participants(35, "Thuiszorg Zuidoost-Drenthe");
        db.update(APP_USER).set(APP_USER.FULL_NAME, "Mehmet Yılmaz-Łukaszewicz Ayşe").where(APP_USER.EMAIL.eq(people.getFirst())).execute();
        people.forEach(p -> fx.as(p, () -> registrations.signUp(session)));

        byte[] pdf = fx.as(TRAINER, () -> sessions.presenceListPdf(session, Locale.of("nl")));
        Path file = Path.of("target/presence-list.pdf");
        Files.write(file, pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).as("35 rows need a second page").isEqualTo(2);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Presentielijst", "Signalen herkennen", "Naam", "Organisatie", "Handtekening",
                    "Trainer(s): Peter Bakker", "Mehmet Yılmaz-Łukaszewicz Ayşe", "Thuiszorg Zuidoost-Drenthe", "blad 2");
        }
        assertThatThrownBy(() -> fx.as(LEAD_TWENTERAND, () -> sessions.presenceListPdf(session, Locale.of("nl"))))
                .isInstanceOf(AccessDeniedException.class);
    }
}
