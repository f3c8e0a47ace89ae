package nl.omzien.certificates;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import java.awt.image.BufferedImage;
import java.util.Map;

/** Reads a certificate back the way a person or a phone would: its text, and its QR code from a rendered page. */
public final class PdfReading {

    private PdfReading() {
    }

    public static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /**
     * The QR code on the first page, read as a phone does: framed on the code (the bottom-right quarter of the
     * page, where the certificate prints it), then the whole page. The page's text and logo can throw the
     * finder-pattern search off at one resolution (a ChecksumException for one certificate code in many): try a few.
     */
    public static String qrCode(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Exception last = null;
            for (int dpi : new int[] {150, 200, 300}) {
                BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, dpi);
                BufferedImage framed = page.getSubimage(page.getWidth() / 2, page.getHeight() / 2,
                        page.getWidth() - page.getWidth() / 2, page.getHeight() - page.getHeight() / 2);
                for (BufferedImage image : new BufferedImage[] {framed, page}) {
                    try {
                        return decode(image);
                    } catch (ReaderException e) {
                        last = e;
                    }
                }
            }
            throw last;
        }
    }

    private static String decode(BufferedImage image) throws ReaderException {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
