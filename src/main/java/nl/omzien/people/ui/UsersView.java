package nl.omzien.people.ui;

import nl.omzien.base.PersonId;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import nl.omzien.privacy.DataExport;
import nl.omzien.privacy.OwnDataService;
import java.io.ByteArrayInputStream;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
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
import nl.omzien.people.OrganisationService;
import nl.omzien.people.UserAccount;
import nl.omzien.people.UserAccountService;
import nl.omzien.people.UserDraft;
import nl.omzien.security.IdentityProviderService;
import nl.omzien.security.Role;
import nl.omzien.security.ProviderSignInSection;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** People and their roles, for an admin (everyone) or a coalition lead (their municipality). */
@Route("gebruikers")
@Menu(order = 35, title = "nav.users", icon = "USERS")
@RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
public class UsersView extends VerticalLayout implements HasTitleKey, BeforeEnterObserver {

    private final UserAccountService users;
    private final OrganisationService organisations;
    private final MunicipalityService municipalities;
    private final OwnDataService ownData;
    private final IdentityProviderService identityProviders;
    private final java.time.Clock clock;
    private final Grid<UserAccount> grid = new Grid<>();
    private final TextField filter = new TextField();
    private final TapList<UserAccount> list;
    private List<UserAccount> all = List.of();

    public UsersView(UserAccountService users, OrganisationService organisations, MunicipalityService municipalities,
                     OwnDataService ownData, IdentityProviderService identityProviders, java.time.Clock clock) {
        this.users = users;
        this.identityProviders = identityProviders;
        this.clock = clock;
        this.ownData = ownData;
        this.organisations = organisations;
        this.municipalities = municipalities;
        setSizeFull();

        // A visible label and a short hint: the long placeholder was cut off on a 360 px phone.
        filter.setLabel(getTranslation("action.search"));
        filter.setPlaceholder(getTranslation("user.filter"));
        filter.setId("user-filter");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        filter.addValueChangeListener(change -> applyFilter());
        Button add = new Button(getTranslation("user.add"), VaadinIcon.PLUS.create(), click -> edit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("add-user");
        HorizontalLayout toolbar = new HorizontalLayout(filter, add);
        toolbar.setWidthFull();
        toolbar.setFlexGrow(1, filter);
        toolbar.setWrap(true);

        grid.addColumn(UserAccount::fullName).setHeader(getTranslation("user.full-name")).setSortable(true).setFlexGrow(2);
        grid.addColumn(UserAccount::email).setHeader(getTranslation("user.email")).setFlexGrow(2);
        grid.addColumn(UserAccount::organisationName).setHeader(getTranslation("user.organisation"));
        grid.addColumn(this::roles).setHeader(getTranslation("user.roles"));
        grid.addComponentColumn(u -> {
            Button edit = new Button(getTranslation("action.edit"), click -> edit(u));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            edit.setAriaLabel(getTranslation("action.edit-named", u.fullName()));
            return edit;
        }).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setAriaLabel(getTranslation("nav.users"));
        grid.addClassName("wide-only");
        // On a phone: one column, a tap opens the person.
        list = new TapList<UserAccount>("user-list", getTranslation("nav.users"), UserAccount::fullName,
                u -> List.of(u.email() == null ? "" : u.email(), u.organisationName() == null ? "" : u.organisationName(), roles(u)))
                .onTap(this::edit).itemIds(u -> "user-item-" + u.id());
        add(toolbar, grid, list);
    }

    /** Read on every visit: a reused view (the menu item clicked again) shows people added or changed since. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        all = users.visible();
        applyFilter();
    }

    private void applyFilter() {
        String text = filter.getValue().trim().toLowerCase(Locale.ROOT);
        List<UserAccount> shown = text.isEmpty() ? all : all.stream()
                .filter(u -> u.fullName().toLowerCase(Locale.ROOT).contains(text)
                        || (u.email() != null && u.email().toLowerCase(Locale.ROOT).contains(text))
                        || (u.organisationName() != null && u.organisationName().toLowerCase(Locale.ROOT).contains(text)))
                .toList();
        grid.setItems(shown);
        list.setItems(shown);
    }

    private String roles(UserAccount u) {
        return u.roles().stream().map(r -> getTranslation("role." + r.name())).collect(Collectors.joining(", "));
    }

    private void edit(UserAccount opened) {
        // Opening someone's details goes through the service: it checks the scope and writes the audit log.
        UserAccount account = opened == null ? null : users.open(opened.id());
        List<Organisation> organisationChoices = organisations.visible();
        List<Municipality> municipalityChoices = municipalities.visible();
        UserDraft draft = account == null ? new UserDraft() : UserDraft.of(account,
                organisationChoices.stream().filter(o -> account.organisationId() != null
                        && o.id().equals(account.organisationId())).findFirst().orElse(null),
                municipalityChoices.stream().filter(m -> account.municipalityId() != null
                        && m.id().equals(account.municipalityId())).findFirst().orElse(null));

        Dialog dialog = new Dialog(getTranslation(account == null ? "user.add" : "user.edit"));
        TextField name = new TextField(getTranslation("user.full-name"));
        name.setId("user-name");
        name.setValue(draft.getFullName());
        name.setRequiredIndicatorVisible(true);
        EmailField email = new EmailField(getTranslation("user.email"));
        email.setId("user-email");
        email.setValue(draft.getEmail());
        email.setRequiredIndicatorVisible(true);
        ComboBox<Organisation> organisation = new ComboBox<>(getTranslation("user.organisation"), organisationChoices);
        organisation.setId("user-organisation");
        organisation.setItemLabelGenerator(o -> o.name() + " (" + o.municipalityName() + ")");
        organisation.setValue(draft.getOrganisation());
        organisation.setClearButtonVisible(true);
        ComboBox<Municipality> municipality = new ComboBox<>(getTranslation("user.municipality"), municipalityChoices);
        municipality.setId("user-municipality");
        municipality.setItemLabelGenerator(Municipality::name);
        municipality.setValue(draft.getMunicipality());
        municipality.setHelperText(getTranslation("user.municipality-help"));
        municipality.setClearButtonVisible(true);
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("user.roles"));
        roles.setId("user-roles");
        roles.setItems(users.assignableRoles());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        roles.setValue(draft.getRoles());
        roles.setRequiredIndicatorVisible(true);
        PasswordField password = new PasswordField(getTranslation(account == null ? "user.password" : "user.new-password"));
        password.setId("user-password");
        password.setHelperText(getTranslation("user.password-help", UserAccountService.MIN_PASSWORD_LENGTH));
        password.setRequiredIndicatorVisible(account == null);
        Checkbox enabled = new Checkbox(getTranslation("user.enabled"), draft.isEnabled());
        FormLayout form = new FormLayout(name, email, organisation, municipality, roles, password, enabled);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));

        Button save = new Button(getTranslation("action.save"));
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(click -> {
            draft.setFullName(name.getValue());
            draft.setEmail(email.getValue());
            draft.setOrganisation(organisation.getValue());
            draft.setMunicipality(municipality.getValue());
            draft.setRoles(roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.getValue()));
            draft.setNewPassword(password.getValue());
            draft.setEnabled(enabled.getValue());
            try {
                users.save(draft);
                dialog.close();
                FormErrors.saved(getTranslation("action.saved"));
                refresh();
            } catch (InvalidInputException problem) {
                FormErrors.show(problem, Map.of("fullName", name, "email", email, "organisation", organisation,
                        "municipality", municipality, "roles", roles, "newPassword", password));
            } finally {
                save.setEnabled(true);
            }
        });
        dialog.add(form);
        if (account != null && identityProviders.mayManage() && account.roles().stream().anyMatch(Role::isStaff)) {
            dialog.add(new ProviderSignInSection(identityProviders, account.id(), clock.getZone()));
        }
        if (account != null && ownData.mayHandle(account.id())) {
            dialog.add(ownDataActions(account, dialog));
        }
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.setWidth("min(44rem, 100vw)");
        dialog.open();
        name.focus();
    }

    /** An admin acting on someone's request: their data as a download, or their account deleted. */
    private Component ownDataActions(UserAccount account, Dialog editor) {
        PersonId id = account.id();
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            DataExport export = ownData.export(id);
            return new DownloadResponse(new ByteArrayInputStream(export.zip()), export.fileName(), "application/zip",
                    export.zip().length);
        }), getTranslation("user.own-data.download"));
        download.getElement().setAttribute("download", true);
        download.setId("user-download-data");
        Button delete = new Button(getTranslation("user.own-data.delete"), VaadinIcon.TRASH.create(),
                click -> new DeleteAccountDialog(getTranslation("user.own-data.delete-text", account.fullName()), () -> {
                    ownData.delete(id);
                    editor.close();
                    FormErrors.saved(getTranslation("user.own-data.deleted"));
                    refresh();
                }).open());
        delete.setId("user-delete-account");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        Details details = new Details(getTranslation("user.own-data.heading"),
                new Paragraph(getTranslation("user.own-data.text")), download, delete);
        details.setId("user-own-data");
        return details;
    }

    @Override
    public String titleKey() {
        return "nav.users";
    }
}
