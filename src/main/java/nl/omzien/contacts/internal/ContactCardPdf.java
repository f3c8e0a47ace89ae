package nl.omzien.contacts.internal;

import nl.omzien.contacts.LocalContact;
import nl.omzien.contacts.MunicipalityContacts;
import nl.omzien.base.PdfText;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
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
 * The one-page A4 card of a municipality's contacts, to keep behind the counter. The text shrinks
 * until everything fits on one page, so a long list never spills onto a second sheet.
 * Uses DejaVu Sans shipped in resources/fonts (licence next to it) so every Dutch character prints.
 */
public final class ContactCardPdf {

    private static final float MARGIN = 48;
    private static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);
    private static final Color ACCENT = new Color(0x1b, 0x5e, 0x8c);
    private static final Color WARNING = new Color(0xb0, 0x2a, 0x1f);

    private ContactCardPdf() {
    }

    /** {@code t} translates a message key (with arguments) in the reader's language. */
    public static byte[] render(MunicipalityContacts card, String generatedOn, Texts t) {
        try (PDDocument document = new PDDocument()) {
            PDFont regular = font(document, "/fonts/DejaVuSans.ttf");
            PDFont bold = font(document, "/fonts/DejaVuSans-Bold.ttf");
            List<Line> lines = null;
            for (float size = 11f; size >= MIN_SIZE && lines == null; size -= 0.5f) {
                lines = layout(card, card.contacts().size(), generatedOn, t, size, regular, bold);
            }
            // Still too long: leave out the last contacts, never the national lines, and say where the rest is.
            for (int shown = card.contacts().size() - 1; shown >= 0 && lines == null; shown--) {
                lines = layout(card, shown, generatedOn, t, MIN_SIZE, regular, bold);
            }
            if (lines == null) {
                throw new IllegalStateException("The national lines alone do not fit on one page");
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                float y = PAGE.getHeight() - MARGIN;
                for (Line line : lines) {
                    y -= line.gapBefore() + leading(line.size());
                    out.beginText();
                    out.setFont(line.font(), line.size());
                    out.setNonStrokingColor(line.color());
                    out.newLineAtOffset(MARGIN, y);
                    out.showText(line.text());
                    out.endText();
                }
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(t.get("contact.card.title", card.municipalityName()));
            info.setCreator("Omzien");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the contacts card", e);
        }
    }

    private static final float MIN_SIZE = 7f;
    private static final PDRectangle PAGE = PDRectangle.A4;

    /** Translation of a key with arguments. */
    public interface Texts {
        String get(String key, Object... args);
    }

    private record Line(String text, PDFont font, float size, Color color, float gapBefore) {
    }

    private static float leading(float size) {
        return size * 1.35f;
    }

    /** The card's lines at this text size, or null when they do not fit on the page. */
    private static List<Line> layout(MunicipalityContacts card, int shown, String generatedOn, Texts t, float size,
                                     PDFont regular, PDFont bold) throws IOException {
        float width = PAGE.getWidth() - 2 * MARGIN;
        List<Line> lines = new ArrayList<>();
        wrap(lines, t.get("contact.card.title", card.municipalityName()), bold, size * 1.9f, ACCENT, 0, width);
        wrap(lines, t.get("contact.card.intro"), regular, size, INK, size * 0.4f, width);
        if (card.contacts().isEmpty()) {
            wrap(lines, t.get("contact.card.none"), regular, size, MUTED, size, width);
        }
        for (LocalContact c : card.contacts().subList(0, shown)) {
            // Issue 21: a contact for one kern says which.
            String kind = t.get(c.kind().translationKey()) + (c.kern() == null ? "" : " · " + c.kern());
            wrap(lines, kind.toUpperCase(java.util.Locale.ROOT), bold, size * 0.8f, MUTED, size * 1.1f, width);
            wrap(lines, c.name(), bold, size * 1.15f, INK, 0, width);
            if (c.example()) {
                wrap(lines, t.get("contact.example.long"), bold, size * 0.85f, WARNING, 0, width);
            }
            wrap(lines, c.offer(), regular, size, INK, 0, width);
            List<String> reach = new ArrayList<>();
            if (c.phone() != null) {
                reach.add(t.get("contact.card.phone", c.phone()));
            }
            if (c.email() != null) {
                reach.add(t.get("contact.card.email", c.email()));
            }
            if (!reach.isEmpty()) {
                wrap(lines, String.join("   ·   ", reach), bold, size, INK, 0, width);
            }
            if (c.website() != null) {
                wrap(lines, c.website().replaceFirst("^https?://", ""), regular, size, INK, 0, width);
            }
            if (c.openingHours() != null) {
                wrap(lines, t.get("contact.card.hours", c.openingHours()), regular, size, MUTED, 0, width);
            }
        }
        if (shown < card.contacts().size()) {
            wrap(lines, t.get("contact.card.more", card.contacts().size() - shown), bold, size, WARNING, size, width);
        }
        wrap(lines, t.get("contact.card.national"), bold, size * 1.15f, ACCENT, size * 1.6f, width);
        wrap(lines, t.get("contact.card.luisterlijn"), regular, size, INK, size * 0.3f, width);
        wrap(lines, t.get("contact.card.113"), regular, size, INK, size * 0.3f, width);
        wrap(lines, t.get("contact.card.112"), bold, size, WARNING, size * 0.3f, width);
        wrap(lines, t.get("contact.card.consent"), regular, size * 0.9f, MUTED, size * 1.2f, width);
        wrap(lines, t.get("contact.card.footer", generatedOn), regular, size * 0.75f, MUTED, size * 0.8f, width);
        float needed = 0;
        for (Line line : lines) {
            needed += line.gapBefore() + leading(line.size());
        }
        return needed > PAGE.getHeight() - 2 * MARGIN ? null : lines;
    }

    private static PDFont font(PDDocument document, String resource) throws IOException {
        try (InputStream in = ContactCardPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Font " + resource + " missing from the classpath");
            }
            return PDType0Font.load(document, in);
        }
    }

    /** Word-wraps text to the page width; the gap goes before its first line only. */
    private static void wrap(List<Line> lines, String text, PDFont font, float size, Color color, float gapBefore,
                             float width) throws IOException {
        float gap = gapBefore;
        for (String line : PdfText.wrap(text, font, size, width)) {
            lines.add(new Line(line, font, size, color, gap));
            gap = 0;
        }
    }
}
