package nl.omzien.certificates;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import java.awt.image.BufferedImage;

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
     * The QR code on the first page. The page also holds a logo and text, which can throw the finder-pattern
     * search off at one resolution (a ChecksumException for one certificate code in many): try a few.
     */
    public static String qrCode(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Exception last = null;
            for (int dpi : new int[] {150, 200, 300}) {
                BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, dpi);
                int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
                var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
                try {
                    return new QRCodeReader().decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
                } catch (com.google.zxing.ReaderException e) {
                    last = e;
                }
            }
            throw last;
        }
    }
}
