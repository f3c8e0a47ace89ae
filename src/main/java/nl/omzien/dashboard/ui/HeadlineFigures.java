package nl.omzien.dashboard.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import nl.omzien.dashboard.DashboardFigures;
import nl.omzien.dashboard.SmallNumbers;

/** The headline figures of the period as cards, above the sections. */
final class HeadlineFigures extends FlexLayout {

    HeadlineFigures(DashboardFigures f, DashboardFormat format) {
        addClassName("dashboard-figures");
        setFlexWrap(FlexWrap.WRAP);
        add(card("trained", format.count(f.trained()), "dashboard.figure.trained", "dashboard.figure.trained.help"));
        add(card("started", format.count(f.started()), "dashboard.figure.started", "dashboard.figure.started.help"));
        add(card("sessions", String.valueOf(f.sessionsHeld()), "dashboard.figure.sessions", null));
        SmallNumbers small = format.small();
        add(card("attendance", small.attendanceHidden(f) ? SmallNumbers.HIDDEN : format.percent(f.attendanceRate()),
                "dashboard.figure.attendance", "dashboard.figure.attendance.help"));
        add(card("organisations", String.valueOf(f.organisationsReached()), "dashboard.figure.organisations",
                "dashboard.figure.organisations.help"));
        add(card("evaluation", small.evaluationHidden(f) ? SmallNumbers.HIDDEN : format.decimal(f.averageEvaluation()),
                "dashboard.figure.evaluation", null));
        add(card("confidence", small.confidenceHidden(f) ? SmallNumbers.HIDDEN : f.confidenceBefore().isPresent()
                ? getTranslation("dashboard.figure.confidence-value", format.decimal(f.confidenceBefore()), format.decimal(f.confidenceAfter()))
                : getTranslation("dashboard.figure.none"), "dashboard.figure.confidence", null));
    }

    private Div card(String id, String value, String labelKey, String helpKey) {
        Span number = new Span(value);
        number.addClassName("figure-value");
        number.setId("figure-" + id);
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("figure-label");
        Div card = new Div(number, label);
        if (helpKey != null) {
            Span help = new Span(getTranslation(helpKey));
            help.addClassName("figure-help");
            card.add(help);
        }
        card.addClassName("figure-card");
        return card;
    }
}
