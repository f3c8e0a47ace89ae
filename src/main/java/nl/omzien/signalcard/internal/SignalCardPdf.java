package nl.omzien.signalcard.internal;

import nl.omzien.contacts.LocalContact;
import nl.omzien.contacts.MunicipalityContacts.KernGroup;
import nl.omzien.signalcard.SignalCardFormat;
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
import java.util.Locale;

/**
 * The one-page signal card. A4: title across the top, then two columns (recognise and talk | steps, local
 * help, national lines). Counter card: A4 landscape in two halves with a fold line between, so it stands on a
 * counter like a greeting card. Like the contact card, the text shrinks until everything fits; when even the
 * smallest size does not, the last local contacts give way to a line saying where the rest is, never the
 * national lines. Uses DejaVu Sans from resources/fonts so every Dutch character prints.
 */
public final class SignalCardPdf {

    private static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);
    private static final Color ACCENT = new Color(0x1b, 0x5e, 0x8c);
    private static final Color WARNING = new Color(0xb0, 0x2a, 0x1f);
    private static final float MAX_SIZE = 11f;
    private static final float MIN_SIZE = 6.5f;
    private static final float GUTTER = 22;

    private SignalCardPdf() {
    }

    /** Translation of a message key (with arguments) in the reader's language. */
    public interface Texts {
        String get(String key, Object... args);
    }

    /** What goes on one municipality's card; {@code contacts} in kern order, nearest first. */
    public record Card(SignalCardContent content, Locale locale, String municipalityName, List<KernGroup> contacts,
                       String generatedOn) {
    }

    public static byte[] render(Card card, SignalCardFormat format, Texts t) {
        try (PDDocument document = new PDDocument()) {
            Fonts fonts = new Fonts(font(document, "/fonts/DejaVuSans.ttf"), font(document, "/fonts/DejaVuSans-Bold.ttf"));
            Geometry page = format == SignalCardFormat.A4 ? Geometry.a4() : Geometry.counter();
            int total = card.contacts().stream().mapToInt(g -> g.contacts().size()).sum();
            Layout layout = null;
            for (float size = MAX_SIZE; size >= MIN_SIZE && layout == null; size -= 0.25f) {
                layout = layout(card, page, fonts, t, size, total);
            }
            for (int shown = total - 1; shown >= 0 && layout == null; shown--) {
                layout = layout(card, page, fonts, t, MIN_SIZE, shown);
            }
            if (layout == null) {
                throw new IllegalStateException("The signal card does not fit on one page even without local contacts");
            }
            PDPage pdfPage = new PDPage(page.size());
            document.addPage(pdfPage);
            try (PDPageContentStream out = new PDPageContentStream(document, pdfPage)) {
                for (Region region : layout.regions()) {
                    draw(out, region);
                }
                if (format == SignalCardFormat.COUNTER) {
                    foldLine(out, page, fonts, t);
                }
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(card.content().title().in(card.locale()) + " " + card.municipalityName());
            info.setCreator("Omzien");
            document.getDocumentCatalog().setLanguage(card.locale().getLanguage());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the signal card", e);
        }
    }

    private record Fonts(PDFont regular, PDFont bold) {
    }

    /** A piece of text in one font. */
    private record Run(String text, PDFont font) {
    }

    /** A paragraph: runs wrapped to the region's width, {@code gap} points above it. */
    private record Block(List<Run> runs, float size, Color color, float gap) {
    }

    private record Line(List<Run> runs, float size, Color color, float gap) {
    }

    private record Region(float x, float top, float width, List<Line> lines) {
        float height() {
            float h = 0;
            for (Line line : lines) {
                h += line.gap() + leading(line.size());
            }
            return h;
        }
    }

    private record Layout(List<Region> regions) {
    }

    /** The page and where its parts go: {@code spanning} true puts the title across both columns (A4). */
    private record Geometry(PDRectangle size, float margin, boolean spanning) {
        static Geometry a4() {
            return new Geometry(PDRectangle.A4, 40, true);
        }

        static Geometry counter() {
            return new Geometry(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()), 30, false);
        }

        float columnWidth() {
            return spanning ? (size.getWidth() - 2 * margin - GUTTER) / 2 : size.getWidth() / 2 - 2 * margin;
        }

        float columnX(int column) {
            return spanning ? margin + column * (columnWidth() + GUTTER) : column * size.getWidth() / 2 + margin;
        }
    }

    private static float leading(float size) {
        return size * 1.3f;
    }

    /** The regions at this text size with at most {@code shown} local contacts, or null when they do not fit. */
    private static Layout layout(Card card, Geometry page, Fonts f, Texts t, float size, int shown) throws IOException {
        Locale l = card.locale();
        SignalCardContent c = card.content();
        List<Block> header = new ArrayList<>();
        header.add(new Block(List.of(new Run(c.title().in(l), f.bold())), size * 1.7f, ACCENT, 0));
        header.add(new Block(List.of(new Run(card.municipalityName(), f.bold())), size * 1.2f, INK, 0));
        header.add(new Block(List.of(new Run(c.intro().in(l), f.regular())), size, INK, size * 0.3f));

        List<Block> left = new ArrayList<>();
        section(left, c.signals(), l, f, size, false);
        section(left, c.tips(), l, f, size, false);

        List<Block> right = new ArrayList<>();
        section(right, c.steps(), l, f, size, true);
        right.add(heading(t.get("signalcard.local", card.municipalityName()), f, size));
        localContacts(right, card, f, t, size, shown);
        section(right, c.national(), l, f, size, false);
        right.add(new Block(List.of(new Run(t.get("signalcard.footer", card.generatedOn()), f.regular())),
                size * 0.75f, MUTED, size * 0.8f));

        float top = page.size().getHeight() - page.margin();
        float bottom = page.margin();
        float width = page.columnWidth();
        List<Region> regions = new ArrayList<>();
        if (page.spanning()) {
            Region title = region(header, page.margin(), top, page.size().getWidth() - 2 * page.margin());
            regions.add(title);
            top -= title.height() + size;
        } else {
            List<Block> withHeader = new ArrayList<>(header);
            withHeader.addAll(left);
            left = withHeader;
        }
        regions.add(region(left, page.columnX(0), top, width));
        regions.add(region(right, page.columnX(1), top, width));
        for (Region region : regions) {
            if (region.top() - region.height() < bottom) {
                return null;
            }
        }
        return new Layout(regions);
    }

    private static Block heading(String text, Fonts f, float size) {
        return new Block(List.of(new Run(text, f.bold())), size * 1.15f, ACCENT, size * 1.1f);
    }

    /** A section: its heading, its items ("Title. text", numbered for the step plan) and its notes. */
    private static void section(List<Block> blocks, SignalCardContent.Section section, Locale l, Fonts f, float size,
                                boolean numbered) {
        blocks.add(heading(section.title().in(l), f, size));
        int n = 0;
        for (SignalCardContent.Item item : section.items()) {
            n++;
            String title = (numbered ? n + ". " : "") + item.title().in(l);
            // "Lichamelijk: minder goed ..." – a title without its own full stop gets a colon.
            title = title.matches(".*[.:!?)]$") ? title : title + ":";
            // 112 stands out, as on the contact card.
            Color color = item.title().nl().startsWith("112") ? WARNING : INK;
            blocks.add(new Block(List.of(new Run(title, f.bold()), new Run(item.text().in(l), f.regular())), size, color,
                    size * 0.25f));
        }
        for (SignalCardContent.Item note : section.notes()) {
            blocks.add(new Block(List.of(new Run(note.text().in(l), f.regular())), size * 0.9f, MUTED, size * 0.35f));
        }
    }

    /** The local contacts per kern: the reader's kern first, then the whole municipality, then the other kernen. */
    private static void localContacts(List<Block> blocks, Card card, Fonts f, Texts t, float size, int shown) {
        int total = 0;
        int drawn = 0;
        for (KernGroup group : card.contacts()) {
            total += group.contacts().size();
        }
        if (total == 0) {
            blocks.add(new Block(List.of(new Run(t.get("signalcard.no-contacts"), f.regular())), size, MUTED, size * 0.25f));
        }
        // Demo contacts say once that they are examples, and each is marked, as on the contact card.
        if (card.contacts().stream().anyMatch(g -> g.contacts().stream().anyMatch(LocalContact::example))) {
            blocks.add(new Block(List.of(new Run(t.get("contact.example.long"), f.bold())), size * 0.8f, WARNING, size * 0.25f));
        }
        for (KernGroup group : card.contacts()) {
            if (drawn >= shown) {
                break;
            }
            String where = group.kern() == null ? t.get("signalcard.whole", card.municipalityName())
                    : t.get("signalcard.kern", group.kern());
            blocks.add(new Block(List.of(new Run(where.toUpperCase(card.locale()), f.bold())), size * 0.8f, MUTED, size * 0.6f));
            for (LocalContact contact : group.contacts()) {
                if (drawn++ >= shown) {
                    break;
                }
                List<Run> name = new ArrayList<>();
                name.add(new Run(contact.name(), f.bold()));
                name.add(new Run("(" + t.get(contact.kind().translationKey()) + ")", f.regular()));
                if (contact.example()) {
                    name.add(new Run("· " + t.get("contact.example"), f.bold()));
                }
                blocks.add(new Block(name, size, INK, size * 0.3f));
                List<String> reach = new ArrayList<>();
                if (contact.phone() != null) {
                    reach.add(t.get("contact.card.phone", contact.phone()));
                }
                if (contact.email() != null) {
                    reach.add(contact.email());
                }
                if (contact.website() != null) {
                    reach.add(contact.website().replaceFirst("^https?://", ""));
                }
                if (!reach.isEmpty()) {
                    blocks.add(new Block(List.of(new Run(String.join(" · ", reach), f.regular())), size * 0.95f, INK, 0));
                }
            }
        }
        if (shown < total) {
            blocks.add(new Block(List.of(new Run(t.get("signalcard.more", total - shown), f.bold())), size * 0.9f, WARNING,
                    size * 0.3f));
        }
    }

    private static Region region(List<Block> blocks, float x, float top, float width) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (Block block : blocks) {
            wrap(lines, block, width);
        }
        return new Region(x, top, width, lines);
    }

    /** Word-wraps a block of runs: a line breaks between words, and each word keeps its run's font. */
    private static void wrap(List<Line> lines, Block block, float width) throws IOException {
        List<Run> current = new ArrayList<>();
        float used = 0;
        float gap = block.gap();
        for (Run run : block.runs()) {
            for (String word : run.text().replace('\n', ' ').trim().split(" +")) {
                float space = current.isEmpty() ? 0 : run.font().getStringWidth(" ") / 1000 * block.size();
                float w = run.font().getStringWidth(word) / 1000 * block.size();
                if (!current.isEmpty() && used + space + w > width) {
                    lines.add(new Line(current, block.size(), block.color(), gap));
                    gap = 0;
                    current = new ArrayList<>();
                    used = 0;
                    space = 0;
                }
                Run last = current.isEmpty() ? null : current.getLast();
                if (last != null && last.font() == run.font()) {
                    current.set(current.size() - 1, new Run(last.text() + " " + word, run.font()));
                } else {
                    current.add(new Run(current.isEmpty() ? word : " " + word, run.font()));
                }
                used += space + w;
            }
        }
        lines.add(new Line(current, block.size(), block.color(), gap));
    }

    private static void draw(PDPageContentStream out, Region region) throws IOException {
        float y = region.top();
        for (Line line : region.lines()) {
            y -= line.gap() + leading(line.size());
            float x = region.x();
            for (Run run : line.runs()) {
                out.beginText();
                out.setFont(run.font(), line.size());
                out.setNonStrokingColor(line.color());
                out.newLineAtOffset(x, y);
                out.showText(run.text());
                out.endText();
                x += run.font().getStringWidth(run.text()) / 1000 * line.size();
            }
        }
    }

    /** A dashed line down the middle of the counter card, with a small word saying to fold there. */
    private static void foldLine(PDPageContentStream out, Geometry page, Fonts f, Texts t) throws IOException {
        float x = page.size().getWidth() / 2;
        out.setStrokingColor(MUTED);
        out.setLineWidth(0.5f);
        out.setLineDashPattern(new float[]{4, 4}, 0);
        out.moveTo(x, 12);
        out.lineTo(x, page.size().getHeight() - 12);
        out.stroke();
        out.beginText();
        out.setFont(f.regular(), 6);
        out.setNonStrokingColor(MUTED);
        out.newLineAtOffset(x + 3, 4);
        out.showText(t.get("signalcard.fold"));
        out.endText();
    }

    private static PDFont font(PDDocument document, String resource) throws IOException {
        try (InputStream in = SignalCardPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Font " + resource + " missing from the classpath");
            }
            return PDType0Font.load(document, in);
        }
    }
}
