package nl.omzien.contacts;

import nl.omzien.base.MunicipalityId;

import nl.omzien.base.Translations;
import nl.omzien.contacts.internal.ContactCardPdf;
import nl.omzien.test.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The card behind the counter: one A4 page with the municipality's contacts and the national lines. */
class ContactCardPdfTest extends IntegrationTest {

    @Autowired
    private LocalContactService contacts;
    @Autowired
    private UserDetailsService accounts;
    @Autowired
    private Translations translations;

    private void signInAs(String email) {
        var user = accounts.loadUserByUsername(email);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aParticipantDownloadsTheirMunicipalitysCardAndItReadsBackWithEveryContactAndTheNationalLines() throws Exception {
        signInAs("hendrik.lubbers@demo.example");
        MunicipalityContacts mine = contacts.mine().orElseThrow();
        byte[] pdf = contacts.card(mine.municipalityId(), Locale.of("nl"));
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/contacts-card.pdf"), pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Hulp in gemeente Coevorden", "Meldpunt Eenzaamheid Coevorden", "0524 000 101",
                    "WELZIJN OP RECEPT", "MAATJESPROJECT", "WIJKTEAM", "Voorbeeld",
                    "De Luisterlijn: 088 0767 000", "113 of 0800-0113", "113.nl", "Bel 112");
            for (LocalContact contact : mine.contacts()) {
                assertThat(text).contains(contact.name());
            }
            assertThat(text).doesNotContain("Twenterand");
        }
    }

    @Test
    void staffGetTheCardInEnglishWhenTheyChoseEnglish() throws Exception {
        signInAs(LEAD_TWENTERAND);
        byte[] pdf = contacts.card(contacts.mine().orElseThrow().municipalityId(), Locale.ENGLISH);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Help in the municipality of Twenterand",
                    "National, day and night", "Meldpunt Eenzaamheid Twenterand");
        }
    }

    @Test
    void aLongListShrinksToStayOnOnePage() throws Exception {
        String text = renderContacts(8);
        assertThat(text).contains("Contact nummer 8", "088 0767 000", "Bel 112").doesNotContain("niet op deze kaart");
    }

    @Test
    void aListTooLongForOnePageKeepsTheNationalLinesAndSaysWhereTheRestIs() throws Exception {
        String text = renderContacts(40);
        assertThat(text).contains("Contact nummer 1", "088 0767 000", "113 of 0800-0113", "Bel 112", "niet op deze kaart")
                .doesNotContain("Contact nummer 40");
    }

    private String renderContacts(int count) throws Exception {
        List<LocalContact> many = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            many.add(new LocalContact(i, new MunicipalityId(1), ContactKind.values()[i % ContactKind.values().length], "Contact nummer " + i,
                    "Een lange beschrijving van wat deze organisatie allemaal doet voor inwoners die zich eenzaam voelen, "
                            + "met huisbezoeken, koffieochtenden en hulp bij het vinden van vrijwilligerswerk.",
                    "0524 000 1" + String.format("%02d", i), "info" + i + "@voorbeeld.nl", "https://www.voorbeeld" + i + ".nl",
                    "ma t/m vr 9.00-17.00 uur", false));
        }
        byte[] pdf = ContactCardPdf.render(new MunicipalityContacts(new MunicipalityId(1), "Ergens", many), "1 januari 2027",
                (key, args) -> translations.getTranslation(key, Locale.of("nl"), args));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            return new PDFTextStripper().getText(document);
        }
    }
}
