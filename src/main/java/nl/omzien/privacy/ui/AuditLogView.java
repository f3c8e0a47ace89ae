package nl.omzien.privacy.ui;

import nl.omzien.base.PersonId;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.base.ui.TapList;
import nl.omzien.privacy.AuditEntry;
import nl.omzien.privacy.AuditLogService;
import nl.omzien.security.Role;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * For admins: which staff member viewed, exported, changed or deleted whose personal data, when and from
 * where. Filter on a person by account number, name or e-mail address ({@code ?persoon=12} links here).
 */
@Route("logboek-persoonsgegevens")
@Menu(order = 95, title = "nav.audit-log", icon = "EYE")
@RolesAllowed(Role.ADMIN_ROLE)
public class AuditLogView extends VerticalLayout implements HasTitleKey, BeforeEnterObserver {

    private final AuditLogService audit;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final TextField subject = new TextField();
    private final TapList<AuditEntry> list;

    public AuditLogView(AuditLogService audit, Clock clock) {
        this.audit = audit;
        setSizeFull();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        subject.setLabel(getTranslation("audit.filter"));
        subject.setHelperText(getTranslation("audit.filter.help"));
        subject.setId("audit-subject");
        subject.setPrefixComponent(VaadinIcon.SEARCH.create());
        subject.setClearButtonVisible(true);
        subject.setValueChangeMode(ValueChangeMode.LAZY);
        subject.setWidth("min(28rem, 100%)");
        subject.addValueChangeListener(change -> refresh());

        grid.addColumn(e -> when.format(e.at().atZoneSameInstant(clock.getZone()))).setHeader(getTranslation("audit.at"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> person(e.actorId(), e.actorName(), "audit.system")).setHeader(getTranslation("audit.actor"));
        grid.addColumn(e -> getTranslation("audit.action." + e.action())).setHeader(getTranslation("audit.action"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> person(e.subjectId(), e.subjectName(), null)).setHeader(getTranslation("audit.subject"));
        grid.addColumn(e -> detail(e.detail())).setHeader(getTranslation("audit.detail"));
        grid.addColumn(e -> e.ipAddress() == null ? "" : e.ipAddress()).setHeader(getTranslation("audit.ip"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setAriaLabel(getTranslation("nav.audit-log"));
        grid.setId("audit-grid");
        grid.addClassName("wide-only");
        // On a phone: one entry per item, the columns as lines (an entry opens nothing: it is all there).
        list = new TapList<>("audit-list", getTranslation("nav.audit-log"),
                e -> getTranslation("audit.action." + e.action()) + ": " + person(e.subjectId(), e.subjectName(), null),
                e -> List.of(when.format(e.at().atZoneSameInstant(clock.getZone())),
                        getTranslation("audit.actor") + ": " + person(e.actorId(), e.actorName(), "audit.system"),
                        detail(e.detail()), e.ipAddress() == null ? "" : getTranslation("audit.ip") + ": " + e.ipAddress()));
        add(new Paragraph(getTranslation("audit.intro")), subject, grid, list);
        setFlexGrow(1, grid);
    }

    private String person(PersonId id, String name, String noneKey) {
        if (id == null) {
            return noneKey == null ? "" : getTranslation(noneKey);
        }
        return name == null ? getTranslation("audit.deleted-person", id) : name + " (#" + id + ")";
    }

    /** Details are stored as a key with arguments ("session-participants:12"), so they read in either language. */
    private String detail(String stored) {
        if (stored == null) {
            return "";
        }
        String[] parts = stored.split(":");
        Object[] arguments = java.util.Arrays.copyOfRange(parts, 1, parts.length, Object[].class);
        for (int i = 0; i < arguments.length; i++) {
            // Arguments that could hold ':' are URL-encoded when stored (a provider's acr); plain ones decode to themselves.
            arguments[i] = java.net.URLDecoder.decode(String.valueOf(arguments[i]), java.nio.charset.StandardCharsets.UTF_8);
            if (String.valueOf(arguments[i]).matches("[A-Z_]+")) {
                arguments[i] = getTranslation("audit.value." + arguments[i]);
            }
        }
        String key = "audit.detail." + parts[0];
        String text = getTranslation(key, arguments);
        return text.startsWith("!") ? stored : text;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("persoon").ifPresent(subject::setValue);
        refresh();
    }

    private void refresh() {
        List<AuditEntry> entries = audit.entries(subject.getValue());
        grid.setItems(entries);
        list.setItems(entries);
    }

    @Override
    public String titleKey() {
        return "nav.audit-log";
    }
}
