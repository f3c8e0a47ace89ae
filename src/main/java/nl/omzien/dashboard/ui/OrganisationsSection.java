package nl.omzien.dashboard.ui;

import nl.omzien.base.OrganisationId;

import nl.omzien.base.MunicipalityId;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.TapList;
import nl.omzien.dashboard.DashboardFilter;
import nl.omzien.dashboard.DashboardService;
import nl.omzien.dashboard.OrganisationFigures;
import nl.omzien.dashboard.PartnerRule;
import nl.omzien.dashboard.SmallNumbers;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

/**
 * Organisations reached and which of them are Omzien-partners (with a sticker to download); a lead
 * sets the municipality's partner rule in the form below the table.
 */
final class OrganisationsSection extends VerticalLayout {

    private final DashboardService dashboard;
    private final Runnable refresh;

    /** {@code refresh} rebuilds the dashboard after the partner rule changed: it changes every partner cell. */
    OrganisationsSection(DashboardService dashboard, DashboardFilter filter, DashboardFormat format, Runnable refresh) {
        this.dashboard = dashboard;
        this.refresh = refresh;
        setPadding(false);
        List<OrganisationFigures> rows = dashboard.organisations(filter);
        if (filter.municipalityId() == null) {
            add(new Paragraph(getTranslation("dashboard.organisations.limited", rows.size())));
        } else {
            PartnerRule rule = dashboard.partnerRule(filter.municipalityId());
            add(new Paragraph(getTranslation("dashboard.organisations.rule", rule.sharePercent(), rule.minTrained())));
        }
        Grid<OrganisationFigures> grid = new Grid<>();
        grid.setId("table-organisations");
        // Names wrap and every column fits a laptop screen: the partner column was pushed out of sight at 1366 px.
        grid.addColumn(OrganisationFigures::name).setHeader(getTranslation("dashboard.column.organisation")).setFlexGrow(3).setWidth("10rem");
        grid.addColumn(o -> o.sector().label(getLocale(), key -> getTranslation(key))).setHeader(getTranslation("dashboard.column.sector"));
        grid.addColumn(o -> o.village() == null ? "" : o.village()).setHeader(getTranslation("dashboard.column.village"));
        SmallNumbers.OrganisationMask mask = format.small().organisations(rows);
        grid.addColumn(o -> mask.inPeriod().contains(rows.indexOf(o)) ? SmallNumbers.HIDDEN : String.valueOf(o.trainedInPeriod()))
                .setHeader(getTranslation("dashboard.column.trained-period"));
        grid.addColumn(o -> mask.total().contains(rows.indexOf(o)) ? SmallNumbers.HIDDEN : String.valueOf(o.trainedTotal()))
                .setHeader(getTranslation("dashboard.column.trained-total"));
        grid.addColumn(o -> mask.staff().contains(rows.indexOf(o)) ? SmallNumbers.HIDDEN : String.valueOf(o.registeredStaff()))
                .setHeader(getTranslation("dashboard.column.staff"));
        grid.addColumn(o -> mask.share().contains(rows.indexOf(o)) ? SmallNumbers.HIDDEN : format.percent(o.shareTrained()))
                .setHeader(getTranslation("dashboard.column.share"));
        grid.addColumn(o -> o.lastTrainedOn() == null || mask.small().contains(rows.indexOf(o)) ? "" : format.date(o.lastTrainedOn()))
                .setHeader(getTranslation("dashboard.column.last"));
        // A small organisation's partner yes/no would give its trained count away through the partner rule.
        grid.addComponentColumn(o -> mask.small().contains(rows.indexOf(o)) ? new Span(SmallNumbers.HIDDEN) : partnerCell(o))
                .setHeader(getTranslation("dashboard.column.partner"));
        grid.setItems(rows);
        grid.setAllRowsVisible(rows.size() <= 50);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // Fixed starting widths that add up to less than a laptop's content area; headers wrap (CSS).
        List<String> widths = List.of("10rem", "8rem", "7rem", "5.5rem", "5.5rem", "6.5rem", "5.5rem", "7rem", "7rem");
        for (int i = 0; i < grid.getColumns().size() && i < widths.size(); i++) {
            grid.getColumns().get(i).setWidth(widths.get(i)).setResizable(true);
        }
        grid.addClassNames("dashboard-organisations", "wide-only");
        // On a phone nine columns cannot fit: one item per organisation, every figure on a line of its own.
        TapList<OrganisationFigures> list = new TapList<OrganisationFigures>("list-organisations",
                getTranslation("dashboard.tab.organisations"), OrganisationFigures::name, o -> phoneLines(o, rows.indexOf(o), mask, format))
                .extra(o -> !mask.small().contains(rows.indexOf(o)) && o.partner() ? sticker(o, "sticker-phone-") : null);
        list.addClassName("dashboard-organisations-list");
        list.setItems(rows);
        add(grid, list);
        if (filter.municipalityId() != null) {
            add(partnerRuleForm(filter.municipalityId()));
        }
    }

