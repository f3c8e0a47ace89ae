package nl.omzien.api.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.api.ApiKey;
import nl.omzien.api.ApiKeyService;
import nl.omzien.api.CreatedApiKey;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.MunicipalityId;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.people.Municipality;
import nl.omzien.people.chooser.MunicipalityChooser;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import org.springframework.beans.factory.annotation.Value;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

/**
 * The lead's API keys for the figures API: make one (its secret shown once), see when each was last used, revoke one.
 * Cards rather than a grid, so it reads on a phone.
 */
@Route("api-sleutels")
@Menu(order = 41, title = "api.title", icon = "KEY")
@RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
public class ApiKeysView extends VerticalLayout implements BeforeEnterObserver, HasTitleKey {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final ApiKeyService keys;
    private final Div created = new Div();
    private final Div list = new Div();
    private final TextField label = new TextField();
    private final Button create = new Button();
    private MunicipalityId municipalityId;

    public ApiKeysView(ApiKeyService keys, CurrentUser currentUser, @Value("${omzien.base-url}") String baseUrl) {
        this.keys = keys;
        addClassName("api-keys-view");
        setMaxWidth("52rem");
        // The long API addresses in the intro would push a phone's page sideways.
        getStyle().set("overflow-wrap", "anywhere");
        add(new H2(getTranslation("api.title")));
        String base = baseUrl.replaceAll("/+$", "");
        add(new Paragraph(getTranslation("api.intro", base + "/api/v1/municipalities/{id}/figures", base + "/api/v1/openapi.json")));

        var user = currentUser.require();
        municipalityId = user.municipalityId();
        List<Municipality> municipalities = keys.municipalities();
        if (user.isAdmin()) {
            var choice = new MunicipalityChooser("api-municipality", getTranslation("api.municipality"));
            municipalityId = choice.offer(municipalities, municipalityId);
            choice.onChoose(chosen -> {
                municipalityId = chosen;
                created.removeAll();
                refresh();
            });
            add(choice);
        }

        label.setLabel(getTranslation("api.label"));
        label.setHelperText(getTranslation("api.label-help"));
        label.setId("api-key-label");
        label.setMaxLength(100);
        label.setWidthFull();
        create.setText(getTranslation("api.create"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addClickListener(click -> create());
        create.setId("create-api-key");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setDisableOnClick(true);
        created.setId("created-api-key");
        list.setId("api-keys");
        list.setWidthFull();
        add(label, create, created, new H3(getTranslation("api.keys")), list);
    }

    /**
     * Vaadin reuses this view when its own route is opened again: the keys are read anew, and a secret shown
     * after making a key is not shown a second time.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        created.removeAll();
        refresh();
    }

    @Override
    public String titleKey() {
        return "api.title";
    }

    private void create() {
        try {
            CreatedApiKey key = keys.create(municipalityId, label.getValue());
            FormErrors.clear(Map.of("label", label));
            label.clear();
            showOnce(key);
            refresh();
        } catch (InvalidInputException problem) {
            FormErrors.show(problem, Map.of("label", label));
        } finally {
            create.setEnabled(true);
        }
    }

    /** The secret, this once: a read-only field to select or copy. */
    private void showOnce(CreatedApiKey key) {
        created.removeAll();
        created.addClassName("api-key-secret");
        TextField secret = new TextField(getTranslation("api.secret", key.key().label()));
        secret.setId("api-key-secret");
        secret.setValue(key.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setHelperText(getTranslation("api.secret-once"));
        Button copy = new Button(getTranslation("api.copy"), VaadinIcon.COPY.create(),
                click -> copy(secret.getValue()));
        copy.setId("copy-api-key");
        created.add(secret, copy);
    }

    private void copy(String value) {
        getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", value);
        FormErrors.saved(getTranslation("api.copied"));
    }

    private void refresh() {
        list.removeAll();
        if (municipalityId == null) {
            return;
        }
        List<ApiKey> all = keys.keys(municipalityId);
        if (all.isEmpty()) {
            list.add(new Paragraph(getTranslation("api.none")));
        }
        all.forEach(key -> list.add(card(key)));
    }

    private Div card(ApiKey key) {
        Div card = new Div();
        card.addClassName("api-key-card");
        card.setId("api-key-" + key.id());
        Span state = new Span(getTranslation(key.revoked() ? "api.state.revoked" : "api.state.active"));
        state.getElement().getThemeList().add(key.revoked() ? "badge contrast" : "badge success");
        card.add(new H3(key.label()), state);
        card.add(new Paragraph(getTranslation("api.key-starts", key.prefix())));
        card.add(new Paragraph(getTranslation("api.created", format(key.createdAt()), key.createdBy())));
        card.add(new Paragraph(key.lastUsedAt() == null ? getTranslation("api.never-used")
                : getTranslation("api.last-used", format(key.lastUsedAt()), key.callsLast30Days())));
        if (key.revoked()) {
            card.add(new Paragraph(getTranslation("api.revoked-on", format(key.revokedAt()))));
        } else {
            Button revoke = new Button(getTranslation("api.revoke"), VaadinIcon.BAN.create(), click -> confirmRevoke(key));
            revoke.setId("revoke-api-key-" + key.id());
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
            card.add(revoke);
        }
        return card;
    }

    private void confirmRevoke(ApiKey key) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("api.revoke-title", key.label()),
                getTranslation("api.revoke-text"), getTranslation("api.revoke"), event -> {
                    keys.revoke(key.id());
                    FormErrors.saved(getTranslation("api.revoked"));
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setId("confirm-revoke");
        confirm.open();
    }

    private String format(OffsetDateTime at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .format(at.atZoneSameInstant(ZONE));
    }
}
