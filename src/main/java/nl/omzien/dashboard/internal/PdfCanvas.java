package nl.omzien.dashboard.internal;

import nl.omzien.base.PdfText;
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

/**
 * A4 pages with a text cursor for the dashboard's PDFs: DejaVu Sans (every Dutch character prints),
 * wrapped paragraphs, a new page when the cursor reaches the bottom. Not thread-safe; one per PDF.
 */
final class PdfCanvas implements AutoCloseable {

    static final float MARGIN = 50;
    static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    static final Color MUTED = new Color(0x55, 0x55, 0x55);
    static final Color ACCENT = new Color(0x1b, 0x5e, 0x8c);
    static final Color LIGHT = new Color(0xdd, 0xe8, 0xf0);

    final PDDocument document = new PDDocument();
    final PDFont regular;
    final PDFont bold;
    final PDRectangle size;
    PDPageContentStream out;
    float y;

    PdfCanvas(PDRectangle size) {
        this.size = size;
        try {
            regular = font("/fonts/DejaVuSans.ttf");
            bold = font("/fonts/DejaVuSans-Bold.ttf");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDFont font(String resource) throws IOException {
        try (InputStream in = PdfCanvas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Font " + resource + " missing from the classpath");
            }
            return PDType0Font.load(document, in);
        }
    }

    float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(size);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = size.getHeight() - MARGIN;
    }

    /** Starts a new page when fewer than {@code needed} points are left. */
    void room(float needed) throws IOException {
        if (out == null || y - needed < MARGIN) {
            newPage();
        }
    }

    void text(float x, float atY, String text, PDFont font, float fontSize, Color color) throws IOException {
        out.beginText();
        out.setFont(font, fontSize);
        out.setNonStrokingColor(color);
        out.newLineAtOffset(x, atY);
        out.showText(text);
        out.endText();
    }

    /** A wrapped paragraph at the cursor, moving it down. */
    void paragraph(String text, PDFont font, float fontSize, Color color, float gapBefore) throws IOException {
        float leading = fontSize * 1.35f;
        List<String> lines = wrap(text, font, fontSize, width());
        room(gapBefore + leading * Math.min(lines.size(), 3));
        y -= gapBefore;
        for (String line : lines) {
            room(leading);
            y -= leading;
            text(MARGIN, y, line, font, fontSize, color);
        }
    }

    void rect(float x, float atY, float w, float h, Color color) throws IOException {
        out.setNonStrokingColor(color);
        out.addRect(x, atY, w, h);
        out.fill();
    }

    float widthOf(String text, PDFont font, float fontSize) throws IOException {
        return font.getStringWidth(text) / 1000 * fontSize;
    }

    List<String> wrap(String text, PDFont font, float fontSize, float maxWidth) throws IOException {
        return PdfText.wrap(text, font, fontSize, maxWidth);
    }

    /** Drops characters the font cannot draw (emoji in a comment) instead of failing the whole PDF. */
    String printable(String text, PDFont font) {
        StringBuilder kept = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String s = new String(Character.toChars(cp));
            try {
                font.encode(s);
                kept.append(s);
            } catch (IOException | IllegalArgumentException e) {
                kept.append(' ');
            }
        });
        return kept.toString();
    }

    byte[] finish(String title) {
        try {
            if (out != null) {
                out.close();
            }
            document.getDocumentInformation().setTitle(title);
            document.getDocumentInformation().setCreator("Omzien");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
