package nl.omzien.people.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.people.UserAccount;
import nl.omzien.people.UserAccountService;
import nl.omzien.security.Role;

/** An organisation contact sees who of their colleagues have an account. */
@Route("mijn-organisatie")
@Menu(order = 20, title = "nav.colleagues", icon = "GROUP")
@RolesAllowed(Role.ORG_CONTACT_ROLE)
public class ColleaguesView extends VerticalLayout implements HasTitleKey {

    public ColleaguesView(UserAccountService users) {
        setSizeFull();
        add(new Paragraph(getTranslation("colleagues.intro")));
        Grid<UserAccount> grid = new Grid<>();
        grid.addColumn(UserAccount::fullName).setHeader(getTranslation("user.full-name")).setSortable(true);
        grid.addColumn(UserAccount::email).setHeader(getTranslation("user.email"));
        grid.setItems(users.colleagues());
        grid.setAriaLabel(getTranslation("nav.colleagues"));
        add(grid);
    }

    @Override
    public String titleKey() {
        return "nav.colleagues";
    }
}
