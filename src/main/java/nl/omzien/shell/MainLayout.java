package nl.omzien.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.base.ui.LanguageSwitch;
import nl.omzien.security.AccountPreferenceService;
import nl.omzien.security.CurrentUser;

/**
 * The app shell: a drawer with the pages this person may open (Vaadin filters the {@code @Menu}
 * entries by each view's access annotation, so the menu matches what the server allows).
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 viewTitle = new H1();

    public MainLayout(CurrentUser currentUser, AccountPreferenceService preferences, AuthenticationContext authentication) {
        var locale = preferences.locale();
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().getPage().executeJs("document.documentElement.lang = $0", locale.getLanguage());

        setPrimarySection(Section.DRAWER);
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.toggle"));
        viewTitle.addClassName("view-title");
        // Landmarks: the top bar is the banner, the drawer a complementary region, the page itself <main>.
        com.vaadin.flow.component.html.Header top = new com.vaadin.flow.component.html.Header(toggle, viewTitle);
        top.addClassName("top-bar");
        addToNavbar(top);

        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("brand");
        Div header = new Div(brand);
        header.addClassName("drawer-header");

        SideNav nav = new SideNav();
        nav.setLabel(getTranslation("nav.label"));
        MenuConfiguration.getMenuEntries().forEach(entry -> {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(VaadinIcon.valueOf(entry.icon()).create());
            }
            nav.addItem(item);
        });

        var user = currentUser.require();
        Span who = new Span(user.fullName());
        who.addClassName("signed-in-as");
        Button logout = new Button(getTranslation("nav.logout"), new Icon(VaadinIcon.SIGN_OUT),
                click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        VerticalLayout account = new VerticalLayout(who, new LanguageSwitch().onChange(preferences::changeLocale), logout);
        account.setPadding(true);
        account.setSpacing(false);
        account.setDefaultHorizontalComponentAlignment(FlexComponent.Alignment.START);
        Footer footer = new Footer(account);
        footer.addClassName("drawer-footer");

        VerticalLayout drawer = new VerticalLayout(header, nav, footer);
        drawer.setSizeFull();
        drawer.setPadding(false);
        drawer.expand(nav);
        Aside side = new Aside(drawer);
        side.setSizeFull();
        side.getElement().setAttribute("aria-label", getTranslation("nav.label"));
        addToDrawer(side);
        main.setId("main-content");
        main.setSizeFull();
        super.setContent(main);
    }

    /** Every page's content sits in one <main> landmark. */
    private final Main main = new Main();
    private HasElement page;

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.getElement().removeAllChildren();
        page = content;
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        main.getElement().removeAllChildren();
        page = null;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(page instanceof HasTitleKey titled ? getTranslation(titled.titleKey()) : "");
    }
}
