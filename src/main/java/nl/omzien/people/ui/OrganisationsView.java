package nl.omzien.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.base.ui.TapList;
import nl.omzien.people.Municipality;
import nl.omzien.people.MunicipalityService;
import nl.omzien.people.Organisation;
import nl.omzien.people.OrganisationDraft;
import nl.omzien.people.OrganisationService;
import nl.omzien.people.Sector;
import nl.omzien.people.SectorService;
import nl.omzien.security.Role;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Organisations in the coalition: trainers read, coalition leads and admins edit. */
@Route("organisaties")
@Menu(order = 30, title = "nav.organisations", icon = "OFFICE")
@RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE, Role.TRAINER_ROLE})
public class OrganisationsView extends VerticalLayout implements HasTitleKey, BeforeEnterObserver {

    private final OrganisationService organisations;
    private final MunicipalityService municipalities;
    private final SectorService sectors;
    private final Grid<Organisation> grid = new Grid<>();
    private final TextField filter = new TextField();
    private final TapList<Organisation> list;
    private List<Organisation> all = List.of();

    public OrganisationsView(OrganisationService organisations, MunicipalityService municipalities, SectorService sectors) {
        this.organisations = organisations;
        this.municipalities = municipalities;
        this.sectors = sectors;
        setSizeFull();

        // A visible label and a short hint: the long placeholder was cut off on a 360 px phone.
        filter.setLabel(getTranslation("action.search"));
        filter.setPlaceholder(getTranslation("organisation.filter"));
        filter.setId("organisation-filter");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        filter.addValueChangeListener(change -> applyFilter());
        HorizontalLayout toolbar = new HorizontalLayout(filter);
        toolbar.setWidthFull();
        toolbar.setFlexGrow(1, filter);
        toolbar.setWrap(true);
        if (organisations.canManage()) {
            Button add = new Button(getTranslation("organisation.add"), VaadinIcon.PLUS.create(), click -> edit(null));
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add.setId("add-organisation");
            toolbar.add(add);
        }

        grid.addColumn(Organisation::name).setHeader(getTranslation("organisation.name")).setSortable(true)
                .setFlexGrow(2);
        grid.addColumn(o -> sectorLabel(o.sector())).setHeader(getTranslation("organisation.sector"))
                .setSortable(true);
        grid.addColumn(Organisation::municipalityName).setHeader(getTranslation("organisation.municipality"))
                .setSortable(true);
        grid.addColumn(Organisation::village).setHeader(getTranslation("organisation.village"));
        if (organisations.canManage()) {
            grid.addComponentColumn(o -> {
                Button edit = new Button(getTranslation("action.edit"), click -> edit(o));
                edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                edit.setAriaLabel(getTranslation("action.edit-named", o.name()));
                return edit;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setAriaLabel(getTranslation("nav.organisations"));
        grid.addClassName("wide-only");
        // On a phone: one column; a tap opens the organisation for whoever may change it, trainers only read.
        list = new TapList<Organisation>("organisation-list", getTranslation("nav.organisations"), Organisation::name,
                o -> List.of(sectorLabel(o.sector()),
                        o.municipalityName() + (o.village() == null || o.village().isBlank() ? "" : " · " + o.village())))
                .itemIds(o -> "organisation-item-" + o.id());
        if (organisations.canManage()) {
            list.onTap(this::edit);
        }
        add(toolbar, grid, list);
    }

    /** Read on every visit: a reused view (the menu item clicked again) shows organisations added or changed since. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        all = organisations.visible();
        applyFilter();
    }

    private void applyFilter() {
        String text = filter.getValue().trim().toLowerCase(Locale.ROOT);
        List<Organisation> shown = text.isEmpty() ? all : all.stream().filter(o -> o.name().toLowerCase(Locale.ROOT).contains(text)
                || sectorLabel(o.sector()).toLowerCase(Locale.ROOT).contains(text)
                || (o.village() != null && o.village().toLowerCase(Locale.ROOT).contains(text))).toList();
        grid.setItems(shown);
        list.setItems(shown);
    }

    private void edit(Organisation organisation) {
        List<Municipality> choices = municipalities.visible();
        OrganisationDraft draft = organisation == null ? new OrganisationDraft()
                : OrganisationDraft.of(organisation, choices.stream()
                        .filter(m -> m.id().equals(organisation.municipalityId())).findFirst().orElse(null));
        if (draft.getMunicipality() == null && choices.size() == 1) {
            draft.setMunicipality(choices.getFirst());
        }
        Dialog dialog = new Dialog(getTranslation(organisation == null ? "organisation.add" : "organisation.edit"));
        TextField name = new TextField(getTranslation("organisation.name"));
        name.setId("organisation-name");
        name.setValue(draft.getName());
        name.setRequiredIndicatorVisible(true);
        // The built-in sectors and those the organisation's coalition added (issue 21).
        ComboBox<Sector> sector = new ComboBox<>(getTranslation("organisation.sector"));
        sector.setItems(sectors.choices(draft.getMunicipality() == null ? null : draft.getMunicipality().id()));
        sector.setId("organisation-sector");
        sector.setItemLabelGenerator(this::sectorLabel);
        sector.setValue(draft.getSector());
        sector.setRequiredIndicatorVisible(true);
        ComboBox<Municipality> municipality = new ComboBox<>(getTranslation("organisation.municipality"), choices);
        municipality.setId("organisation-municipality");
        municipality.setItemLabelGenerator(Municipality::name);
        municipality.setValue(draft.getMunicipality());
        municipality.setRequiredIndicatorVisible(true);
        municipality.setReadOnly(choices.size() == 1);
        municipality.addValueChangeListener(change -> {
            Sector chosen = sector.getValue();
            List<Sector> offered = sectors.choices(change.getValue() == null ? null : change.getValue().id());
            sector.setItems(offered);
            sector.setValue(offered.contains(chosen) ? chosen : null);
        });
        EmailField email = new EmailField(getTranslation("organisation.contact-email"));
        email.setId("organisation-email");
        email.setValue(draft.getContactEmail());
        TextField village = new TextField(getTranslation("organisation.village"));
        village.setHelperText(getTranslation("organisation.village-help"));
        village.setValue(draft.getVillage());
        FormLayout form = new FormLayout(name, sector, municipality, email, village);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));

        Button save = new Button(getTranslation("action.save"));
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(click -> {
            draft.setName(name.getValue());
            draft.setSector(sector.getValue());
            draft.setMunicipality(municipality.getValue());
            draft.setContactEmail(email.getValue());
            draft.setVillage(village.getValue());
            try {
                organisations.save(draft);
                dialog.close();
                FormErrors.saved(getTranslation("action.saved"));
                refresh();
            } catch (InvalidInputException problem) {
                FormErrors.show(problem, Map.of("name", name, "sector", sector, "municipality", municipality,
                        "contactEmail", email, "village", village));
            } finally {
                save.setEnabled(true);
            }
        });
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.setWidth("min(40rem, 100vw)");
        dialog.open();
        name.focus();
    }

    private String sectorLabel(Sector sector) {
        return sector.label(getLocale(), key -> getTranslation(key));
    }

    @Override
    public String titleKey() {
        return "nav.organisations";
    }
}
