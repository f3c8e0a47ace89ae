package nl.omzien.contacts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import java.text.NumberFormat;
import java.util.List;
import java.util.function.Function;

/**
 * A municipality's loneliness figures, each with population, year and source. The module player shows it
 * under the lesson on how common loneliness is, only when the learner's municipality has figures.
 */
public class LocalFiguresPanel extends Div {

    /** The signed-in person's own municipality's figures, or null when there are none: then nothing is shown. */
    public static LocalFiguresPanel forMe(LocalContactService service) {
        List<LocalFigure> figures = service.myFigures();
        if (figures.isEmpty()) {
            return null;
        }
        String municipality = service.mine().map(MunicipalityContacts::municipalityName).orElse("");
        return new LocalFiguresPanel(municipality, figures, null);
    }

    /**
     * @param actions extra buttons per figure (the editor's change and delete), or null
     */
    public LocalFiguresPanel(String municipalityName, List<LocalFigure> figures, Function<LocalFigure, Component> actions) {
        addClassName("local-figures");
        setId("local-figures");
        add(new H3(getTranslation("figure.heading", municipalityName)));
        if (figures.isEmpty()) {
            add(new Paragraph(getTranslation("figure.none")));
            return;
        }
        UnorderedList list = new UnorderedList();
        NumberFormat percent = NumberFormat.getNumberInstance(getLocale());
        percent.setMaximumFractionDigits(1);
        for (LocalFigure figure : figures) {
            ListItem item = new ListItem();
            item.addClassName("local-figure");
            item.add(new Span(getTranslation("figure.line", percent.format(figure.percent()), figure.population(),
                    String.valueOf(figure.year()))));
            Paragraph source = new Paragraph(getTranslation("figure.source-line", figure.source()));
            source.addClassName("local-figure-source");
            item.add(source);
            if (actions != null) {
                item.add(actions.apply(figure));
            }
            list.add(item);
        }
        add(list);
    }
}
