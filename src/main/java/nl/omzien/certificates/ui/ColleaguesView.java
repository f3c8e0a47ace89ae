package nl.omzien.certificates.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.base.ui.TapList;
import nl.omzien.certificates.ColleagueProgress;
import nl.omzien.certificates.ColleagueProgressService;
import nl.omzien.people.UserAccountService;
import nl.omzien.security.Role;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;

/**
 * An organisation contact sees their colleagues who have an account and how far they are: modules
 * passed and a certificate yes/no. (In certificates, not people: it needs training and certificates.)
 */
@Route("mijn-organisatie")
@Menu(order = 20, title = "nav.colleagues", icon = "GROUP")
@RolesAllowed(Role.ORG_CONTACT_ROLE)
public class ColleaguesView extends VerticalLayout implements HasTitleKey, BeforeEnterObserver {

    private final ColleagueProgressService progress;
    private final UserAccountService people;
    private final Grid<ColleagueProgress> grid = new Grid<>();
    private final TapList<ColleagueProgress> list;

    public ColleaguesView(ColleagueProgressService progress, UserAccountService people) {
        this.progress = progress;
        this.people = people;
        setSizeFull();
        add(new Paragraph(getTranslation("colleagues.intro")));
        grid.setId("colleagues-grid");
        grid.addColumn(ColleagueProgress::fullName).setHeader(getTranslation("user.full-name")).setSortable(true).setFlexGrow(2);
        grid.addColumn(ColleagueProgress::email).setHeader(getTranslation("user.email")).setFlexGrow(2);
        grid.addColumn(ColleagueProgress::modulesPassed).setHeader(getTranslation("colleagues.modules")).setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::certified).setHeader(getTranslation("colleagues.certificate")).setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(c -> leaveButton(c, "leave-")).setAutoWidth(true).setFlexGrow(0);
        grid.setAriaLabel(getTranslation("nav.colleagues"));
        grid.addClassName("wide-only");
        list = new TapList<>("colleague-list", getTranslation("nav.colleagues"), ColleagueProgress::fullName,
                c -> List.of(c.email() == null ? "" : c.email(), getTranslation("colleagues.progress", c.modulesPassed(), certified(c))))
                .extra(c -> leaveButton(c, "leave-phone-"));
        add(grid, list);
    }

    /** Read on every visit: a reused view (the menu item clicked again) shows a colleague's progress since. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        List<ColleagueProgress> colleagues = progress.myOrganisation();
        grid.setItems(colleagues);
        list.setItems(colleagues);
    }

    /** "Not one of ours": for participants only (contacts and staff are the lead's), after a confirmation. */
    private Component leaveButton(ColleagueProgress colleague, String idPrefix) {
        if (!colleague.leavesByContact()) {
            return null;
        }
        Button leave = new Button(getTranslation("colleagues.leave"), click -> confirmLeave(colleague));
        leave.setId(idPrefix + colleague.personId().value());
        leave.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        // The visible words first, then whose row it is (label in name, WCAG 2.5.3).
        leave.setAriaLabel(getTranslation("colleagues.leave-aria", colleague.fullName()));
        return leave;
    }

    private void confirmLeave(ColleagueProgress colleague) {
        Dialog confirm = new Dialog(getTranslation("colleagues.leave-title", colleague.fullName()));
        confirm.setId("leave-dialog");
        confirm.add(new Paragraph(getTranslation("colleagues.leave-text", colleague.fullName())));
        Button back = new Button(getTranslation("action.back"), click -> confirm.close());
        Button yes = new Button(getTranslation("colleagues.leave-confirm"), click -> {
            confirm.close();
            try {
                people.removeFromMyOrganisation(colleague.personId());
                FormErrors.saved(getTranslation("colleagues.left", colleague.fullName()));
            } catch (AccessDeniedException changedMeanwhile) {
                // The lead moved or promoted them in the meantime: the list shows how it is now.
                FormErrors.error(getTranslation("colleagues.changed-meanwhile", colleague.fullName()));
            }
            refresh();
        });
        yes.setId("confirm-leave");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        yes.setDisableOnClick(true);
        confirm.getFooter().add(back, yes);
        confirm.setWidth("min(32rem, 100vw)");
        confirm.open();
    }

    private String certified(ColleagueProgress colleague) {
        return getTranslation(colleague.certified() ? "colleagues.certified.yes" : "colleagues.certified.no");
    }

    @Override
    public String titleKey() {
        return "nav.colleagues";
    }
}
