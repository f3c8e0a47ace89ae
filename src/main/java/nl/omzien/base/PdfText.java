package nl.omzien.base;

import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Text layout shared by the app's PDFs (certificates, council report, contact card, trainer kit). */
public final class PdfText {

    private PdfText() {
    }

    /**
     * Word-wraps text to a width: one line per line break in the text, then as many words per line as fit.
     * A word wider than the width gets a line of its own rather than being cut.
     */
    public static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.replace('\t', ' ').split("\\R")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Shortens text with an ellipsis so it stays inside its column (line breaks become spaces). */
    public static String fit(String text, PDFont font, float size, float width) throws IOException {
        if (text == null) {
            return "";
        }
        String clean = text.replaceAll("[\\r\\n\\t]", " ");
        if (font.getStringWidth(clean) / 1000 * size <= width) {
            return clean;
        }
        while (!clean.isEmpty() && font.getStringWidth(clean + "…") / 1000 * size > width) {
            clean = clean.substring(0, clean.length() - 1);
        }
        return clean + "…";
    }
}
