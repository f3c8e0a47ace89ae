package nl.omzien.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.MunicipalityId;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.TapList;
import nl.omzien.dashboard.DashboardFilter;
import nl.omzien.dashboard.PartnerService;
import nl.omzien.dashboard.PartnerSettings;
import nl.omzien.dashboard.PartnerState;
import nl.omzien.dashboard.PartnerStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Omzien-partners of the municipality (issue 21, decision 027): since when, valid until, their public
 * page, a renewal once the validity has passed; and the coalition's validity and public list settings.
 * Partner names are public (the sticker, the public list), so nothing is hidden here.
 */
final class PartnersSection extends VerticalLayout {

    private final PartnerService partners;
    private final Runnable refresh;

    PartnersSection(PartnerService partners, DashboardFilter filter, DashboardFormat format, Runnable refresh) {
        this.partners = partners;
        this.refresh = refresh;
        setPadding(false);
        MunicipalityId municipalityId = filter.municipalityId();
        if (municipalityId == null) {
            add(new Paragraph(getTranslation("partner.section.choose")));
            return;
        }
        List<PartnerStatus> all = partners.partnersOf(municipalityId);
        if (all.isEmpty()) {
            add(new Paragraph(getTranslation("partner.section.none")));
        }
        TapList<PartnerStatus> list = new TapList<PartnerStatus>("partner-statuses", getTranslation("partner.section.title"),
                PartnerStatus::organisation, s -> lines(s, format))
                .itemIds(s -> "partner-" + s.organisationId())
                .extra(this::actions);
        list.setItems(all);
        add(list, settingsForm(municipalityId));
    }

    private List<String> lines(PartnerStatus s, DashboardFormat format) {
        List<String> lines = new ArrayList<>();
        lines.add(getTranslation("partner.state." + s.state().name()));
        lines.add(getTranslation("partner.section.period", format.date(s.since()), format.date(s.validUntil())));
        return lines;
    }

    private Component actions(PartnerStatus s) {
        VerticalLayout actions = new VerticalLayout();
        actions.setPadding(false);
        actions.setSpacing(false);
        Anchor page = new Anchor(partners.pageUrl(s.publicId()), getTranslation("partner.section.page"));
        page.getElement().setAttribute("aria-label", getTranslation("partner.section.page.aria", s.organisation()));
        actions.add(page);
        if (s.state() == PartnerState.EXPIRED && s.ruleMet()) {
            Button renew = new Button(getTranslation("partner.section.renew"), click -> {
                try {
                    partners.renew(s.organisationId());
                    FormErrors.saved(getTranslation("partner.section.renewed", s.organisation()));
                    refresh.run();
                } catch (InvalidInputException e) {
                    FormErrors.error(getTranslation(e.errors().values().iterator().next()));
                }
            });
            renew.setId("partner-renew-" + s.organisationId());
            renew.setDisableOnClick(true);
            renew.getElement().setAttribute("aria-label", getTranslation("partner.section.renew.aria", s.organisation()));
            actions.add(renew);
        }
        return actions;
    }

    private Component settingsForm(MunicipalityId municipalityId) {
        PartnerSettings settings = partners.settings(municipalityId);
        IntegerField validity = new IntegerField(getTranslation("partner.settings.validity"));
        validity.setId("partner-validity");
        validity.setMin(1);
        validity.setMax(120);
        validity.setValue(settings.validityMonths());
        validity.setHelperText(getTranslation("partner.settings.validity.help"));
        Checkbox publicList = new Checkbox(getTranslation("partner.settings.public-list"), settings.publicList());
        publicList.setId("partner-public-list");
        Button save = new Button(getTranslation("partner.settings.save"), click -> {
            try {
                FormErrors.clear(Map.of("validity", validity));
                partners.saveSettings(municipalityId, validity.getValue(), publicList.getValue());
                FormErrors.saved(getTranslation("partner.settings.saved"));
                refresh.run();
            } catch (InvalidInputException e) {
                FormErrors.show(e, Map.of("validity", validity));
            }
        });
        save.setId("partner-settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(validity, publicList, save);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 3));
        VerticalLayout body = new VerticalLayout(form);
        body.setPadding(false);
        if (settings.publicList()) {
            String url = partners.listUrl(partners.municipalityName(municipalityId));
            Anchor link = new Anchor(url, url);
            link.setId("partner-public-list-link");
            body.add(new Paragraph(getTranslation("partner.settings.public-list.at")), link);
        }
        Details details = new Details(getTranslation("partner.settings.title"), body);
        details.setWidthFull();
        return details;
    }
}