    /** The grid's columns as lines under the organisation's name, with the same masking. */
    private List<String> phoneLines(OrganisationFigures o, int row, SmallNumbers.OrganisationMask mask, DashboardFormat format) {
        String village = o.village() == null ? "" : " · " + o.village();
        List<String> lines = new java.util.ArrayList<>();
        lines.add(o.sector().label(getLocale(), key -> getTranslation(key)) + village);
        lines.add(line("dashboard.column.trained-period", mask.inPeriod().contains(row) ? SmallNumbers.HIDDEN : String.valueOf(o.trainedInPeriod()))
                + " · " + line("dashboard.column.trained-total", mask.total().contains(row) ? SmallNumbers.HIDDEN : String.valueOf(o.trainedTotal())));
        lines.add(line("dashboard.column.staff", mask.staff().contains(row) ? SmallNumbers.HIDDEN : String.valueOf(o.registeredStaff()))
                + " · " + line("dashboard.column.share", mask.share().contains(row) ? SmallNumbers.HIDDEN : format.percent(o.shareTrained())));
        if (o.lastTrainedOn() != null && !mask.small().contains(row)) {
            lines.add(line("dashboard.column.last", format.date(o.lastTrainedOn())));
        }
        lines.add(line("dashboard.column.partner", mask.small().contains(row) ? SmallNumbers.HIDDEN
                : getTranslation(o.partner() ? "dashboard.yes" : "dashboard.no")));
        return lines;
    }

    private String line(String key, String value) {
        return getTranslation(key) + ": " + value;
    }

    private Component partnerCell(OrganisationFigures o) {
        if (!o.partner()) {
            return new Span(getTranslation("dashboard.no"));
        }
        return new HorizontalLayout(new Span(getTranslation("dashboard.yes")), sticker(o, "sticker-"));
    }

    private Anchor sticker(OrganisationFigures o, String idPrefix) {
        OrganisationId id = o.organisationId();
        Anchor sticker = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = dashboard.partnerSticker(id, getLocale());
            return new DownloadResponse(new ByteArrayInputStream(pdf), "omzien-partner-" + id + ".pdf", "application/pdf", pdf.length);
        }), getTranslation("dashboard.organisations.sticker"));
        sticker.getElement().setAttribute("download", true);
        sticker.getElement().setAttribute("aria-label", getTranslation("dashboard.organisations.sticker.aria", o.name()));
        sticker.setId(idPrefix + id);
        return sticker;
    }

    private Component partnerRuleForm(MunicipalityId municipalityId) {
        PartnerRule rule = dashboard.partnerRule(municipalityId);
        IntegerField share = new IntegerField(getTranslation("dashboard.partner.share"));
        share.setId("partner-share");
        share.setMin(1);
        share.setMax(100);
        share.setValue(rule.sharePercent());
        IntegerField minimum = new IntegerField(getTranslation("dashboard.partner.minimum"));
        minimum.setId("partner-minimum");
        minimum.setMin(1);
        minimum.setValue(rule.minTrained());
        Button save = new Button(getTranslation("dashboard.partner.save"), click -> {
            try {
                FormErrors.clear(Map.of("share", share, "minimum", minimum));
                dashboard.savePartnerRule(municipalityId, share.getValue(), minimum.getValue());
                FormErrors.saved(getTranslation("dashboard.partner.saved"));
                refresh.run();
            } catch (InvalidInputException e) {
                FormErrors.show(e, Map.of("share", share, "minimum", minimum));
            }
        });
        save.setId("partner-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(share, minimum, save);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 3));
        Details details = new Details(getTranslation("dashboard.partner.title"), form);
        details.setWidthFull();
        return details;
    }
}
