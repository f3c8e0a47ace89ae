package nl.omzien.onboarding.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import nl.omzien.base.ui.LanguageSwitch;
import nl.omzien.base.ui.PublicPage;
import nl.omzien.onboarding.InviteRegistrationService;

import java.util.List;

/** The privacy statement people agree to when they register; public, so it can be read before signing up. */
@Route(value = "privacy", autoLayout = false)
@AnonymousAllowed
public class PrivacyView extends VerticalLayout implements HasDynamicTitle {

    /** Sections of the statement, each a heading and a text in the message bundles. */
    private static final List<String> SECTIONS = List.of("who", "what", "why", "how-long", "who-sees", "rights", "questions");

    public PrivacyView() {
        addClassName("register");
        setAlignItems(Alignment.CENTER);
        VerticalLayout content = new VerticalLayout();
        content.addClassName("register-content");
        content.addClassName("privacy-content");
        content.setPadding(false);
        content.add(PublicPage.brand(), new H1(getTranslation("privacy.title")), new Paragraph(getTranslation("privacy.intro")));
        for (String section : SECTIONS) {
            content.add(new H2(getTranslation("privacy." + section + ".title")));
            for (String paragraph : getTranslation("privacy." + section + ".text").split("\n")) {
                content.add(new Paragraph(paragraph));
            }
        }
        content.add(new Paragraph(getTranslation("privacy.version", InviteRegistrationService.PRIVACY_STATEMENT_VERSION)));
        Anchor signIn = new Anchor("inloggen", getTranslation("privacy.to-sign-in"));
        content.add(signIn, new LanguageSwitch());
        add(content);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.title") + " · Omzien";
    }
}
