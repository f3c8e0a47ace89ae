package nl.omzien.dashboard.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import nl.omzien.dashboard.CommentFilter;
import nl.omzien.dashboard.DashboardFilter;
import nl.omzien.dashboard.DashboardService;
import nl.omzien.dashboard.EvaluationComment;

import java.util.List;

/** What participants say: their evaluation comments, searchable by text and score. */
final class TellSection extends VerticalLayout {

    private final DashboardService dashboard;
    private final DashboardFilter filter;
    private final DashboardFormat format;
    private final TextField search = new TextField();
    private final IntegerField min = new IntegerField();
    private final IntegerField max = new IntegerField();
    private final Div list = new Div();

    TellSection(DashboardService dashboard, DashboardFilter filter, DashboardFormat format) {
        this.dashboard = dashboard;
        this.filter = filter;
        this.format = format;
        search.setLabel(getTranslation("dashboard.comments.search"));
        search.setId("comments-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        min.setLabel(getTranslation("dashboard.comments.min-score"));
        min.setId("comments-min");
        min.setMin(1);
        min.setMax(10);
        min.setValue(1);
        max.setLabel(getTranslation("dashboard.comments.max-score"));
        max.setId("comments-max");
        max.setMin(1);
        max.setMax(10);
        max.setValue(10);
        list.setId("comments");
        search.addValueChangeListener(e -> show());
        min.addValueChangeListener(e -> show());
        max.addValueChangeListener(e -> show());
        show();
        FlexLayout filters = new FlexLayout(search, min, max);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("dashboard-filters");
        add(new Paragraph(getTranslation("dashboard.comments.privacy")), filters, list);
        setPadding(false);
    }

    private void show() {
        list.removeAll();
        int low = clamp(min.getValue(), 1);
        int high = clamp(max.getValue(), 10);
        List<EvaluationComment> comments = dashboard.comments(filter, new CommentFilter(search.getValue(), Math.min(low, high), Math.max(low, high)));
        if (comments.isEmpty()) {
            list.add(new Paragraph(getTranslation("dashboard.comments.none")));
        }
        for (EvaluationComment c : comments) {
            Div card = new Div();
            card.addClassName("comment-card");
            Span meta = new Span(c.sessionTitle() + " · " + format.date(c.sessionOn()) + " · "
                    + getTranslation("dashboard.comments.score", c.score()));
            meta.addClassName("comment-meta");
            card.add(meta);
            if (c.comment() != null) {
                Paragraph text = new Paragraph("“" + c.comment() + "”");
                text.addClassName("comment-text");
                card.add(text);
            }
            card.add(new Paragraph(getTranslation("dashboard.comments.do-differently") + ": " + c.doDifferently()));
            list.add(card);
        }
    }

    private static int clamp(Integer value, int fallback) {
        return value == null ? fallback : Math.max(1, Math.min(10, value));
    }
}
