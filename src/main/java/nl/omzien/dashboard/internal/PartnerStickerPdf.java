package nl.omzien.dashboard.internal;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The Omzien-partner window sticker: an A5 sheet for the shop window or the counter, with the
 * organisation's name, so passers-by know they can ask here.
 */
public final class PartnerStickerPdf {

    private PartnerStickerPdf() {
    }

    public static byte[] render(String organisation, String municipality, int year, Texts t) {
        try (PdfCanvas pdf = new PdfCanvas(PDRectangle.A5)) {
            pdf.newPage();
            float w = pdf.size.getWidth();
            float h = pdf.size.getHeight();
            pdf.rect(0, 0, w, h, PdfCanvas.LIGHT);
            pdf.rect(20, 20, w - 40, h - 40, java.awt.Color.WHITE);
            pdf.rect(20, h - 140, w - 40, 120, PdfCanvas.ACCENT);
            centred(pdf, t.get("dashboard.sticker.brand"), pdf.bold, 34, java.awt.Color.WHITE, h - 85);
            centred(pdf, t.get("dashboard.sticker.partner"), pdf.regular, 16, java.awt.Color.WHITE, h - 115);
            float y = h - 210;
            for (String line : pdf.wrap(pdf.printable(organisation, pdf.bold), pdf.bold, 24, w - 80)) {
                centred(pdf, line, pdf.bold, 24, PdfCanvas.INK, y);
                y -= 32;
            }
            y -= 20;
            for (String line : pdf.wrap(t.get("dashboard.sticker.promise"), pdf.regular, 14, w - 90)) {
                centred(pdf, line, pdf.regular, 14, PdfCanvas.INK, y);
                y -= 20;
            }
            centred(pdf, t.get("dashboard.sticker.footer", municipality, String.valueOf(year)), pdf.regular, 11, PdfCanvas.MUTED, 50);
            return pdf.finish(t.get("dashboard.sticker.title", organisation));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void centred(PdfCanvas pdf, String text, org.apache.pdfbox.pdmodel.font.PDFont font, float size,
                                java.awt.Color color, float y) throws IOException {
        float x = (pdf.size.getWidth() - pdf.widthOf(text, font, size)) / 2;
        pdf.text(x, y, text, font, size, color);
    }
}
