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
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.TimeZone;

/**
 * Draws a certificate: A4 landscape, DejaVu Sans embedded as a subset (shipped in resources/fonts),
 * selectable text, a vector QR code to the verify page, and document metadata (title, author,
 * language). Thread-safe: the font files are read once, and each thread parses its own copy because
 * a parsed {@link TrueTypeFont} is not safe to share.
 */
@Component
public class CertificatePdfRenderer {

    private static final float WIDTH = PDRectangle.A4.getHeight();
    private static final float HEIGHT = PDRectangle.A4.getWidth();
    private static final float MARGIN = 48;
    private static final Color INK = new Color(0x1f, 0x2a, 0x37);
    private static final Color ACCENT = new Color(0x1f, 0x5f, 0x8b);
    private static final Color MUTED = new Color(0x4b, 0x55, 0x63);

    /**
     * Unicode blocks people's names and our texts use: Latin with all extensions, Greek, Cyrillic, Arabic
     * (with presentation forms), punctuation. The font is cut down to these once at startup: PDFBox reads
     * every glyph's width on each embed, and DejaVu's ~6,000 glyphs made that the largest cost per certificate.
     * A name outside these blocks gets the Latin fallback, as with any glyph the font lacks.
     */
    private static final int[][] BLOCKS = {{0x20, 0x36F}, {0x370, 0x3FF}, {0x400, 0x52F}, {0x600, 0x6FF}, {0x1E00, 0x1EFF},
            {0x2000, 0x206F}, {0x20A0, 0x20CF}, {0x2100, 0x214F}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}};
    private static final byte[] REGULAR = reduced(font("fonts/DejaVuSans.ttf"));
    private static final byte[] BOLD = reduced(font("fonts/DejaVuSans-Bold.ttf"));
    private static final ThreadLocal<TrueTypeFont> REGULAR_TTF = ThreadLocal.withInitial(() -> parse(REGULAR));
    private static final ThreadLocal<TrueTypeFont> BOLD_TTF = ThreadLocal.withInitial(() -> parse(BOLD));
    /** For names the font cannot show (e.g. Chinese): a Latin spelling beats empty boxes. */
    private static final ThreadLocal<Transliterator> TO_LATIN = ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

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
            TTFSubsetter subsetter = new TTFSubsetter(font);
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
            PDType0Font regular = PDType0Font.load(document, REGULAR_TTF.get(), true);
            PDType0Font bold = PDType0Font.load(document, BOLD_TTF.get(), true);
            PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
            document.addPage(page);
            metadata(document, content);
            try (PDPageContentStream canvas = new PDPageContentStream(document, page)) {
                frame(canvas);
                draw(canvas, content, regular, bold);
                qrCode(canvas, content.verifyUrl(), WIDTH - MARGIN - 24 - 110, MARGIN + 24, 110);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(48 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render certificate " + content.code(), e);
        }
    }

    private String t(CertificateContent content, String key, Object... params) {
        return translations.getTranslation(key, content.locale(), params);
    }

    private void metadata(PDDocument document, CertificateContent content) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(t(content, "certificate.pdf.title", content.pathTitle(), content.holderName()));
        info.setAuthor(t(content, "certificate.pdf.author", content.municipalityName()));
        info.setSubject(t(content, "certificate.pdf.subject", content.code()));
        info.setCreator("Omzien");
        info.setProducer("Omzien (Apache PDFBox)");
        Calendar created = GregorianCalendar.from(content.completedOn().atStartOfDay(ZoneId.of("Europe/Amsterdam")));
        created.setTimeZone(TimeZone.getTimeZone("Europe/Amsterdam"));
        info.setCreationDate(created);
        document.getDocumentCatalog().setLanguage("en".equals(content.locale().getLanguage()) ? "en" : "nl-NL");
        PDViewerPreferences preferences = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        preferences.setDisplayDocTitle(true);
        document.getDocumentCatalog().setViewerPreferences(preferences);
    }

    private void frame(PDPageContentStream canvas) throws IOException {
        canvas.setStrokingColor(ACCENT);
        canvas.setLineWidth(3);
        canvas.addRect(MARGIN - 20, MARGIN - 20, WIDTH - 2 * (MARGIN - 20), HEIGHT - 2 * (MARGIN - 20));
        canvas.stroke();
        canvas.setLineWidth(0.8f);
        canvas.addRect(MARGIN - 12, MARGIN - 12, WIDTH - 2 * (MARGIN - 12), HEIGHT - 2 * (MARGIN - 12));
        canvas.stroke();
    }

    private void draw(PDPageContentStream canvas, CertificateContent content, PDType0Font regular, PDType0Font bold) throws IOException {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(content.locale());
        float top = HEIGHT - MARGIN - 16;
        text(canvas, bold, 13, ACCENT, "Omzien", MARGIN + 16, top);
        right(canvas, bold, 13, INK, content.municipalityName(), WIDTH - MARGIN - 16, top);
        right(canvas, regular, 10, MUTED, t(content, "certificate.pdf.coalition"), WIDTH - MARGIN - 16, top - 15);

        float y = HEIGHT - 150;
        centre(canvas, bold, 34, ACCENT, t(content, "certificate.pdf.heading"), y);
        y -= 42;
        centre(canvas, regular, 14, MUTED, t(content, "certificate.pdf.awarded-to"), y);
        y -= 44;
        centreFitting(canvas, bold, 30, INK, displayable(content.holderName(), bold), y);
        y -= 22;
        if (content.organisationName() != null) {
            centre(canvas, regular, 13, MUTED, content.organisationName(), y);
        }
        y -= 40;
        centre(canvas, regular, 14, MUTED, t(content, "certificate.pdf.completed"), y);
        y -= 30;
        centreFitting(canvas, bold, 22, INK, content.pathTitle(), y);
        y -= 28;
        centre(canvas, regular, 13, INK, t(content, "certificate.pdf.on-date", date.format(content.completedOn())), y);
        if (content.sessionLine() != null) {
            y -= 20;
            centre(canvas, regular, 12, MUTED, content.sessionLine(), y);
        }
        if (content.expiresOn() != null) {
            y -= 20;
            centre(canvas, regular, 12, MUTED, t(content, "certificate.pdf.valid-until", date.format(content.expiresOn())), y);
        }

        float bottom = MARGIN + 60;
        text(canvas, regular, 10, MUTED, t(content, "certificate.pdf.code-label"), MARGIN + 16, bottom + 26);
        text(canvas, bold, 16, INK, content.code(), MARGIN + 16, bottom + 6);
        text(canvas, regular, 10, MUTED, t(content, "certificate.pdf.check-at", content.verifyUrl()), MARGIN + 16, bottom - 12);
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

    private static void text(PDPageContentStream canvas, PDType0Font font, float size, Color color, String text, float x, float y) throws IOException {
        canvas.beginText();
        canvas.setFont(font, size);
        canvas.setNonStrokingColor(color);
        canvas.newLineAtOffset(x, y);
        canvas.showText(text);
        canvas.endText();
    }

    private static float width(PDType0Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private static void right(PDPageContentStream canvas, PDType0Font font, float size, Color color, String text, float x, float y) throws IOException {
        text(canvas, font, size, color, text, x - width(font, size, text), y);
    }

    private static void centre(PDPageContentStream canvas, PDType0Font font, float size, Color color, String text, float y) throws IOException {
        text(canvas, font, size, color, text, (WIDTH - width(font, size, text)) / 2, y);
    }

    /** Long names and titles shrink to fit between the margins rather than run off the page. */
    private static void centreFitting(PDPageContentStream canvas, PDType0Font font, float size, Color color, String text, float y) throws IOException {
        float available = WIDTH - 2 * MARGIN - 40;
        float fitted = size;
        while (fitted > 12 && width(font, fitted, text) > available) {
            fitted -= 1;
        }
        centre(canvas, font, fitted, color, text, y);
    }

    /** The QR code as vector squares (crisp at any zoom, no image to embed), one rectangle per run of dark modules. */
    private static void qrCode(PDPageContentStream canvas, String url, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    // A fixed mask skips scoring all eight (a sixth of the render time); any mask scans fine on print.
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.QR_MASK_PATTERN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode " + url + " as a QR code", e);
        }
        int n = matrix.getWidth();
        float cell = size / n;
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
                canvas.addRect(x + start * cell, y + size - (row + 1) * cell, (col - start) * cell, cell);
            }
        }
        canvas.fill();
    }
}
