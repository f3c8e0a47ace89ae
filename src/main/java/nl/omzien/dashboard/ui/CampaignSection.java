package nl.omzien.dashboard.ui;

import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import nl.omzien.campaigns.CampaignFigures;
import nl.omzien.campaigns.CampaignService;
import nl.omzien.dashboard.DashboardFilter;

import java.util.function.LongFunction;

/**
 * The municipality's latest campaign (issue 21): sessions held, people trained, activities and sign-ups from the
 * public agenda, beside the same weeks a year earlier. Numbers of people hide as everywhere ("<5" for publication);
 * sessions and activities are not people and always show.
 */
final class CampaignSection extends VerticalLayout {

    CampaignSection(CampaignService campaigns, DashboardFilter filter, DashboardFormat format) {
        setPadding(false);
        setId("dashboard-campaign");
        if (filter.municipalityId() == null) {
            add(new Paragraph(getTranslation("dashboard.campaign.choose-municipality")));
            return;
        }
        var figures = campaigns.figures(filter.municipalityId());
        if (figures.isEmpty()) {
            add(new Paragraph(getTranslation("dashboard.campaign.none")));
            return;
        }
        CampaignFigures f = figures.get();
        add(new Paragraph(getTranslation("dashboard.campaign.intro", f.campaignName(), format.date(f.from()),
                format.date(f.until()), format.date(f.yearBefore().from()), format.date(f.yearBefore().until()))));
        NativeTable table = new NativeTable();
        table.setId("campaign-figures");
        NativeTableRow header = table.getHead().addRow();
        header.addHeaderCell().setText(getTranslation("dashboard.campaign.figure"));
        header.addHeaderCell().setText(f.campaignName());
        header.addHeaderCell().setText(getTranslation("dashboard.campaign.year-before"));
        header.getHeaderCells().forEach(cell -> cell.getElement().setAttribute("scope", "col"));
        NativeTableBody body = table.getBody();
        row(body, "sessions", "dashboard.campaign.sessions", f.during().sessionsHeld(), f.yearBefore().sessionsHeld(), String::valueOf);
        row(body, "trained", "dashboard.campaign.trained", f.during().peopleTrained(), f.yearBefore().peopleTrained(), format::count);
        row(body, "activities", "dashboard.campaign.activities", f.during().activities(), f.yearBefore().activities(), String::valueOf);
        row(body, "sign-ups", "dashboard.campaign.sign-ups", f.during().agendaSignUps(), f.yearBefore().agendaSignUps(), format::count);
        add(table);
    }

    private void row(NativeTableBody body, String id, String labelKey, long during, long before, LongFunction<String> show) {
        NativeTableRow row = body.addRow();
        row.addHeaderCell().setText(getTranslation(labelKey));
        row.getHeaderCells().forEach(cell -> cell.getElement().setAttribute("scope", "row"));
        var now = row.addDataCell();
        now.setText(show.apply(during));
        now.setId("campaign-" + id);
        var then = row.addDataCell();
        then.setText(show.apply(before));
        then.setId("campaign-" + id + "-before");
    }
}
