package nl.omzien.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.base.ui.TapList;
import nl.omzien.people.Audience;
import nl.omzien.people.Municipality;
import nl.omzien.people.MunicipalityService;
import nl.omzien.people.Sector;
import nl.omzien.people.SectorService;
import nl.omzien.security.Role;

import java.util.List;
import java.util.Map;

/**
 * Sectors per coalition (issue 21): besides the built-in ones a coalition lead adds the sectors of their
 * municipality (housing corporation, village council, choir...), each with the training variant it gets.
 * Organisation forms offer them and the dashboard breaks down by them.
 */
@Route("sectoren")
@Menu(order = 31, title = "nav.sectors", icon = "TAGS")
@RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
public class SectorsView extends VerticalLayout implements HasTitleKey, BeforeEnterObserver {

    private final SectorService sectors;
    private final MunicipalityService municipalities;
    private final ComboBox<Municipality> municipality = new ComboBox<>();
    private final TapList<Sector> list;

    public SectorsView(SectorService sectors, MunicipalityService municipalities) {
        this.sectors = sectors;
        this.municipalities = municipalities;
        add(new Paragraph(getTranslation("sectors.intro")));
        municipality.setLabel(getTranslation("organisation.municipality"));
        municipality.setId("sectors-municipality");
        municipality.setItemLabelGenerator(Municipality::name);
        municipality.addValueChangeListener(change -> refresh());
        Button add = new Button(getTranslation("sectors.add"), VaadinIcon.PLUS.create(), click -> edit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("add-sector");
        list = new TapList<Sector>("sector-list", getTranslation("nav.sectors"), this::label,
                s -> List.of(getTranslation("sectors.audience." + s.audience().name())))
                .itemIds(s -> "sector-" + s.code());
        list.onTap(this::edit);
        add(municipality, add, list);
    }

    /** On every visit, also to a reused view: the municipalities and their sectors as they are now; the chosen one stays. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<Municipality> choices = municipalities.visible();
        Municipality chosen = municipality.getValue();
        municipality.setItems(choices);
        municipality.setVisible(choices.size() > 1);
        // Matched by id: a renamed municipality is still the one chosen.
        municipality.setValue(choices.stream().filter(m -> chosen != null && m.id().equals(chosen.id())).findFirst()
                .orElse(choices.isEmpty() ? null : choices.getFirst()));
        refresh();
    }

    private String label(Sector sector) {
        return sector.nameEn() == null || sector.nameEn().isBlank() ? sector.nameNl() : sector.nameNl() + " / " + sector.nameEn();
    }

    private void refresh() {
        list.setItems(municipality.getValue() == null ? List.of() : sectors.added(municipality.getValue().id()));
    }

    private void edit(Sector sector) {
        Dialog dialog = new Dialog(getTranslation(sector == null ? "sectors.add" : "sectors.edit"));
        TextField nameNl = new TextField(getTranslation("sectors.name-nl"));
        nameNl.setId("sector-name-nl");
        nameNl.setRequiredIndicatorVisible(true);
        nameNl.setMaxLength(60);
        TextField nameEn = new TextField(getTranslation("sectors.name-en"));
        nameEn.setId("sector-name-en");
        nameEn.setHelperText(getTranslation("sectors.name-en.help"));
        nameEn.setMaxLength(60);
        ComboBox<Audience> audience = new ComboBox<>(getTranslation("sectors.audience"), Audience.values());
        audience.setId("sector-audience");
        audience.setItemLabelGenerator(a -> getTranslation("sectors.audience." + a.name()));
        audience.setHelperText(getTranslation("sectors.audience.help"));
        audience.setRequiredIndicatorVisible(true);
        if (sector != null) {
            nameNl.setValue(sector.nameNl());
            nameEn.setValue(sector.nameEn() == null ? "" : sector.nameEn());
            audience.setValue(sector.audience());
        }
        Button save = new Button(getTranslation("action.save"));
        save.setId("sector-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(click -> {
            try {
                sectors.save(municipality.getValue() == null ? null : municipality.getValue().id(), sector == null ? null : sector.code(),
                        nameNl.getValue(), nameEn.getValue(), audience.getValue());
                dialog.close();
                FormErrors.saved(getTranslation("action.saved"));
                refresh();
            } catch (InvalidInputException problem) {
                FormErrors.show(problem, Map.of("nameNl", nameNl, "nameEn", nameEn, "audience", audience, "municipality", municipality));
            } finally {
                save.setEnabled(true);
            }
        });
        FormLayout form = new FormLayout(nameNl, nameEn, audience);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.setWidth("min(30rem, 100vw)");
        dialog.open();
        nameNl.focus();
    }

    @Override
    public String titleKey() {
        return "nav.sectors";
    }
}
