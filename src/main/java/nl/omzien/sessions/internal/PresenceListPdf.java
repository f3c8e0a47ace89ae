package nl.omzien.sessions.internal;

import nl.omzien.base.PdfText;
import nl.omzien.base.Translations;
import nl.omzien.sessions.SessionParticipant;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.sessions.TrainingSession;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The presence list a trainer prints: session details on top, then one row per participant with
 * name, organisation and room to sign. DejaVu Sans (embedded as a subset) so names like Yılmaz,
 * Łukasz or Ayşe print correctly; PDFBox's standard fonts cannot.
 */
@Component
public class PresenceListPdf {

    private static final float MARGIN = 50;
    private static final float ROW = 28;

    private final Translations translations;

    PresenceListPdf(Translations translations) {
        this.translations = translations;
    }

    public byte[] render(TrainingSession session, List<SessionParticipant> participants, Locale locale) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont regular = load(document, "/fonts/DejaVuSans.ttf");
            PDFont bold = load(document, "/fonts/DejaVuSans-Bold.ttf");
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            float[] columns = {MARGIN, MARGIN + 25, MARGIN + 25 + width * 0.36f, MARGIN + 25 + width * 0.70f, MARGIN + width};
            int index = 0;
            int page = 0;
            do {
                PDPage pdfPage = new PDPage(PDRectangle.A4);
                document.addPage(pdfPage);
                page++;
                try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
                    float y = PDRectangle.A4.getHeight() - MARGIN;
                    text(content, bold, 16, MARGIN, y, translations.getTranslation("presence.title", locale));
                    y -= 22;
                    text(content, bold, 12, MARGIN, y, PdfText.fit(session.title(), bold, 12, width));
                    y -= 16;
                    text(content, regular, 10, MARGIN, y, SessionMails.when(locale, session.startsAt()) + "–"
                            + SessionTimes.local(session.endsAt()).toLocalTime() + " · " + PdfText.fit(session.place(), regular, 10, width - 200));
                    y -= 14;
                    text(content, regular, 10, MARGIN, y, translations.getTranslation("presence.trainers", locale,
                            String.join(", ", session.trainerNames())) + " · " + session.municipalityName()
                            + (page > 1 ? " · " + translations.getTranslation("presence.page", locale, page) : ""));
                    y -= 26;
                    String[] headers = {"#", translations.getTranslation("presence.name", locale),
                            translations.getTranslation("presence.organisation", locale),
                            translations.getTranslation("presence.signature", locale)};
                    for (int c = 0; c < headers.length; c++) {
                        text(content, bold, 10, columns[c] + 3, y + 8, headers[c]);
                    }
                    line(content, MARGIN, y, MARGIN + width, y);
                    while (index < participants.size() && y - ROW > MARGIN) {
                        SessionParticipant participant = participants.get(index);
                        float rowTop = y;
                        y -= ROW;
                        text(content, regular, 10, columns[0] + 3, y + 10, String.valueOf(index + 1));
                        text(content, regular, 10, columns[1] + 3, y + 10,
                                PdfText.fit(participant.fullName(), regular, 10, columns[2] - columns[1] - 6));
                        text(content, regular, 10, columns[2] + 3, y + 10, PdfText.fit(participant.organisationName() == null ? ""
                                : participant.organisationName(), regular, 10, columns[3] - columns[2] - 6));
                        line(content, MARGIN, y, MARGIN + width, y);
                        for (float x : columns) {
                            line(content, x, rowTop, x, y);
                        }
                        index++;
                    }
                    // A few empty rows for walk-ins on the last page.
                    for (int extra = 0; index >= participants.size() && extra < 3 && y - ROW > MARGIN; extra++) {
                        float rowTop = y;
                        y -= ROW;
                        line(content, MARGIN, y, MARGIN + width, y);
                        for (float x : columns) {
                            line(content, x, rowTop, x, y);
                        }
                    }
                }
            } while (index < participants.size());
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDFont load(PDDocument document, String resource) throws IOException {
        try (InputStream font = PresenceListPdf.class.getResourceAsStream(resource)) {
            if (font == null) {
                throw new IOException("Font missing: " + resource);
            }
            return PDType0Font.load(document, font);
        }
    }

    private static void text(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text == null ? "" : text.replaceAll("[\\r\\n\\t]", " "));
        content.endText();
    }

    private static void line(PDPageContentStream content, float x1, float y1, float x2, float y2) throws IOException {
        content.setLineWidth(0.5f);
        content.moveTo(x1, y1);
        content.lineTo(x2, y2);
        content.stroke();
    }

}
