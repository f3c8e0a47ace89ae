package nl.omzien.certificates.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.base.ui.TapList;
import nl.omzien.certificates.ColleagueProgress;
import nl.omzien.certificates.ColleagueProgressService;
import nl.omzien.security.Role;

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
    private final Grid<ColleagueProgress> grid = new Grid<>();
    private final TapList<ColleagueProgress> list;

    public ColleaguesView(ColleagueProgressService progress) {
        this.progress = progress;
        setSizeFull();
        add(new Paragraph(getTranslation("colleagues.intro")));
        grid.setId("colleagues-grid");
        grid.addColumn(ColleagueProgress::fullName).setHeader(getTranslation("user.full-name")).setSortable(true).setFlexGrow(2);
        grid.addColumn(ColleagueProgress::email).setHeader(getTranslation("user.email")).setFlexGrow(2);
        grid.addColumn(ColleagueProgress::modulesPassed).setHeader(getTranslation("colleagues.modules")).setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::certified).setHeader(getTranslation("colleagues.certificate")).setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        grid.setAriaLabel(getTranslation("nav.colleagues"));
        grid.addClassName("wide-only");
        list = new TapList<>("colleague-list", getTranslation("nav.colleagues"), ColleagueProgress::fullName,
                c -> List.of(c.email() == null ? "" : c.email(), getTranslation("colleagues.progress", c.modulesPassed(), certified(c))));
        add(grid, list);
    }

    /** Read on every visit: a reused view (the menu item clicked again) shows a colleague's progress since. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<ColleagueProgress> colleagues = progress.myOrganisation();
        grid.setItems(colleagues);
        list.setItems(colleagues);
    }

    private String certified(ColleagueProgress colleague) {
        return getTranslation(colleague.certified() ? "colleagues.certified.yes" : "colleagues.certified.no");
    }

    @Override
    public String titleKey() {
        return "nav.colleagues";
    }
}
