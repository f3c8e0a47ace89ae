package nl.omzien.certificates;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
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
     * The QR code on the first page, read from the rendered page by two of zxing's detectors, as two phone
     * apps would. The plain one fails on some valid codes: for one certificate code in a few hundred it
     * finds the finder patterns wrong and reports a ChecksumException at every resolution, where the
     * multi-code detector (and zbar) read the same image. Tries a few resolutions.
     */
    public static String qrCode(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Exception last = null;
            for (int dpi : new int[] {150, 200, 300}) {
                BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, dpi);
                int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
                var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
                Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
                try {
                    return new QRCodeReader().decode(bitmap, hints).getText();
                } catch (ReaderException e) {
                    last = e;
                }
                try {
                    Result[] found = new QRCodeMultiReader().decodeMultiple(bitmap, hints);
                    if (found.length != 1) {
                        throw new AssertionError(found.length + " QR codes on the page, expected one");
                    }
                    return found[0].getText();
                } catch (ReaderException e) {
                    last = e;
                }
            }
            throw last;
        }
    }
}
