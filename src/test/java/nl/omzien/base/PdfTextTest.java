package nl.omzien.base;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Text that must stay in its column of a PDF: the council report's headers and bars, the presence list. */
class PdfTextTest {

    @Test
    void textTooWideForItsColumnIsCutWithAnEllipsisByItsWidthNotItsLength() throws Exception {
        try (PDDocument document = new PDDocument(); InputStream in = PdfTextTest.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf")) {
            PDFont bold = PDType0Font.load(document, in);
            float column = 100;
            // Capitals are wider than a fixed number of characters allows for: the cut follows the width.
            String capitals = PdfText.fit("WEEK TEGEN EENZAAMHEID 2026", bold, 9, column);
            assertThat(capitals).endsWith("…").startsWith("WEEK");
            assertThat(bold.getStringWidth(capitals) / 1000 * 9).isLessThanOrEqualTo(column);
            String narrow = PdfText.fit("iiiiiiiiiiiiiiiiiiiiiiiii", bold, 9, column);
            assertThat(narrow).as("25 narrow letters fit").isEqualTo("iiiiiiiiiiiiiiiiiiiiiiiii");
            assertThat(PdfText.fit("Week\nvan de Ontmoeting", bold, 9, 500)).isEqualTo("Week van de Ontmoeting");
            assertThat(PdfText.fit(null, bold, 9, column)).isEmpty();
        }
    }
}
