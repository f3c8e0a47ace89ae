package nl.omzien.certificates.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.Transliterator;
import nl.omzien.base.Translations;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.pdfbox.util.Matrix;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws a certificate: A4 landscape, DejaVu Sans embedded as a subset (shipped in resources/fonts),
 * selectable text, a vector QR code to the verify page, the municipality's logo, document metadata
 * (title, author, language, XMP) and tags for screen readers (a structure tree of H1, P and Figure
 * elements with alternative texts, linked to marked content; the frame is an artifact).
 * Thread-safe: the font file is read once, and each thread parses its own copy because a parsed
 * {@link TrueTypeFont} is not safe to share; logos come pre-encoded ({@link PreparedLogo}).
 */
@Component
public class CertificatePdfRenderer {

    private static final float WIDTH = PDRectangle.A4.getHeight();
    private static final float HEIGHT = PDRectangle.A4.getWidth();
    private static final float MARGIN = 48;
    private static final float LOGO_MAX_WIDTH = 170;
    private static final float LOGO_MAX_HEIGHT = 64;
    private static final Color INK = new Color(0x1f, 0x2a, 0x37);
    private static final Color ACCENT = new Color(0x1f, 0x5f, 0x8b);
    private static final Color MUTED = new Color(0x4b, 0x55, 0x63);
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** "20261123000000+01:00", written in the PDF form "D:20261123000000+01'00'". */
    private static final DateTimeFormatter PDF_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmssxxx");

    /**
     * Unicode blocks people's names and our texts use: Latin with all extensions, Greek, Cyrillic, Arabic
     * (presentation forms B, and A's letters for Persian and Urdu; not A's ligatures, which ICU's shaping
     * does not produce), punctuation. The font is cut down to these once at startup: PDFBox reads
     * every glyph's width on each embed, and DejaVu's ~6,000 glyphs made that the largest cost per certificate.
     * A name outside these blocks gets the Latin fallback, as with any glyph the font lacks.
     */
    private static final int[][] BLOCKS = {{0x20, 0x36F}, {0x370, 0x3FF}, {0x400, 0x52F}, {0x600, 0x6FF}, {0x1E00, 0x1EFF},
            {0x2000, 0x206F}, {0x20A0, 0x20CF}, {0x2100, 0x214F}, {0xFB50, 0xFBFF}, {0xFE70, 0xFEFF}};
    /**
     * One face for everything: embedding a second (bold) font cost a third of the render time. Emphasis is
     * drawn as the same glyphs filled and outlined ({@link #BOLD}), which stays selectable, searchable text.
     */
    private static final byte[] REGULAR = reduced(font("fonts/DejaVuSans.ttf"));
    private static final ThreadLocal<TrueTypeFont> REGULAR_TTF = ThreadLocal.withInitial(() -> parse(REGULAR));
    /** For names the font cannot show (e.g. Chinese): a Latin spelling beats empty boxes. */
    private static final ThreadLocal<Transliterator> TO_LATIN = ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    /** Outline width for emphasised text, as a share of the font size. */
    private static final float BOLD = 0.035f;
    private static final float REGULAR_WEIGHT = 0;

    private final Translations translations;

    public CertificatePdfRenderer(Translations translations) {
        this.translations = translations;
    }

    private static byte[] font(String resource) {
        try {
            return new ClassPathResource(resource).getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Font missing from the app: " + resource, e);
        }
    }

    private static byte[] reduced(byte[] full) {
        try (TrueTypeFont font = parse(full)) {
            // Only the tables a PDF needs (the core ones and hinting). Without
            // this it copies GSUB/GPOS whole, and a font with GSUB sends every showText through PDFBox's
            // glyph substitution (a sixth of the render time) for ligatures we do not want: Arabic is
            // shaped by ICU into presentation forms, and "fi" should stay two selectable letters.
            TTFSubsetter subsetter = new TTFSubsetter(font, List.of("head", "hhea", "loca", "maxp", "glyf", "hmtx", "cmap", "OS/2", "name", "post", "cvt ", "fpgm", "prep", "gasp"));
            Set<Integer> codePoints = new HashSet<>();
            for (int[] block : BLOCKS) {
                for (int c = block[0]; c <= block[1]; c++) {
                    codePoints.add(c);
                }
            }
            subsetter.addAll(codePoints);
            ByteArrayOutputStream out = new ByteArrayOutputStream(full.length / 2);
            subsetter.writeToStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the certificate font", e);
        }
    }

