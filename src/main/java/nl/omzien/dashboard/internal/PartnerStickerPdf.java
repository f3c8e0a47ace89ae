package nl.omzien.dashboard.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/**
 * The Omzien-partner window sticker: an A5 sheet for the shop window or the counter, with the
 * organisation's name, so passers-by know they can ask here, and a QR code to the public partner page
 * where anyone checks that the status is real and current (issue 21).
 */
public final class PartnerStickerPdf {

    private static final float QR_SIZE = 120;

    /** What the sticker says; {@code pageUrl} is what the QR code holds. */
    public record Content(String organisation, String municipality, LocalDate validUntil, String pageUrl) {
    }

    private PartnerStickerPdf() {
    }

    public static byte[] render(Content content, Texts t, Locale locale) {
        try (PdfCanvas pdf = new PdfCanvas(PDRectangle.A5)) {
            pdf.newPage();
            float w = pdf.size.getWidth();
            float h = pdf.size.getHeight();
            pdf.rect(0, 0, w, h, PdfCanvas.LIGHT);
            pdf.rect(20, 20, w - 40, h - 40, Color.WHITE);
            pdf.rect(20, h - 140, w - 40, 120, PdfCanvas.ACCENT);
            centred(pdf, t.get("dashboard.sticker.brand"), pdf.bold, 34, Color.WHITE, h - 85);
            centred(pdf, t.get("dashboard.sticker.partner"), pdf.regular, 16, Color.WHITE, h - 115);
            float y = h - 200;
            for (String line : pdf.wrap(pdf.printable(content.organisation(), pdf.bold), pdf.bold, 22, w - 80)) {
                centred(pdf, line, pdf.bold, 22, PdfCanvas.INK, y);
                y -= 28;
            }
            y -= 12;
            for (String line : pdf.wrap(t.get("dashboard.sticker.promise"), pdf.regular, 13, w - 90)) {
                centred(pdf, line, pdf.regular, 13, PdfCanvas.INK, y);
                y -= 18;
            }
            drawQr(pdf, content.pageUrl(), (w - QR_SIZE) / 2, 88);
            centred(pdf, t.get("partner.sticker.scan"), pdf.regular, 10, PdfCanvas.MUTED, 74);
            String until = content.validUntil().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
            centred(pdf, t.get("dashboard.sticker.footer", pdf.printable(content.municipality(), pdf.regular),
                    t.get("partner.sticker.valid-until", until)), pdf.regular, 10, PdfCanvas.MUTED, 40);
            return pdf.finish(t.get("dashboard.sticker.title", content.organisation()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drawQr(PdfCanvas pdf, String url, float x, float y) throws IOException {
        BitMatrix matrix;
        try {
            // Size 1: one cell per module; the quiet zone (margin 4) is part of the matrix.
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 1, 1,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode the partner page's address as a QR code", e);
        }
        float cell = QR_SIZE / matrix.getWidth();
        pdf.out.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    pdf.out.addRect(x + col * cell, y + (matrix.getHeight() - 1 - row) * cell, cell, cell);
                }
            }
        }
        pdf.out.fill();
    }

    private static void centred(PdfCanvas pdf, String text, org.apache.pdfbox.pdmodel.font.PDFont font, float size,
                                Color color, float y) throws IOException {
        float x = (pdf.size.getWidth() - pdf.widthOf(text, font, size)) / 2;
        pdf.text(x, y, text, font, size, color);
    }
}
