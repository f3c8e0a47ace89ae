package nl.omzien.training.ui;

import com.vaadin.flow.component.Html;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Renders content Markdown safely: raw HTML in the source is escaped, unsafe link schemes removed. */
final class MarkdownText {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private MarkdownText() {
    }

    static String toHtml(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }

    static Html of(String markdown, String className) {
        return new Html("<div class=\"" + className + "\">" + toHtml(markdown) + "</div>");
    }
}