    private static TrueTypeFont parse(byte[] bytes) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot parse the certificate font", e);
        }
    }

    public byte[] render(CertificateContent content) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, REGULAR_TTF.get(), true);
            PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
            document.addPage(page);
            metadata(document, content);
            Tags tags = new Tags(document, page, language(content));
            try (PDPageContentStream canvas = new PDPageContentStream(document, page)) {
                Writer writer = new Writer(canvas, font, tags);
                frame(canvas);
                draw(document, writer, content);
                tags.begin(canvas, "Figure").setAlternateDescription(t(content, "certificate.pdf.qr-alt", content.verifyUrl()));
                qrCode(canvas, content.verifyUrl(), WIDTH - MARGIN - 24 - 110, MARGIN + 24, 110);
                tags.end(canvas);
            }
            tags.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(48 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render certificate " + content.code(), e);
        }
    }

    private static String language(CertificateContent content) {
        return "en".equals(content.locale().getLanguage()) ? "en" : "nl-NL";
    }

    private String t(CertificateContent content, String key, Object... params) {
        return translations.getTranslation(key, content.locale(), params);
    }

    private void metadata(PDDocument document, CertificateContent content) throws IOException {
        String title = t(content, "certificate.pdf.title", content.pathTitle(), content.holderName());
        String author = t(content, "certificate.pdf.author", content.municipalityName());
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setSubject(t(content, "certificate.pdf.subject", content.code()));
        info.setCreator("Omzien");
        info.setProducer("Omzien (Apache PDFBox)");
        // Written as the PDF date string directly: PDFBox's Calendar conversion goes through String.format.
        info.getCOSObject().setString(COSName.CREATION_DATE,
                "D:" + PDF_DATE.format(content.completedOn().atStartOfDay(AMSTERDAM)).replace(':', '\'') + "'");
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setLanguage(language(content));
        // Viewers show the title, not the file name, in the window (PDF/UA asks for this).
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
        PDMetadata xmp = new PDMetadata(document);
        xmp.importXMPMetadata(xmp(title, author, language(content), content).getBytes(StandardCharsets.UTF_8));
        catalog.setMetadata(xmp);
    }

    /** The same facts as the document information, as XMP: what PDF/UA checkers and newer viewers read. */
    private static String xmp(String title, String author, String language, CertificateContent content) {
        String created = content.completedOn().atStartOfDay(AMSTERDAM).toOffsetDateTime().toString();
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
                <dc:format>application/pdf</dc:format>
                <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
                <dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>
                <pdf:Producer>Omzien (Apache PDFBox)</pdf:Producer>
                <xmp:CreatorTool>Omzien</xmp:CreatorTool>
                <xmp:CreateDate>%s</xmp:CreateDate>
                </rdf:Description></rdf:RDF></x:xmpmeta>
                <?xpacket end="w"?>""".formatted(xml(title), xml(author), language, created);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private void frame(PDPageContentStream canvas) throws IOException {
        // Decoration: an artifact, so screen readers skip it.
        canvas.beginMarkedContent(COSName.ARTIFACT);
        canvas.setStrokingColor(ACCENT);
        canvas.setLineWidth(3);
        canvas.addRect(MARGIN - 20, MARGIN - 20, WIDTH - 2 * (MARGIN - 20), HEIGHT - 2 * (MARGIN - 20));
        canvas.stroke();
        canvas.setLineWidth(0.8f);
        canvas.addRect(MARGIN - 12, MARGIN - 12, WIDTH - 2 * (MARGIN - 12), HEIGHT - 2 * (MARGIN - 12));
        canvas.stroke();
        canvas.endMarkedContent();
    }

    private void draw(PDDocument document, Writer w, CertificateContent content) throws IOException {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(content.locale());
        float top = HEIGHT - MARGIN - 16;
        if (content.logo() != null) {
            logo(document, w, content.logo(), MARGIN + 16, top + 12);
        } else {
            w.text("P", BOLD, 13, ACCENT, "Omzien", MARGIN + 16, top);
        }
        w.right("P", BOLD, 13, INK, content.municipalityName(), WIDTH - MARGIN - 16, top);
        w.right("P", REGULAR_WEIGHT, 10, MUTED, t(content, "certificate.pdf.coalition"), WIDTH - MARGIN - 16, top - 15);

        float y = HEIGHT - 150;
        w.centre("H1", BOLD, 34, ACCENT, t(content, "certificate.pdf.heading"), y);
        y -= 42;
        w.centre("P", REGULAR_WEIGHT, 14, MUTED, t(content, "certificate.pdf.awarded-to"), y);
        y -= 44;
        String name = displayable(content.holderName(), w.font);
        w.centreFitting("P", BOLD, 30, INK, name, y, name.equals(content.holderName()) ? null : content.holderName());
        // Room for descenders of the large name above the organisation line.
        y -= 26;
        if (content.organisationName() != null) {
            w.centre("P", REGULAR_WEIGHT, 13, MUTED, content.organisationName(), y);
        }
        y -= 36;
        w.centre("P", REGULAR_WEIGHT, 14, MUTED, t(content, "certificate.pdf.completed"), y);
        y -= 30;
        w.centreFitting("P", BOLD, 22, INK, content.pathTitle(), y, null);
        y -= 28;
        w.centre("P", REGULAR_WEIGHT, 13, INK, t(content, "certificate.pdf.on-date", date.format(content.completedOn())), y);
        if (content.sessionLine() != null) {
            y -= 20;
            w.centreFitting("P", REGULAR_WEIGHT, 12, MUTED, content.sessionLine(), y, null);
        }
        if (content.expiresOn() != null) {
            y -= 20;
            w.centre("P", REGULAR_WEIGHT, 12, MUTED, t(content, "certificate.pdf.valid-until", date.format(content.expiresOn())), y);
        }

        float bottom = MARGIN + 60;
        w.text("P", REGULAR_WEIGHT, 10, MUTED, t(content, "certificate.pdf.code-label"), MARGIN + 16, bottom + 26);
        w.text("P", BOLD, 16, INK, content.code(), MARGIN + 16, bottom + 6);
        w.text("P", REGULAR_WEIGHT, 10, MUTED, t(content, "certificate.pdf.check-at", content.verifyUrl()), MARGIN + 16, bottom - 12);
    }

    /** Draws the logo in its box, top aligned at {@code top}, from its pre-compressed pixels. */
    private static void logo(PDDocument document, Writer w, PreparedLogo logo, float x, float top) throws IOException {
        PDImageXObject image = new PDImageXObject(document, new ByteArrayInputStream(logo.rgb()), COSName.FLATE_DECODE,
                logo.width(), logo.height(), 8, PDDeviceRGB.INSTANCE);
        if (logo.alpha() != null) {
            PDImageXObject mask = new PDImageXObject(document, new ByteArrayInputStream(logo.alpha()), COSName.FLATE_DECODE,
                    logo.width(), logo.height(), 8, PDDeviceGray.INSTANCE);
            image.getCOSObject().setItem(COSName.SMASK, mask);
        }
        float scale = Math.min(LOGO_MAX_WIDTH / logo.width(), LOGO_MAX_HEIGHT / logo.height());
        float width = logo.width() * scale;
        float height = logo.height() * scale;
        w.tags.begin(w.canvas, "Figure").setAlternateDescription(logo.altText());
        w.canvas.drawImage(image, x, top - height, width, height);
        w.tags.end(w.canvas);
    }

    /** Text drawing, each line its own tagged paragraph (or heading). */
    private static final class Writer {
        private final PDPageContentStream canvas;
        private final PDType0Font font;
        private final Tags tags;

        Writer(PDPageContentStream canvas, PDType0Font font, Tags tags) {
            this.canvas = canvas;
            this.font = font;
            this.tags = tags;
        }

        /** @param actualText what a screen reader should read when the drawn glyphs differ (shaped, reordered); or null */
        void text(String tag, float weight, float size, Color color, String text, float x, float y, String actualText) throws IOException {
            PDStructureElement element = tags.begin(canvas, tag);
            if (actualText != null) {
                element.setActualText(actualText);
            }
            canvas.beginText();
            canvas.setFont(font, size);
            canvas.setNonStrokingColor(color);
            if (weight > 0) {
                canvas.setRenderingMode(RenderingMode.FILL_STROKE);
                canvas.setStrokingColor(color);
                canvas.setLineWidth(size * weight);
            } else {
                canvas.setRenderingMode(RenderingMode.FILL);
            }
            canvas.newLineAtOffset(x, y);
            canvas.showText(text);
            canvas.endText();
            tags.end(canvas);
        }

        void text(String tag, float weight, float size, Color color, String text, float x, float y) throws IOException {
            text(tag, weight, size, color, text, x, y, null);
        }

        float width(float size, String text) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        void right(String tag, float weight, float size, Color color, String text, float x, float y) throws IOException {
            text(tag, weight, size, color, text, x - width(size, text), y);
        }

        void centre(String tag, float weight, float size, Color color, String text, float y) throws IOException {
            text(tag, weight, size, color, text, (WIDTH - width(size, text)) / 2, y);
        }

        /** Long names and titles shrink to fit between the margins rather than run off the page. */
        void centreFitting(String tag, float weight, float size, Color color, String text, float y, String actualText) throws IOException {
            float available = WIDTH - 2 * MARGIN - 40;
            float fitted = size;
            while (fitted > 9 && width(fitted, text) > available) {
                fitted -= 1;
            }
            text(tag, weight, fitted, color, text, (WIDTH - width(fitted, text)) / 2, y, actualText);
        }
    }

    /**
     * The structure tree: Document with one element per line or image, each linked to its marked content
     * on the page through an MCID, plus the parent tree that maps the page's MCIDs back to the elements.
     */
    private static final class Tags {
        private final PDPage page;
        private final PDStructureTreeRoot root = new PDStructureTreeRoot();
        private final PDStructureElement documentElement;
        private final COSArray parents = new COSArray();

        Tags(PDDocument document, PDPage page, String language) {
            this.page = page;
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            PDMarkInfo markInfo = new PDMarkInfo();
            markInfo.setMarked(true);
            catalog.setMarkInfo(markInfo);
            catalog.setStructureTreeRoot(root);
            documentElement = new PDStructureElement("Document", root);
            documentElement.setLanguage(language);
            root.appendKid(documentElement);
            page.setStructParents(0);
        }

        PDStructureElement begin(PDPageContentStream canvas, String type) throws IOException {
            int mcid = parents.size();
            PDStructureElement element = new PDStructureElement(type, documentElement);
            element.setPage(page);
            element.appendKid(mcid);
            documentElement.appendKid(element);
            parents.add(element);
            canvas.beginMarkedContent(COSName.getPDFName(type), mcid);
            return element;
        }

        void end(PDPageContentStream canvas) throws IOException {
            canvas.endMarkedContent();
        }

        void finish() {
            PDNumberTreeNode parentTree = new PDNumberTreeNode(PDStructureElement.class);
            parentTree.setNumbers(Map.of(0, parents));
            root.setParentTree(parentTree);
            root.setParentTreeNextKey(1);
        }
    }

    /**
     * The name as the font can draw it: Arabic letters joined and put in visual order (PDFBox neither
     * shapes nor reorders), and names with letters the font lacks written in Latin letters instead.
     */
    static String displayable(String name, PDType0Font font) {
        String text = Normalizer.normalize(name, Normalizer.Form.NFC);
        if (needsBidi(text)) {
            try {
                text = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL).shape(text);
            } catch (ArabicShapingException e) {
                // Unshaped letters are still the right letters.
            }
            Bidi bidi = new Bidi(text, Bidi.LEVEL_DEFAULT_LTR);
            text = bidi.writeReordered(Bidi.DO_MIRRORING);
        }
        if (!canDraw(font, text)) {
            text = TO_LATIN.get().transliterate(Normalizer.normalize(name, Normalizer.Form.NFC));
            if (!canDraw(font, text)) {
                text = text.replaceAll("[^\\p{ASCII}]", "?");
            }
        }
        return text;
    }

    private static boolean needsBidi(String text) {
        return text.codePoints().anyMatch(c -> {
            byte direction = Character.getDirectionality(c);
            return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        });
    }

    private static boolean canDraw(PDType0Font font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** The QR code as vector squares (crisp at any zoom, no image to embed), one rectangle per run of dark modules. */
    private static void qrCode(PDPageContentStream canvas, String url, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    // The encoder scores all eight masks and takes the best, as the QR standard says: a fixed mask
                    // saved a sixth of the render time, but for some codes it drew patterns that look like finder
                    // marks, and a reader then failed (4 in 1,000 codes against 1 in 1,000).
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode " + url + " as a QR code", e);
        }
        int n = matrix.getWidth();
        // One unit per module: whole-number operands are cheap to write (PDFBox formats every float of
        // ~300 rectangles otherwise) and keep the content stream small.
        canvas.saveGraphicsState();
        canvas.transform(new Matrix(size / n, 0, 0, size / n, x, y + size));
        canvas.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < n; row++) {
            int col = 0;
            while (col < n) {
                if (!matrix.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < n && matrix.get(col, row)) {
                    col++;
                }
                canvas.addRect(start, -(row + 1), col - start, 1);
            }
        }
        canvas.fill();
        canvas.restoreGraphicsState();
    }
}
