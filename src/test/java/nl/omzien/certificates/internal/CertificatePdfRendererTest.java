package nl.omzien.certificates.internal;

import nl.omzien.base.Translations;
import nl.omzien.certificates.PdfReading;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The renderer on its own: any name, both languages; samples land in target/certificate-samples to look at. */
class CertificatePdfRendererTest {

    private final CertificatePdfRenderer renderer = new CertificatePdfRenderer(new Translations());

    private byte[] render(String name, Locale locale) throws Exception {
        String code = VerificationCodes.newCode();
        byte[] pdf = renderer.render(new CertificateContent(name, "Signaleerder eenzaamheid", LocalDate.of(2026, 11, 23),
                LocalDate.of(2029, 11, 23), "Vrijwilligerscentrale Coevorden", "Coevorden", null, code,
                "https://omzien.example/verify/" + code, locale, null));
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

    private static PreparedLogo demoLogo() throws Exception {
        byte[] svg = new ClassPathResource("certificates/demo-logo-coevorden.svg").getContentAsByteArray();
        return PreparedLogo.fromPng(LogoImages.normalise(svg).png(), "Logo van gemeente Coevorden");
    }

    private byte[] withLogoAndSession(String name) throws Exception {
        String code = VerificationCodes.newCode();
        byte[] pdf = renderer.render(new CertificateContent(name, "Signaleerder eenzaamheid met training", LocalDate.of(2026, 3, 12),
                LocalDate.of(2029, 3, 12), "Dorpshuis De Brink", "Coevorden",
                "Training op 12 maart 2026 in Dorpshuis De Brink, trainer Anna de Vries", code,
                "https://omzien.example/verify/" + code, Locale.of("nl"), demoLogo()));
        Path samples = Path.of("target/certificate-samples");
        Files.createDirectories(samples);
        Files.write(samples.resolve("with-logo-" + name.replaceAll("[^\\p{L}]+", "-") + ".pdf"), pdf);
        assertThat(PdfReading.qrCode(pdf)).isEqualTo("https://omzien.example/verify/" + code);
        return pdf;
    }

    @Test
    void theLogoIsEmbeddedOnceWithItsTransparencyAndTheSessionLineIsReadableText() throws Exception {
        byte[] pdf = withLogoAndSession("Renée Małecka-Schröder");
        assertThat(PdfReading.text(pdf)).contains("Renée Małecka-Schröder", "Training op 12 maart 2026 in Dorpshuis De Brink, trainer Anna de Vries");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            List<PDImageXObject> images = new java.util.ArrayList<>();
            for (var name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                    images.add(image);
                }
            }
            assertThat(images).singleElement().satisfies(image -> {
                assertThat(image.getHeight()).as("drawn at the stored size").isEqualTo(LogoImages.MAX_STORED_HEIGHT);
                assertThat(image.getSoftMask()).as("transparent background kept").isNotNull();
                assertThat(image.getImage().getRGB(image.getWidth() / 2, image.getHeight() / 2)).isNotZero();
            });
        }
    }

    @Test
    void theCertificateIsTaggedForScreenReadersWithHeadingParagraphsAndFiguresWithAltText() throws Exception {
        byte[] pdf = withLogoAndSession("مريم الحداد");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var catalog = document.getDocumentCatalog();
            assertThat(catalog.getLanguage()).isEqualTo("nl-NL");
            assertThat(document.getDocumentInformation().getCreationDate().toInstant()).isEqualTo("2026-03-11T23:00:00Z");
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Certificaat Signaleerder eenzaamheid met training – مريم الحداد");
            assertThat(new String(catalog.getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("<dc:title>", "Signaleerder eenzaamheid met training", "<rdf:li>nl-NL</rdf:li>");

            PDPage page = document.getPage(0);
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(page);
            Map<Integer, String> textByMcid = new HashMap<>();
            Map<Integer, Boolean> imageByMcid = new HashMap<>();
            for (PDMarkedContent marked : extractor.getMarkedContents()) {
                if (marked.getMCID() >= 0) {
                    textByMcid.put(marked.getMCID(), marked.getContents().stream().filter(TextPosition.class::isInstance)
                            .map(t -> ((TextPosition) t).getUnicode()).collect(Collectors.joining()));
                    imageByMcid.put(marked.getMCID(), marked.getContents().stream().anyMatch(PDImageXObject.class::isInstance));
                }
            }

            var root = catalog.getStructureTreeRoot();
            PDStructureElement documentElement = (PDStructureElement) root.getKids().getFirst();
            assertThat(documentElement.getStructureType()).isEqualTo("Document");
            List<PDStructureElement> elements = documentElement.getKids().stream().map(PDStructureElement.class::cast).toList();
            Map<String, List<PDStructureElement>> byType = elements.stream().collect(Collectors.groupingBy(PDStructureElement::getStructureType));
            assertThat(byType.keySet()).containsExactlyInAnyOrder("H1", "P", "Figure");
            int h1 = (Integer) byType.get("H1").getFirst().getKids().getFirst();
            assertThat(textByMcid.get(h1)).isEqualTo("Certificaat");
            assertThat(byType.get("P")).extracting(p -> textByMcid.get((Integer) p.getKids().getFirst()))
                    .contains("Training op 12 maart 2026 in Dorpshuis De Brink, trainer Anna de Vries", "Coevorden");
            // The Arabic name is drawn shaped and in visual order; its element says how to read it.
            assertThat(byType.get("P")).extracting(PDStructureElement::getActualText).contains("مريم الحداد");
            assertThat(byType.get("Figure")).extracting(PDStructureElement::getAlternateDescription)
                    .containsExactlyInAnyOrder("Logo van gemeente Coevorden",
                            "QR-code naar de controlepagina van dit certificaat: " + document.getDocumentInformation().getSubject()
                                    .replace("Controleerbaar certificaat, code ", "https://omzien.example/verify/"));
            int logo = (Integer) byType.get("Figure").stream().filter(f -> f.getAlternateDescription().startsWith("Logo"))
                    .findFirst().orElseThrow().getKids().getFirst();
            assertThat(imageByMcid.get(logo)).isTrue();
            // Every element's marked content is on the page, and the parent tree leads back to it.
            assertThat(elements).allSatisfy(e -> assertThat(textByMcid).containsKey((Integer) e.getKids().getFirst()));
            assertThat(page.getStructParents()).isZero();
            assertThat(((org.apache.pdfbox.cos.COSArray) root.getParentTree().getNumbers().get(0).getCOSObject()).size()).isEqualTo(elements.size());
        }
    }
}
