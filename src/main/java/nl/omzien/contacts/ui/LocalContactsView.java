package nl.omzien.contacts.ui;

import nl.omzien.base.MunicipalityId;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.contacts.ContactKind;
import nl.omzien.contacts.LocalContact;
import nl.omzien.contacts.LocalContactDraft;
import nl.omzien.contacts.LocalContactService;
import nl.omzien.contacts.LocalFigure;
import nl.omzien.contacts.LocalFigureDraft;
import nl.omzien.contacts.LocalFiguresPanel;
import nl.omzien.contacts.LocalHelpPanel;
import nl.omzien.contacts.MunicipalityContacts;
import nl.omzien.people.MunicipalityService;
import nl.omzien.people.chooser.MunicipalityChooser;
import nl.omzien.security.CurrentUser;

import java.util.List;
import java.util.Map;

/**
 * Where to refer people in your municipality. Everyone reads the list and prints the card; the
 * municipality's coalition lead (and an admin) add, change and remove contacts here, and the municipality's
 * loneliness figures that the module "herkennen" shows.
 */
@Route("hulp-in-je-gemeente")
@Menu(order = 25, title = "nav.local-help", icon = "PHONE")
@PermitAll
public class LocalContactsView extends VerticalLayout implements BeforeEnterObserver, HasTitleKey {

    private final LocalContactService contacts;
    private final Div content = new Div();
    private MunicipalityId municipalityId;

    public LocalContactsView(LocalContactService contacts, MunicipalityService municipalities, CurrentUser currentUser) {
        this.contacts = contacts;
        addClassName("contacts-view");
        content.setWidthFull();
        var user = currentUser.require();
        municipalityId = user.municipalityId();
        if (user.isAdmin()) {
            // An admin works for every municipality: choose which list to see.
            var choice = new MunicipalityChooser("contacts-municipality", getTranslation("contact.municipality"));
            municipalityId = choice.offer(municipalities.visible(), municipalityId);
            choice.onChoose(chosen -> {
                municipalityId = chosen;
                refresh();
            });
            add(choice);
        }
        add(new Paragraph(getTranslation("contact.intro")), content);
    }

