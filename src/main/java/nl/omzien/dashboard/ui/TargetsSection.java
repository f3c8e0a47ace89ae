package nl.omzien.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.dashboard.DashboardFilter;
import nl.omzien.dashboard.DashboardService;
import nl.omzien.dashboard.SmallNumbers;
import nl.omzien.dashboard.TargetKind;
import nl.omzien.dashboard.TargetProgress;
import nl.omzien.people.Audience;

import java.util.List;
import java.util.Map;

/** The municipality's targets with their progress; a lead adds and deletes them here. */
final class TargetsSection extends VerticalLayout {

    private final DashboardService dashboard;
    private final Runnable refresh;

    /** {@code refresh} rebuilds the dashboard after a target was saved or deleted, so the list shows it. */
    TargetsSection(DashboardService dashboard, DashboardFilter filter, DashboardFormat format, Runnable refresh) {
        this.dashboard = dashboard;
        this.refresh = refresh;
        setPadding(false);
        List<TargetProgress> targets = dashboard.targets(filter);
        if (targets.isEmpty()) {
            add(new Paragraph(getTranslation("dashboard.targets.none")));
        }
        for (TargetProgress p : targets) {
            String label = p.target().year() + " · " + targetLabel(p);
            Span text = new Span(label);
            text.addClassName("target-label");
            boolean hidden = format.small().targetHidden(p);
            // A hidden number also hides the bar: its length times the goal would give it.
            ProgressBar bar = new ProgressBar(0, 1, hidden ? 0 : p.share());
            bar.getElement().setAttribute("aria-label", label);
            bar.setWidthFull();
            bar.setVisible(!hidden);
            Span reached = new Span(getTranslation("dashboard.target.progress",
                    hidden ? SmallNumbers.HIDDEN : String.valueOf(p.reached()), p.target().target()));
            reached.addClassName("target-reached");
            Div row = new Div(text, bar, reached);
            row.addClassName("target-row");
            if (p.target().id() != null) {
                Button delete = new Button(getTranslation("dashboard.targets.delete"), click -> {
                    dashboard.deleteTarget(p.target().id());
                    FormErrors.saved(getTranslation("dashboard.targets.deleted"));
                    refresh.run();
                });
                delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                delete.getElement().setAttribute("aria-label", getTranslation("dashboard.targets.delete.aria", p.target().year(), targetLabel(p)));
                row.add(delete);
            }
            add(row);
        }
        if (filter.municipalityId() != null) {
            add(targetForm(filter));
        }
    }

    private String targetLabel(TargetProgress p) {
        return p.target().audience() == null ? getTranslation("dashboard.target.kind." + p.target().kind())
                : getTranslation("dashboard.target.kind.TRAINED-audience", getTranslation("audience." + p.target().audience()));
    }

    private Component targetForm(DashboardFilter filter) {
        IntegerField year = new IntegerField(getTranslation("dashboard.targets.year"));
        year.setId("target-year");
        year.setValue(filter.until().getYear());
        Select<TargetKind> kind = new Select<>();
        kind.setId("target-kind");
        kind.setLabel(getTranslation("dashboard.targets.kind"));
        kind.setItems(TargetKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("dashboard.target.kind." + k.name()));
        kind.setValue(TargetKind.TRAINED);
        Select<Audience> audience = new Select<>();
        audience.setId("target-audience");
        audience.setLabel(getTranslation("dashboard.targets.audience"));
        audience.setItems(Audience.values());
        audience.setEmptySelectionAllowed(true);
        audience.setEmptySelectionCaption(getTranslation("dashboard.targets.audience.all"));
        audience.setItemLabelGenerator(a -> a == null ? getTranslation("dashboard.targets.audience.all") : getTranslation("audience." + a.name()));
        kind.addValueChangeListener(e -> audience.setEnabled(e.getValue() == TargetKind.TRAINED));
        IntegerField number = new IntegerField(getTranslation("dashboard.targets.number"));
        number.setId("target-number");
        number.setMin(1);
        Button save = new Button(getTranslation("dashboard.targets.save"), click -> {
            Map<String, IntegerField> fields = Map.of("year", year, "target", number);
            try {
                FormErrors.clear(fields);
                dashboard.saveTarget(filter.municipalityId(), year.getValue(), kind.getValue(), audience.getValue(), number.getValue());
                FormErrors.saved(getTranslation("dashboard.targets.saved"));
                refresh.run();
            } catch (InvalidInputException e) {
                FormErrors.show(e, fields);
            }
        });
        save.setId("target-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(year, kind, audience, number, save);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 3));
        Details details = new Details(getTranslation("dashboard.targets.add"), form);
        details.setWidthFull();
        return details;
    }
}
