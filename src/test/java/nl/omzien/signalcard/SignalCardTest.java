package nl.omzien.signalcard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import nl.omzien.training.ui.ConfidenceScale;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import nl.omzien.base.MunicipalityId;
import nl.omzien.base.Translations;
import nl.omzien.contacts.ContactKind;
import nl.omzien.contacts.LocalContact;
import nl.omzien.contacts.LocalContactService;
import nl.omzien.contacts.LocalHelpPanel;
import nl.omzien.contacts.MunicipalityContacts;
import nl.omzien.people.Audience;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.signalcard.internal.FileSignalCardContent;
import nl.omzien.signalcard.internal.SignalCardPdf;
import nl.omzien.signalcard.ui.SignalCardView;
import nl.omzien.test.KaribuTest;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.SelfAssessment;
import nl.omzien.training.TrainingService;
import nl.omzien.training.content.LessonStep;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.people.internal.db.Tables.MUNICIPALITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 21: the signal card per municipality (signals, tips, step plan from the modules; local contacts per kern,
 * the reader's kern first; national lines) on one page, A4 and folded; the kern on local contacts.
 */
class SignalCardTest extends KaribuTest {

    /** Kapper Haarlijn, kern Den Ham, Twenterand. */
    private static final String DEN_HAM_PARTICIPANT = "lotte.westerhof@demo.example";
    /** Apotheek Vroomshoop, Twenterand: no demo contact for Vroomshoop. */
    private static final String VROOMSHOOP_PARTICIPANT = "sophie.kamphuis@demo.example";

    @Autowired
    SignalCardService cards;
    @Autowired
    LocalContactService contacts;
    @Autowired
    FileSignalCardContent content;
    @Autowired
    ModuleCatalog catalog;
    @Autowired
    TrainingService training;
    @Autowired
    Translations translations;
    @Autowired
    DSLContext db;
    @Autowired
    UserDetailsService accounts;

    private MunicipalityId municipality(String name) {
        return db.select(MUNICIPALITY.ID).from(MUNICIPALITY).where(MUNICIPALITY.NAME.eq(name)).fetchSingle(MUNICIPALITY.ID);
    }

    /** Parses the PDF back, checks it is one page of the given width, and saves it and a PNG to look at. */
    private static String oneFilePage(byte[] pdf, float width, String name) throws IOException {
        Path folder = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(folder.resolve(name + ".pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(width);
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png", folder.resolve(name + ".png").toFile());
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static void inOrder(String text, String... parts) {
        int at = -1;
        for (String part : parts) {
            int next = text.indexOf(part);
            assertThat(next).as("'" + part + "' after the previous part in: " + text).isGreaterThan(at);
            at = next;
        }
    }

    @Test
    void theA4CardHasTheFiveSignalGroupsThreeTipsTheStepsTheLocalContactsInKernOrderAndTheNationalLines() throws Exception {
        signInAs(DEN_HAM_PARTICIPANT);
        MunicipalityId twenterand = cards.myMunicipality().orElseThrow();
        String text = oneFilePage(cards.card(twenterand, SignalCardFormat.A4, Locale.of("nl")), PDRectangle.A4.getWidth(),
                "signal-card-a4");

        inOrder(text, "Signaleringskaart eenzaamheid", "Twenterand", "Herken de signalen", "Lichamelijk", "Psychisch",
                "Sociaal", "Gedrag", "Levensgebeurtenissen", "Geen lijstje om af te vinken", "Ga het gesprek aan",
                "Open, eerlijk, nieuwsgierig.", "Luisteren, samenvatten, doorvragen (LSD).", "Vul niet in voor een ander.");
        inOrder(text, "Stappenplan", "1. Opmerken.", "2. Praten.", "3. Vragen wat de ander wil.",
                "4. Doorverwijzen met toestemming.", "5. Erop terugkomen.", "Hulp in Twenterand");
        // The reader's kern first, then the whole municipality, then the other kernen.
        inOrder(text, "Hulp in Twenterand", "IN DEN HAM", "Kernteam Den Ham", "VOOR HEEL TWENTERAND",
                "Meldpunt Eenzaamheid Twenterand", "0546 000 201", "Sociale kaart Twenterand", "IN VRIEZENVEEN",
                "Kernteam Vriezenveen", "Landelijk, dag en nacht", "088 0767 000", "113 of 0800-0113", "112.");
        assertThat(text).contains("Voorbeeld").doesNotContain("Coevorden");
        for (LocalContact contact : contacts.of(twenterand).contacts()) {
            assertThat(text).contains(contact.name());
        }
    }

    @Test
    void theCounterCardIsOneLandscapePageWithTheSameContentAndAFoldLine() throws Exception {
        signInAs(VROOMSHOOP_PARTICIPANT);
        String text = oneFilePage(cards.card(cards.myMunicipality().orElseThrow(), SignalCardFormat.COUNTER, Locale.of("nl")),
                PDRectangle.A4.getHeight(), "signal-card-counter");
        inOrder(text, "Signaleringskaart eenzaamheid", "Levensgebeurtenissen", "Vul niet in voor een ander.",
                "5. Erop terugkomen.", "Hulp in Twenterand");
        // No contact serves Vroomshoop: the whole municipality first, then the kernen by name.
        inOrder(text, "VOOR HEEL TWENTERAND", "Meldpunt Eenzaamheid Twenterand", "IN DEN HAM", "IN VRIEZENVEEN",
                "088 0767 000", "112.");
        assertThat(text).contains("vouw hier");
        assertThat(cards.fileName(cards.myMunicipality().orElseThrow(), SignalCardFormat.COUNTER))
                .isEqualTo("signaleringskaart-twenterand-vouwkaart.pdf");
    }

    @Test
    void anEnglishReaderGetsTheCardInEnglish() throws Exception {
        signInAs(LEAD_COEVORDEN);
        String text = oneFilePage(cards.card(municipality("Coevorden"), SignalCardFormat.A4, Locale.ENGLISH),
                PDRectangle.A4.getWidth(), "signal-card-a4-en");
        assertThat(text).contains("Loneliness signal card", "Recognise the signals", "Physical", "Life events",
                "Listen, summarise, ask follow-up questions (LSD).", "4. Refer with consent.", "Help in Coevorden",
                "IN SCHOONEBEEK", "Buurtkamer Schoonebeek", "National, day and night", "088 0767 000",
                "Your municipality's coordinator");
    }

    @Test
    void anotherMunicipalitysCardIsRefusedAndTheViewOffersOnlyYourOwn() {
        signInAs(DEN_HAM_PARTICIPANT);
        MunicipalityId coevorden = municipality("Coevorden");
        assertThatThrownBy(() -> cards.card(coevorden, SignalCardFormat.A4, Locale.of("nl")))
                .isInstanceOf(AccessDeniedException.class);
        signInAs(LEAD_COEVORDEN);
        assertThatThrownBy(() -> cards.card(municipality("Twenterand"), SignalCardFormat.COUNTER, Locale.of("nl")))
                .isInstanceOf(AccessDeniedException.class);

        signInAs(DEN_HAM_PARTICIPANT);
        open(SignalCardView.ROUTE);
        assertThat(_get(Anchor.class, spec -> spec.withId("signal-card-a4")).getHref()).isNotBlank();
        assertThat(_get(Anchor.class, spec -> spec.withId("signal-card-counter")).getHref()).isNotBlank();
        _assertNone(ComboBox.class, spec -> spec.withId("signal-card-municipality"));
    }

    @Test
    void aLongContactListStaysOnOnePageAndKeepsTheNationalLines() throws Exception {
        List<LocalContact> many = new ArrayList<>();
        for (int i = 1; i <= 45; i++) {
            many.add(new LocalContact(i, new MunicipalityId(1), ContactKind.values()[i % ContactKind.values().length],
                    "Contact nummer " + i, "Een beschrijving.", "0524 000 1" + String.format("%02d", i),
                    "info" + i + "@voorbeeld.nl", "https://www.voorbeeld" + i + ".nl", null, false, i % 3 == 0 ? "Dalen" : null));
        }
        MunicipalityContacts list = new MunicipalityContacts(new MunicipalityId(1), "Ergens", many);
        for (SignalCardFormat format : SignalCardFormat.values()) {
            byte[] pdf = SignalCardPdf.render(new SignalCardPdf.Card(content.content(), Locale.of("nl"), "Ergens",
                    list.byKern("Dalen"), "1 januari 2027"), format, (key, args) -> translations.getTranslation(key, Locale.of("nl"), args));
            String text = oneFilePage(pdf, format == SignalCardFormat.A4 ? PDRectangle.A4.getWidth() : PDRectangle.A4.getHeight(),
                    "signal-card-long-" + format.name().toLowerCase(Locale.ROOT));
            inOrder(text, "IN DALEN", "Contact nummer 3", "En nog", "Landelijk, dag en nacht", "088 0767 000", "112.");
            assertThat(text).contains("Levensgebeurtenissen", "5. Erop terugkomen.").doesNotContain("Contact nummer 44 ");
        }
    }

    @Test
    void theFiveSignalGroupsOnTheCardAreTheOnesTheSignalLessonTeaches() {
        var lesson = (LessonStep) catalog.current("herkennen").orElseThrow().steps().stream()
                .filter(s -> s.id().equals("signalen")).findFirst().orElseThrow();
        var signals = content.content().signals().items();
        assertThat(signals).hasSize(5);
        signals.forEach(item -> {
            assertThat(item.from()).isEqualTo("herkennen/signalen");
            assertThat(lesson.markdown().nl()).contains("**" + item.title().nl() + ".**");
            assertThat(lesson.markdown().en()).contains("**" + item.title().en() + ".**");
        });
        assertThat(content.content().tips().items()).hasSize(3);
        assertThat(content.content().steps().items()).hasSize(5);
    }

    @Test
    void theEndOfAModuleLinksToTheSignalCard() {
        signInAs(new SessionFixtures(db, accounts).participants(1, "Kapper Haarlijn").getFirst());
        open("training/herkennen");
        answerAssessment("before");
        _click(_get(Button.class, spec -> spec.withId("start-module")));
        _click(_get(Button.class, spec -> spec.withId("next-step")));
        _click(_get(Button.class, spec -> spec.withId("next-step")));
        _click(_get(Button.class, spec -> spec.withId("finish-core")));
        answerAssessment("after");
        _click(_get(Button.class, spec -> spec.withId("finish-module")));

        assertThat(_get(Anchor.class, spec -> spec.withId("done-signal-card-link")).getHref()).isEqualTo(SignalCardView.ROUTE);
        open(SignalCardView.ROUTE);
        assertThat(_get(Anchor.class, spec -> spec.withId("signal-card-a4")).getHref()).isNotBlank();
    }

    @SuppressWarnings("unchecked")
    private static void answerAssessment(String prefix) {
        for (String key : List.of("recognise", "raise", "refer")) {
            _get(ConfidenceScale.class, spec -> spec.withId(prefix + "-" + key)).setValue(4);
        }
    }

    @Test
    void theLeadGivesAContactAKernAndParticipantsOfThatKernSeeItFirstInTheReferralStep() {
        signInAs(LEAD_TWENTERAND);
        open("hulp-in-je-gemeente");
        _click(_get(Button.class, spec -> spec.withId("add-contact")));
        @SuppressWarnings("unchecked")
        ComboBox<String> kern = _get(ComboBox.class, spec -> spec.withId("contact-kern"));
        // The villages of the municipality's organisations (the same notion) are offered, and those in use.
        assertThat(kern.getListDataView().getItems().toList()).contains("Vroomshoop", "Den Ham", "Vriezenveen", "Westerhaar")
                .doesNotContain("Dalen");
        _get(TextField.class, spec -> spec.withId("contact-name")).setValue("Buurthuis Vroomshoop");
        _get(TextArea.class, spec -> spec.withId("contact-offer")).setValue("Koffie en een praatje op maandag.");
        _get(TextField.class, spec -> spec.withId("contact-phone")).setValue("0546 123 999");
        kern.setValue("X");
        _click(_get(Button.class, spec -> spec.withId("save-contact")));
        // Too short: the field says so, the form stays open with what was typed.
        assertThat(kern.isInvalid()).isTrue();
        assertThat(kern.getErrorMessage()).isNotBlank();
        kern.setValue("Vroomshoop");
        _click(_get(Button.class, spec -> spec.withId("save-contact")));
        _assertNone(Button.class, spec -> spec.withId("save-contact"));
        assertThat(_get(LocalHelpPanel.class).getElement().getTextRecursively()).contains("Buurthuis Vroomshoop", "Meldpunt of signaalpunt · Vroomshoop");

        signInAs(VROOMSHOOP_PARTICIPANT);
        LocalContact first = contacts.mine().orElseThrow().contacts().getFirst();
        assertThat(first.name()).isEqualTo("Buurthuis Vroomshoop");
        assertThat(first.kern()).isEqualTo("Vroomshoop");
        var attempt = training.start("doorverwijzen", Audience.SHOP, new SelfAssessment(3, 3, 3));
        training.goTo(attempt.id(), "lokale-hulp");
        open("training/doorverwijzen");
        String panel = _get(LocalHelpPanel.class).getElement().getTextRecursively();
        inOrder(panel, "Buurthuis Vroomshoop", "Meldpunt Eenzaamheid Twenterand", "Kernteam Den Ham", "Kernteam Vriezenveen");
        assertThat(_get(Anchor.class, spec -> spec.withId("signal-card-link")).getHref()).isEqualTo(SignalCardView.ROUTE);

        signInAs(LEAD_TWENTERAND);
        contacts.delete(first.id());
    }
}