    /** Vaadin reuses this view when its own route is opened again: the contacts and figures are read anew every time. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        content.removeAll();
        if (municipalityId == null) {
            content.add(new Paragraph(getTranslation("contact.no-municipality")));
            return;
        }
        MunicipalityContacts card = contacts.of(municipalityId);
        boolean editor = contacts.canEdit(municipalityId);
        if (editor) {
            Paragraph help = new Paragraph(getTranslation("contact.editor-intro"));
            Button add = new Button(getTranslation("contact.add"), VaadinIcon.PLUS.create(), click -> edit(null));
            add.setId("add-contact");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            content.add(help, add);
        }
        content.add(new LocalHelpPanel(contacts, card, editor ? this::actions : null));
        content.add(new LocalFiguresPanel(card.municipalityName(), contacts.figuresOf(municipalityId),
                editor ? this::figureActions : null));
        if (editor) {
            Paragraph help = new Paragraph(getTranslation("figure.editor-intro"));
            Button add = new Button(getTranslation("figure.add"), VaadinIcon.PLUS.create(), click -> editFigure(null));
            add.setId("add-figure");
            content.add(help, add);
        }
    }

    private Component figureActions(LocalFigure figure) {
        String label = figure.population() + " " + figure.year();
        Button change = new Button(getTranslation("action.edit"), VaadinIcon.EDIT.create(), click -> editFigure(figure));
        change.setAriaLabel(getTranslation("action.edit-named", label));
        change.addClassName("edit-figure");
        Button delete = new Button(getTranslation("contact.delete"), VaadinIcon.TRASH.create(), click -> {
            contacts.deleteFigure(figure.id());
            FormErrors.saved(getTranslation("contact.deleted"));
            refresh();
        });
        delete.setAriaLabel(getTranslation("contact.delete-named", label));
        delete.addClassName("delete-figure");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        Div actions = new Div(change, delete);
        actions.addClassName("local-help-actions");
        return actions;
    }

    private void editFigure(LocalFigure figure) {
        LocalFigureDraft draft = figure == null ? null : LocalFigureDraft.of(figure);
        Dialog dialog = new Dialog(getTranslation(figure == null ? "figure.add" : "figure.edit"));
        dialog.setWidth("min(40rem, 100vw)");
        TextField population = field("figure.population", "figure-population", draft == null ? null : draft.population());
        population.setHelperText(getTranslation("figure.population-help"));
        population.setRequiredIndicatorVisible(true);
        population.setMaxLength(100);
        BigDecimalField percent = new BigDecimalField(getTranslation("figure.percent"));
        percent.setId("figure-percent");
        percent.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
        percent.setRequiredIndicatorVisible(true);
        percent.setValue(draft == null ? null : draft.percent());
        IntegerField year = new IntegerField(getTranslation("figure.year"));
        year.setId("figure-year");
        year.setRequiredIndicatorVisible(true);
        year.setValue(draft == null ? null : draft.year());
        TextField source = field("figure.source", "figure-source", draft == null ? null : draft.source());
        source.setHelperText(getTranslation("figure.source-help"));
        source.setRequiredIndicatorVisible(true);
        source.setMaxLength(300);
        FormLayout form = new FormLayout(population, percent, year, source);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        form.setColspan(population, 2);
        form.setColspan(source, 2);
        openForm(dialog, form, "save-figure", () -> contacts.saveFigure(figure == null ? null : figure.id(), municipalityId,
                        new LocalFigureDraft(population.getValue(), percent.getValue(), year.getValue(), source.getValue())),
                Map.of("population", population, "percent", percent, "year", year, "source", source));
        population.focus();
    }

    private Component actions(LocalContact contact) {
        Button change = new Button(getTranslation("action.edit"), VaadinIcon.EDIT.create(), click -> edit(contact));
        change.setAriaLabel(getTranslation("action.edit-named", contact.name()));
        change.addClassName("edit-contact");
        Button delete = new Button(getTranslation("contact.delete"), VaadinIcon.TRASH.create(), click -> confirmDelete(contact));
        delete.setAriaLabel(getTranslation("contact.delete-named", contact.name()));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        Div actions = new Div(change, delete);
        actions.addClassName("local-help-actions");
        return actions;
    }

    private void confirmDelete(LocalContact contact) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("contact.delete-named", contact.name()),
                getTranslation("contact.delete-confirm"), getTranslation("contact.delete"), yes -> {
                    contacts.delete(contact.id());
                    FormErrors.saved(getTranslation("contact.deleted"));
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void edit(LocalContact contact) {
        LocalContactDraft draft = contact == null ? null : LocalContactDraft.of(contact);
        Dialog dialog = new Dialog(getTranslation(contact == null ? "contact.add" : "contact.edit"));
        dialog.setWidth("min(40rem, 100vw)");
        ComboBox<ContactKind> kind = new ComboBox<>(getTranslation("contact.kind"));
        kind.setItems(ContactKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.translationKey()));
        kind.setId("contact-kind");
        kind.setRequiredIndicatorVisible(true);
        TextField name = field("contact.name", "contact-name", draft == null ? null : draft.name());
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(150);
        TextArea offer = new TextArea(getTranslation("contact.offer"));
        offer.setId("contact-offer");
        offer.setHelperText(getTranslation("contact.offer-help"));
        offer.setMaxLength(500);
        offer.setRequiredIndicatorVisible(true);
        offer.setValue(draft == null || draft.offer() == null ? "" : draft.offer());
        TextField phone = field("contact.phone", "contact-phone", draft == null ? null : draft.phone());
        phone.setHelperText(getTranslation("contact.phone-help"));
        phone.getElement().setAttribute("inputmode", "tel");
        phone.getElement().setAttribute("autocomplete", "tel");
        EmailField email = new EmailField(getTranslation("contact.email"));
        email.setId("contact-email");
        email.setValue(draft == null || draft.email() == null ? "" : draft.email());
        TextField website = field("contact.website", "contact-website", draft == null ? null : draft.website());
        website.setHelperText(getTranslation("contact.website-help"));
        website.getElement().setAttribute("inputmode", "url");
        TextField hours = field("contact.hours", "contact-hours", draft == null ? null : draft.openingHours());
        hours.setHelperText(getTranslation("contact.hours-help"));
        hours.setMaxLength(200);
        kind.setValue(draft == null ? ContactKind.SIGNAL_POINT : draft.kind());
        ComboBox<String> kern = kernField(draft == null ? null : draft.kern());

        FormLayout form = new FormLayout(kind, name, offer, phone, email, website, hours, kern);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        form.setColspan(offer, 2);
        form.setColspan(name, 2);
        openForm(dialog, form, "save-contact", () -> contacts.save(contact == null ? null : contact.id(), municipalityId,
                        new LocalContactDraft(kind.getValue(), name.getValue(), offer.getValue(), phone.getValue(),
                                email.getValue(), website.getValue(), hours.getValue(), kern.getValue())),
                Map.of("kind", kind, "name", name, "offer", offer, "phone", phone, "email", email, "website", website,
                        "openingHours", hours, "kern", kern));
        name.focus();
    }

    /**
     * Issue 21: the kern (village or district) a contact serves, empty for the whole municipality. Suggests the
     * villages of the municipality's organisations (the same notion), so that "contacts near you first" matches;
     * another name may be typed.
     */
    private ComboBox<String> kernField(String value) {
        List<String> suggestions = new java.util.ArrayList<>(contacts.kernSuggestions(municipalityId));
        if (value != null && !suggestions.contains(value)) {
            suggestions.add(value);
        }
        ComboBox<String> kern = new ComboBox<>(getTranslation("contact.kern"));
        kern.setId("contact-kern");
        kern.setHelperText(getTranslation("contact.kern-help"));
        kern.setItems(suggestions);
        kern.setAllowCustomValue(true);
        kern.setClearButtonVisible(true);
        kern.addCustomValueSetListener(typed -> {
            String name = typed.getDetail().strip();
            if (!name.isEmpty() && !suggestions.contains(name)) {
                suggestions.add(name);
                kern.setItems(suggestions);
            }
            kern.setValue(name.isEmpty() ? null : name);
        });
        kern.setValue(value);
        return kern;
    }

    /** Opens a form dialog: save stores, closes and refreshes, or shows each field's problem and keeps what was typed. */
    private void openForm(Dialog dialog, FormLayout form, String saveId, Runnable store,
                          Map<String, ? extends HasValidation> fields) {
        Button save = new Button(getTranslation("action.save"));
        save.setId(saveId);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(click -> {
            try {
                store.run();
                dialog.close();
                FormErrors.saved(getTranslation("action.saved"));
                refresh();
            } catch (InvalidInputException problem) {
                FormErrors.show(problem, fields);
            } finally {
                save.setEnabled(true);
            }
        });
        Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
        dialog.add(form);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private TextField field(String labelKey, String id, String value) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        field.setWidthFull();
        field.setValue(value == null ? "" : value);
        return field;
    }

    @Override
    public String titleKey() {
        return "nav.local-help";
    }
}
