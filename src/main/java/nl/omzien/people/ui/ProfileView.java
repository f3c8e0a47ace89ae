package nl.omzien.people.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.Translations;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.people.Audience;
import nl.omzien.people.Profile;
import nl.omzien.people.ProfileService;
import nl.omzien.privacy.DataExport;
import nl.omzien.privacy.OwnDataService;
import nl.omzien.security.AccountPreferenceService;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Mijn profiel" for everyone who is signed in: name, e-mail address (changed after the new address
 * confirms), training variant, language, and the own-data actions (download, delete account).
 */
@Route("profiel")
@Menu(order = 90, title = "nav.profile", icon = "USER")
@PermitAll
public class ProfileView extends VerticalLayout implements HasTitleKey, BeforeEnterObserver {

    /** Built by the staff security settings (two-step sign-in, remembered devices, sign out everywhere). */
    public static final String SECURITY_ROUTE = "profiel/beveiliging";

    private final ProfileService profiles;
    private final AccountPreferenceService preferences;
    private final OwnDataService ownData;
    private final AuthenticationContext authentication;
    private final Paragraph emailStatus = new Paragraph();

    public ProfileView(ProfileService profiles, AccountPreferenceService preferences, OwnDataService ownData,
                       AuthenticationContext authentication) {
        this.profiles = profiles;
        this.preferences = preferences;
        this.ownData = ownData;
        this.authentication = authentication;
        addClassName("profile");
        setMaxWidth("40rem");
    }

    /**
     * Every section shows stored data, so all are built anew on each visit: a reused view (the menu item
     * clicked again, a confirmed new address) shows the profile as it is now. Built anew rather than filled in,
     * because setting the training variant from code would save it again.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Profile profile = profiles.mine();
        add(nameSection(profile), emailSection(profile), audienceSection(profile), languageSection(profile),
                new RegistrationSection(profiles), securitySection(), ownDataSection());
    }

    @Override
    public String titleKey() {
        return "profile.title";
    }

    private Section section(String headingKey) {
        Section section = new Section(new H2(getTranslation(headingKey)));
        section.addClassName("profile-section");
        section.setWidthFull();
        return section;
    }

    private Section nameSection(Profile profile) {
        TextField name = new TextField(getTranslation("profile.name"));
        name.setId("profile-name");
        name.setValue(profile.fullName());
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();
        name.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NAME);
        Button save = new Button(getTranslation("profile.name.save"), click -> {
            try {
                profiles.changeName(name.getValue());
                FormErrors.clear(Map.of("fullName", name));
                FormErrors.saved(getTranslation("profile.name.saved"));
            } catch (InvalidInputException e) {
                FormErrors.show(e, Map.of("fullName", name));
            }
        });
        save.setId("save-name");
        Section section = section("profile.name.heading");
        section.add(name, save);
        return section;
    }

    private Section emailSection(Profile profile) {
        Paragraph current = new Paragraph(getTranslation("profile.email.current", profile.email()));
        current.setId("current-email");
        emailStatus.setId("email-status");
        emailStatus.addClassName("profile-notice");
        showPending(profile.pendingEmail());
        EmailField email = new EmailField(getTranslation("profile.email.new"));
        email.setId("new-email");
        email.setWidthFull();
        email.setHelperText(getTranslation("profile.email.help"));
        Button send = new Button(getTranslation("profile.email.send"), click -> {
            try {
                profiles.requestEmailChange(email.getValue());
                FormErrors.clear(Map.of("email", email));
                showPending(email.getValue().trim());
                email.clear();
            } catch (InvalidInputException e) {
                FormErrors.show(e, Map.of("email", email));
            }
        });
        send.setId("send-email-link");
        Section section = section("profile.email.heading");
        section.add(current, emailStatus, email, send);
        return section;
    }

    private void showPending(String pendingEmail) {
        emailStatus.setText(pendingEmail == null ? "" : getTranslation("profile.email.pending", pendingEmail));
        emailStatus.setVisible(pendingEmail != null);
    }

    private Section audienceSection(Profile profile) {
        RadioButtonGroup<Audience> audience = new RadioButtonGroup<>(getTranslation("profile.audience"));
        audience.setId("profile-audience");
        audience.setItems(Audience.values());
        audience.setItemLabelGenerator(a -> getTranslation("audience." + a.name()));
        audience.setValue(profile.audience());
        audience.setHelperText(getTranslation("profile.audience.help"));
        audience.addThemeName("vertical");
        audience.addValueChangeListener(change -> {
            if (change.isFromClient() || change.getValue() != null) {
                profiles.changeAudience(change.getValue());
                FormErrors.saved(getTranslation("profile.audience.saved"));
            }
        });
        Section section = section("profile.audience.heading");
        section.add(audience);
        return section;
    }

    private Section languageSection(Profile profile) {
        RadioButtonGroup<Locale> language = new RadioButtonGroup<>(getTranslation("profile.language"));
        language.setId("profile-language");
        language.setItems(List.of(Translations.DUTCH, Translations.ENGLISH));
        // Each language names itself, so someone who cannot read the current one still finds theirs.
        language.setItemLabelGenerator(l -> l.equals(Translations.ENGLISH) ? "English" : "Nederlands");
        language.setValue(profile.locale());
        language.addValueChangeListener(change -> {
            if (change.getValue() == null || change.getValue().equals(change.getOldValue())) {
                return;
            }
            preferences.changeLocale(change.getValue());
            VaadinSession.getCurrent().setLocale(change.getValue());
            UI.getCurrent().setLocale(change.getValue());
            UI.getCurrent().getPage().reload();
        });
        Section section = section("profile.language.heading");
        section.add(language);
        return section;
    }

    private Section securitySection() {
        Anchor security = new Anchor(SECURITY_ROUTE, getTranslation("profile.security.link"));
        security.setId("security-link");
        Section section = section("profile.security.heading");
        section.add(new Paragraph(getTranslation("profile.security.text")), security);
        return section;
    }

    private Section ownDataSection() {
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            DataExport export = ownData.exportMine();
            return new DownloadResponse(new ByteArrayInputStream(export.zip()), export.fileName(), "application/zip",
                    export.zip().length);
        }), getTranslation("profile.data.download"));
        download.getElement().setAttribute("download", true);
        download.setId("download-data");
        download.addClassName("profile-download");
        Button delete = new Button(getTranslation("profile.delete.button"), VaadinIcon.TRASH.create(),
                click -> new DeleteAccountDialog(getTranslation("profile.delete.own-text"), () -> {
                    ownData.deleteMine();
                    authentication.logout();
                }).open());
        delete.setId("delete-account");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Section section = section("profile.data.heading");
        section.add(new Paragraph(getTranslation("profile.data.text")), download,
                new Paragraph(getTranslation("profile.delete.text")), delete);
        return section;
    }
}
