package nl.omzien.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The frame of a page anyone may open without signing in (the public agenda, a partner page, a mail's link):
 * one centred column with the brand line on top, filled anew at every entry.
 */
public abstract class PublicPage extends VerticalLayout {

    protected final Div content = new Div();

    protected PublicPage() {
        setAlignItems(Alignment.CENTER);
        content.addClassName("verify-content");
        add(content);
    }

    /** Empties the column for this entry and puts the brand line back on top. */
    protected void startPage() {
        content.removeAll();
        content.add(brand());
    }

    /** "Omzien" above the page's heading, on every page without the app's menu. */
    public static Paragraph brand() {
        Paragraph brand = new Paragraph(com.vaadin.flow.component.UI.getCurrent().getTranslation("app.name"));
        brand.addClassName("brand");
        return brand;
    }
}
