package nl.omzien.certificates.internal;

import nl.omzien.base.InvalidInputException;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a logo upload accepts and refuses, decided by content, not by name. */
class LogoImagesTest {

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(width / 2, height / 2, 0xFF1F5F8B);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] svg(String body) {
        return ("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"100\" height=\"40\">"
                + body + "</svg>").getBytes(StandardCharsets.UTF_8);
    }

    private static void refused(byte[] file, String key) {
        assertThatThrownBy(() -> LogoImages.normalise(file)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).containsEntry("logo", key));
    }

    @Test
    void aLargePngIsScaledDownIntoTheStoredBoxKeepingItsProportions() throws Exception {
        LogoImages.Normalised logo = LogoImages.normalise(png(1440, 270));
        assertThat(logo.sourceType()).isEqualTo(LogoImages.Type.PNG);
        assertThat(logo.width()).isEqualTo(720);
        assertThat(logo.height()).isEqualTo(135);
        assertThat(ImageIO.read(new ByteArrayInputStream(logo.png())).getWidth()).isEqualTo(720);
    }

    @Test
    void aPlainSvgIsDrawnToAPngOnce() throws Exception {
        LogoImages.Normalised logo = LogoImages.normalise(svg("<rect width=\"100\" height=\"40\" fill=\"#1f5f8b\"/>"));
        assertThat(logo.sourceType()).isEqualTo(LogoImages.Type.SVG);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(logo.png()));
        assertThat(image.getWidth()).isEqualTo(LogoImages.MAX_STORED_HEIGHT * 100 / 40);
        assertThat(image.getRGB(10, 10) & 0xFFFFFF).isEqualTo(0x1F5F8B);
    }

    @Test
    void aTextFileNamedLikeAnImageOrAJpegIsTheWrongType() throws Exception {
        refused("hallo, dit is geen logo".getBytes(StandardCharsets.UTF_8), "certificate-logo.wrong-type");
        BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        refused(jpeg.toByteArray(), "certificate-logo.wrong-type");
    }

    @Test
    void tooLargeFilesAndImagesAreRefused() throws Exception {
        byte[] big = new byte[LogoImages.MAX_BYTES + 1];
        System.arraycopy(png(20, 20), 0, big, 0, 8);
        refused(big, "certificate-logo.too-large");
        refused(png(4001, 20), "certificate-logo.too-many-pixels");
        refused(png(8, 8), "certificate-logo.too-few-pixels");
        refused(new byte[0], "certificate-logo.empty");
    }

    @Test
    void aTruncatedPngIsBroken() throws Exception {
        byte[] whole = png(200, 100);
        refused(java.util.Arrays.copyOf(whole, 40), "certificate-logo.broken");
    }

    @Test
    void svgWithScriptsHandlersOrOutsideReferencesIsRefused() {
        refused(svg("<script>alert(1)</script>"), "certificate-logo.svg-unsafe");
        refused(svg("<rect width=\"10\" height=\"10\" onclick=\"alert(1)\"/>"), "certificate-logo.svg-unsafe");
        refused(svg("<image href=\"https://tracker.example/pixel.png\" width=\"10\" height=\"10\"/>"), "certificate-logo.svg-unsafe");
        refused(svg("<use xlink:href=\"file:///etc/passwd#x\"/>"), "certificate-logo.svg-unsafe");
        refused(svg("<rect width=\"10\" height=\"10\" style=\"fill:url(https://x.example/a.svg#g)\"/>"), "certificate-logo.svg-unsafe");
        refused(svg("<foreignObject><p xmlns=\"http://www.w3.org/1999/xhtml\">hi</p></foreignObject>"), "certificate-logo.svg-unsafe");
        refused(("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>").getBytes(StandardCharsets.UTF_8), "certificate-logo.svg-unsafe");
    }

    @Test
    void internalReferencesLikeGradientsAreFine() {
        LogoImages.Normalised logo = LogoImages.normalise(svg("<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#000\"/>"
                + "<stop offset=\"1\" stop-color=\"#fff\"/></linearGradient></defs><rect width=\"100\" height=\"40\" fill=\"url(#g)\"/>"));
        assertThat(logo.width()).isPositive();
    }
}
