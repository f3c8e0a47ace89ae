package nl.omzien.onboarding.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The A4 flyer for a shop window or the staff room: a few lines of plain Dutch, a large QR code with the
 * organisation's invite link, and its short address (…/code/K7Q3-M9XP) for whoever cannot scan. The QR code is drawn
 * as vector squares, so it stays sharp however the flyer is printed.
 */
public final class FlyerPdf {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 56;
    private static final float QR_SIZE = 250;
    private static final Color INK = new Color(0x1a, 0x27, 0x33);
    private static final Color ACCENT = new Color(0x1b, 0x5e, 0x8c);
    private static final Color MUTED = new Color(0x44, 0x52, 0x5e);

    /** Translation of a key with arguments in the reader's language. */
    public interface Texts {
        String get(String key, Object... args);
    }

    private FlyerPdf() {
    }

    public static byte[] render(String organisationName, String municipalityName, String link, String shortLink, Texts t) {
        try (PDDocument document = new PDDocument()) {
            PDFont regular = font(document, "/fonts/DejaVuSans.ttf");
            PDFont bold = font(document, "/fonts/DejaVuSans-Bold.ttf");
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            float width = PAGE.getWidth() - 2 * MARGIN;
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                float y = PAGE.getHeight() - MARGIN;
                y = paragraph(out, t.get("flyer.brand"), bold, 16, ACCENT, y, width);
                y = paragraph(out, t.get("flyer.title"), bold, 32, INK, y - 14, width);
                y = paragraph(out, t.get("flyer.for", organisationName, municipalityName), bold, 16, ACCENT, y - 10, width);
                y = paragraph(out, t.get("flyer.what"), regular, 15, INK, y - 16, width);
                y = paragraph(out, t.get("flyer.scan"), bold, 20, INK, y - 22, width);
                y -= 12;
                drawQr(out, link, (PAGE.getWidth() - QR_SIZE) / 2, y - QR_SIZE);
                y -= QR_SIZE + 18;
                y = paragraph(out, t.get("flyer.steps"), regular, 14, INK, y, width);
                y = paragraph(out, t.get("flyer.no-scan"), regular, 12, MUTED, y - 14, width);
                // The short address (…/code/K7Q3-M9XP), not the 43-character link: something a person can type.
                float linkSize = Math.min(20, width / (bold.getStringWidth(shortLink) / 1000));
                y = paragraph(out, shortLink, bold, linkSize, INK, y - 4, width);
                paragraph(out, t.get("flyer.free"), regular, 12, MUTED, y - 16, width);
            }
            document.getDocumentInformation().setTitle(t.get("flyer.title") + " · " + organisationName);
            document.getDocumentInformation().setCreator("Omzien");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the invite flyer", e);
        }
    }

    /** Draws word-wrapped lines starting below {@code top}; returns the baseline of the last line. */
    private static float paragraph(PDPageContentStream out, String text, PDFont font, float size, Color color,
                                   float top, float width) throws IOException {
        float y = top;
        out.setNonStrokingColor(color);
        for (String line : lines(text, font, size, width)) {
            y -= size * 1.3f;
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(MARGIN, y);
            out.showText(line);
            out.endText();
        }
        return y;
    }

    private static List<String> lines(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R")) {
            String current = "";
            for (String word : paragraph.trim().split(" +")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                    lines.add(current);
                    current = word;
                } else {
                    current = candidate;
                }
            }
            lines.add(current);
        }
        return lines;
    }

    private static void drawQr(PDPageContentStream out, String link, float x, float y) throws IOException {
        BitMatrix matrix;
        try {
            // Size 1: ZXing returns one cell per module; the quiet zone is part of the matrix (margin 4).
            matrix = new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, 1, 1,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode the link as a QR code", e);
        }
        float cell = QR_SIZE / matrix.getWidth();
        out.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    out.addRect(x + col * cell, y + (matrix.getHeight() - 1 - row) * cell, cell, cell);
                }
            }
        }
        out.fill();
    }

    private static PDFont font(PDDocument document, String resource) throws IOException {
        try (InputStream in = FlyerPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Font " + resource + " missing from the classpath");
            }
            return PDType0Font.load(document, in);
        }
    }
}
