package nl.omzien.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
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
import nl.omzien.people.Municipality;
import nl.omzien.people.MunicipalityService;
import nl.omzien.security.Role;

import java.util.List;
import java.util.Map;

@Route("gemeenten")
@Menu(order = 40, title = "nav.municipalities", icon = "BUILDING")
@RolesAllowed(Role.ADMIN_ROLE)
public class MunicipalitiesView extends VerticalLayout implements HasTitleKey, BeforeEnterObserver {

    private final MunicipalityService municipalities;
    private final Grid<Municipality> grid = new Grid<>();
    private final TapList<Municipality> list;

    public MunicipalitiesView(MunicipalityService municipalities) {
        this.municipalities = municipalities;
        setSizeFull();
        Button add = new Button(getTranslation("municipality.add"), VaadinIcon.PLUS.create(), click -> edit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("add-municipality");
        grid.addColumn(Municipality::name).setHeader(getTranslation("municipality.name")).setSortable(true);
        grid.addComponentColumn(m -> {
            Button edit = new Button(getTranslation("action.edit"), click -> edit(m));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            edit.setAriaLabel(getTranslation("action.edit-named", m.name()));
            return edit;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setAriaLabel(getTranslation("nav.municipalities"));
        grid.addClassName("wide-only");
        // On a phone: one column, a tap opens the municipality.
        list = new TapList<Municipality>("municipality-list", getTranslation("nav.municipalities"), Municipality::name, m -> List.of())
                .onTap(this::edit);
        add(add, grid, list);
    }

    /** Read on every visit: a reused view (the menu item clicked again) shows municipalities added or renamed since. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        List<Municipality> all = municipalities.visible();
        grid.setItems(all);
        list.setItems(all);
    }

    private void edit(Municipality municipality) {
        Dialog dialog = new Dialog(getTranslation(municipality == null ? "municipality.add" : "municipality.edit"));
        TextField name = new TextField(getTranslation("municipality.name"));
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();
        name.setId("municipality-name");
        if (municipality != null) {
            name.setValue(municipality.name());
        }
        Button save = new Button(getTranslation("action.save"));
        save.addClickListener(click -> {
            try {
                municipalities.save(municipality == null ? null : municipality.id(), name.getValue());
                dialog.close();
                FormErrors.saved(getTranslation("action.saved"));
                refresh();
            } catch (InvalidInputException problem) {
                FormErrors.show(problem, Map.of("name", name));
            } finally {
                save.setEnabled(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.setId("save");
        dialog.add(name);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
        name.focus();
    }

    @Override
    public String titleKey() {
        return "nav.municipalities";
    }
}
