package nl.omzien.certificates.internal;

import nl.omzien.base.Translations;
import nl.omzien.certificates.PdfReading;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The renderer on its own: any name, both languages; samples land in target/certificate-samples to look at. */
class CertificatePdfRendererTest {

    private final CertificatePdfRenderer renderer = new CertificatePdfRenderer(new Translations());

    private byte[] render(String name, Locale locale) throws Exception {
        String code = VerificationCodes.newCode();
        byte[] pdf = renderer.render(new CertificateContent(name, "Signaleerder eenzaamheid", LocalDate.of(2026, 11, 23),
                LocalDate.of(2029, 11, 23), "Vrijwilligerscentrale Coevorden", "Coevorden", null, code,
                "https://omzien.example/verify/" + code, locale));
        Path samples = Path.of("target/certificate-samples");
        Files.createDirectories(samples);
        Files.write(samples.resolve(name.replaceAll("[^\\p{L}]+", "-") + ".pdf"), pdf);
        assertThat(PdfReading.qrCode(pdf)).isEqualTo("https://omzien.example/verify/" + code);
        assertThat(PdfReading.text(pdf)).contains(code);
        return pdf;
    }

    @Test
    void polishAndAccentedNamesAreSelectableTextAsWritten() throws Exception {
        assertThat(PdfReading.text(render("Łukasz Nowak", Locale.of("nl")))).contains("Łukasz Nowak", "Geldig tot 23 november 2029");
        assertThat(PdfReading.text(render("José Pereira-Çelik Öztürk", Locale.of("nl")))).contains("José Pereira-Çelik Öztürk");
    }

    @Test
    void anArabicNameIsShapedAndReadsBackAsTheSameLetters() throws Exception {
        String text = PdfReading.text(render("مريم الحداد", Locale.of("nl")));
        // PDFBox's text extraction turns joined letter forms back into letters and restores reading order.
        assertThat(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)).contains("مريم الحداد");
    }

    @Test
    void aNameInAScriptTheFontLacksFallsBackToLatinLettersNotEmptyBoxes() throws Exception {
        assertThat(PdfReading.text(render("王小明", Locale.of("nl")))).containsIgnoringCase("wang xiao ming");
    }

    @Test
    void anEnglishCertificateUsesEnglishTexts() throws Exception {
        assertThat(PdfReading.text(render("Sanne de Vries", Locale.ENGLISH))).contains("This is to certify that", "Valid until");
    }
}
