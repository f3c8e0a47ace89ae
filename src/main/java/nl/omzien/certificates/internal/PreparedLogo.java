package nl.omzien.certificates.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/**
 * A logo ready to embed: its pixels already Flate-compressed the way a PDF image stream holds them
 * (colour, and a separate soft mask when it has transparency), so each certificate copies bytes
 * instead of decoding and re-compressing the PNG. Immutable; shared by all threads.
 *
 * @param alpha null when the logo is fully opaque
 */
public record PreparedLogo(int width, int height, byte[] rgb, byte[] alpha, String altText) {

    /** The same pixels (shared, never copied) with the alternative text for one certificate's language. */
    public PreparedLogo withAltText(String text) {
        return new PreparedLogo(width, height, rgb, alpha, text);
    }

    /** Decodes a stored (already validated) PNG once. */
    public static PreparedLogo fromPng(byte[] png, String altText) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IOException("Not a readable PNG");
            }
            int w = image.getWidth();
            int h = image.getHeight();
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            byte[] rgb = new byte[w * h * 3];
            byte[] alpha = new byte[w * h];
            boolean translucent = false;
            for (int i = 0; i < argb.length; i++) {
                int p = argb[i];
                rgb[3 * i] = (byte) (p >> 16);
                rgb[3 * i + 1] = (byte) (p >> 8);
                rgb[3 * i + 2] = (byte) p;
                alpha[i] = (byte) (p >>> 24);
                translucent |= (p >>> 24) != 0xFF;
            }
            return new PreparedLogo(w, h, deflate(rgb), translucent ? deflate(alpha) : null, altText);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the logo", e);
        }
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
        byte[] buffer = new byte[16 * 1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
