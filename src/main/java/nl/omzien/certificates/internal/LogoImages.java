package nl.omzien.certificates.internal;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.DocumentLimits;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.parser.resources.ResourcePolicy;
import com.github.weisj.jsvg.view.FloatSize;
import com.github.weisj.jsvg.view.ViewBox;
import nl.omzien.base.InvalidInputException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an uploaded logo and turns it into the PNG that certificates use. The type comes from the
 * content, never the file name. A PNG is decoded only after its header says the dimensions are sane
 * (a small file can unpack to gigabytes). An SVG must be plain drawing: no DOCTYPE (so no entities),
 * no scripts, event handlers, foreign objects or references outside the file; it is then drawn to
 * PNG once, here, by JSVG with every external resource denied. Certificates never parse SVG.
 * See docs/decisions/013-certificate-logos-and-reminders.md.
 */
public final class LogoImages {

    public static final int MAX_BYTES = 1024 * 1024;
    /** Larger than this (either side) is refused: no logo needs it, and decoding it costs memory. */
    public static final int MAX_SOURCE_PIXELS = 4000;
    public static final int MIN_SOURCE_PIXELS = 16;
    /** The stored PNG fits this box: sharp at 300 dpi in the certificate's 170 × 64 pt logo area. */
    static final int MAX_STORED_WIDTH = 720;
    static final int MAX_STORED_HEIGHT = 270;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "foreignobject", "iframe", "embed", "object",
            "audio", "video", "handler", "listener", "animate", "set", "animatemotion", "animatetransform");
    private static final Pattern OUTSIDE_REFERENCE = Pattern.compile("(?i)url\\(\\s*['\"]?\\s*[^#'\"\\s)]|@import|javascript:");

    public enum Type { PNG, SVG }

    /** A checked logo as stored: always PNG. */
    public record Normalised(byte[] png, int width, int height, Type sourceType) {
    }

    private LogoImages() {
    }

    private static InvalidInputException problem(String key) {
        return new InvalidInputException(Map.of("logo", key));
    }

    public static Normalised normalise(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw problem("certificate-logo.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw problem("certificate-logo.too-large");
        }
        Type type = sniff(bytes);
        if (type == null) {
            throw problem("certificate-logo.wrong-type");
        }
        BufferedImage image = type == Type.PNG ? decodePng(bytes) : drawSvg(bytes);
        BufferedImage fitted = fit(image);
        return new Normalised(encodePng(fitted), fitted.getWidth(), fitted.getHeight(), type);
    }

    /** PNG by its signature; SVG when the text (after an optional BOM, XML declaration and comments) opens an svg element. */
    static Type sniff(byte[] bytes) {
        if (bytes.length > PNG_SIGNATURE.length && Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            return Type.PNG;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8).replace("\uFEFF", "");
        // A DOCTYPE still makes it an SVG (to be refused as unsafe later, not as the wrong type).
        head = head.replaceAll("(?s)<\\?xml.*?\\?>", "").replaceAll("(?s)<!--.*?-->", "")
                .replaceAll("(?s)^\\s*<!DOCTYPE[^\\[>]*(\\[.*?\\])?\\s*>", "").strip();
        return head.regionMatches(true, 0, "<svg", 0, 4) ? Type.SVG : null;
    }

    private static BufferedImage decodePng(byte[] bytes) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                checkDimensions(reader.getWidth(0), reader.getHeight(0));
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw problem("certificate-logo.broken");
        }
    }

    private static void checkDimensions(double width, double height) {
        if (width > MAX_SOURCE_PIXELS || height > MAX_SOURCE_PIXELS) {
            throw problem("certificate-logo.too-many-pixels");
        }
        if (width < MIN_SOURCE_PIXELS || height < MIN_SOURCE_PIXELS) {
            throw problem("certificate-logo.too-few-pixels");
        }
    }

    private static BufferedImage drawSvg(byte[] bytes) {
        requireSafeSvg(bytes);
        SVGDocument svg;
        try {
            LoaderContext context = LoaderContext.builder()
                    .externalResourcePolicy(ResourcePolicy.DENY_ALL)
                    .documentLimits(new DocumentLimits(DocumentLimits.DEFAULT_MAX_NESTING_DEPTH,
                            DocumentLimits.DEFAULT_MAX_USE_NESTING_DEPTH, 20_000))
                    .build();
            svg = new SVGLoader().load(new ByteArrayInputStream(bytes), URI.create("about:logo"), context);
        } catch (RuntimeException e) {
            throw problem("certificate-logo.broken");
        }
        if (svg == null) {
            throw problem("certificate-logo.broken");
        }
        FloatSize size = svg.size();
        if (!(size.width > 0) || !(size.height > 0)) {
            throw problem("certificate-logo.broken");
        }
        // Drawn straight at the stored size: the vector logo stays sharp however small its own units are.
        double scale = Math.min(MAX_STORED_WIDTH / size.width, MAX_STORED_HEIGHT / size.height);
        int width = Math.max(1, (int) Math.round(size.width * scale));
        int height = Math.max(1, (int) Math.round(size.height * scale));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(scale, scale);
            svg.render((java.awt.Component) null, g, new ViewBox(size));
        } catch (RuntimeException e) {
            throw problem("certificate-logo.broken");
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Parses the SVG with DTDs switched off and walks every element: only drawing is allowed. The PNG is
     * what certificates and pages show, but the check keeps the parser itself from fetching anything.
     */
    static void requireSafeSvg(byte[] bytes) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            // A DOCTYPE lands here too: refused as unsafe rather than broken, since that is the reason.
            throw problem(e.getMessage() != null && e.getMessage().contains("DOCTYPE") ? "certificate-logo.svg-unsafe" : "certificate-logo.broken");
        }
        Element root = document.getDocumentElement();
        if (!"svg".equals(localName(root))) {
            throw problem("certificate-logo.wrong-type");
        }
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            String name = localName(element).toLowerCase(Locale.ROOT);
            if (FORBIDDEN_ELEMENTS.contains(name)) {
                throw problem("certificate-logo.svg-unsafe");
            }
            if (name.equals("style") && OUTSIDE_REFERENCE.matcher(element.getTextContent()).find()) {
                throw problem("certificate-logo.svg-unsafe");
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                Attr attribute = (Attr) attributes.item(a);
                String attributeName = localName(attribute).toLowerCase(Locale.ROOT);
                String value = attribute.getValue().strip();
                if (attributeName.startsWith("on")
                        || (attributeName.equals("href") && !value.startsWith("#"))
                        || OUTSIDE_REFERENCE.matcher(value).find()) {
                    throw problem("certificate-logo.svg-unsafe");
                }
            }
        }
    }

    private static String localName(org.w3c.dom.Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    /** Scales down (never up) into the stored box, keeping the proportions. */
    private static BufferedImage fit(BufferedImage image) {
        double scale = Math.min(1, Math.min((double) MAX_STORED_WIDTH / image.getWidth(), (double) MAX_STORED_HEIGHT / image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage fitted = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = fitted.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return fitted;
    }

    private static byte[] encodePng(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw problem("certificate-logo.broken");
        }
    }
}
