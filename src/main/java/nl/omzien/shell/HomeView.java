package nl.omzien.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;

/** The start page: a greeting and, per role, what this person can do here. */
@Route("")
@Menu(order = 0, title = "nav.home", icon = "HOME")
@PermitAll
public class HomeView extends VerticalLayout implements HasTitleKey {

    public HomeView(CurrentUser currentUser) {
        var user = currentUser.require();
        addClassName("home-view");
        add(new H2(getTranslation("home.greeting", user.fullName())));
        add(new Paragraph(getTranslation("home.intro")));
        for (Role role : Role.values()) {
            if (user.has(role)) {
                Div card = new Div(new Paragraph(getTranslation("home.role." + role.name())));
                card.addClassName("role-card");
                card.getElement().setAttribute("data-role", role.name());
                add(card);
            }
        }
    }

    @Override
    public String titleKey() {
        return "nav.home";
    }
}
