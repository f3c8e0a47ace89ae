package nl.omzien.people.ui;

import nl.omzien.base.PersonId;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import nl.omzien.people.UserAccount;
import java.util.stream.IntStream;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import nl.omzien.base.SecretTokens;
import nl.omzien.base.Translations;
import nl.omzien.people.Audience;
import nl.omzien.people.OrganisationService;
import nl.omzien.security.AccountPreferenceService;
import nl.omzien.security.CurrentUser;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.EMAIL_CHANGE;
import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

/** "Mijn profiel": name, e-mail change through a mailed link, variant, language, and deleting the account. */
class ProfileViewTest extends KaribuTest {

    private static final Pattern LINK = Pattern.compile("/profiel/e-mail\\?token=([A-Za-z0-9_-]{43})");

    @Autowired DSLContext db;
    @Autowired UserDetailsService accounts;
    @Autowired AccountPreferenceService preferences;
    @Autowired OrganisationService organisations;
    @Autowired CurrentUser currentUser;
    @Autowired nl.omzien.people.ProfileService profiles;

    private String email;
    private PersonId id;

    @BeforeEach
    void aFreshParticipantOnTheProfilePage() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        email = fx.participants(1, "Supermarkt De Brink").getFirst();
        id = fx.userId(email);
        signInAs(email);
        open("profiel");
    }

    private String storedEmail() {
        return db.select(APP_USER.EMAIL).from(APP_USER).where(APP_USER.ID.eq(id)).fetchOne(APP_USER.EMAIL);
    }

    private String requestChangeTo(String newEmail) {
        _get(EmailField.class, spec -> spec.withId("new-email")).setValue(newEmail);
        _click(_get(Button.class, spec -> spec.withId("send-email-link")));
        String text = latestMailTo(newEmail).value2();
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("the mail has the link: %s", text).isTrue();
        return link.group(1);
    }

    /** Subject and text of the newest mail to {@code address} (the dev mailbox is for admins only). */
    private org.jooq.Record2<String, String> latestMailTo(String address) {
        return db.select(MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.BODY_TEXT).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(address))
                .orderBy(MAIL_OUTBOX.ID.desc()).limit(1).fetchOne();
    }

    private void openLink(String token) {
        SecurityContextHolder.clearContext();
        UI.getCurrent().navigate("profiel/e-mail", QueryParameters.of("token", token));
    }

    @Test
    void aNewEmailAddressCountsOnlyAfterTheLinkMailedToItIsUsedAndTheLinkWorksOnce() {
        String newEmail = "nieuw-" + email;
        String token = requestChangeTo(newEmail);

        assertThat(_get(Paragraph.class, spec -> spec.withId("email-status")).getText()).contains(newEmail);
        assertThat(storedEmail()).as("nothing changes before the click").isEqualTo(email);
        assertThat(db.select(EMAIL_CHANGE.TOKEN_HASH).from(EMAIL_CHANGE).where(EMAIL_CHANGE.USER_ID.eq(id)).fetchOne().value1())
                .as("only the hash is stored").isEqualTo(SecretTokens.hash(token)).isNotEqualTo(token);

        openLink(token);
        assertThat(_get(Paragraph.class, spec -> spec.withText("Wil je voortaan " + newEmail + " gebruiken voor Omzien? "
                + "Tik op de knop om dit te bevestigen."))).isNotNull();
        assertThat(storedEmail()).as("opening the link is not confirming it (mail scanners open links)").isEqualTo(email);
        _click(_get(Button.class, spec -> spec.withId("confirm-email")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("confirm-result")).getText()).startsWith("Gelukt.");
        assertThat(storedEmail()).isEqualTo(newEmail);
        assertThat(latestMailTo(email).value1()).as("the old address hears about it")
                .isEqualTo("Je e-mailadres bij Omzien is veranderd");

        openLink(token);
        assertThat(_get(Paragraph.class, spec -> spec.withId("confirm-result")).getText()).startsWith("Deze link werkt niet.");
        _assertNone(Button.class, spec -> spec.withId("confirm-email"));
    }

    @Test
    void anExpiredLinkSaysSoAndAnAddressThatIsTakenIsNotRevealed() {
        String token = requestChangeTo("later-" + email);
        db.update(EMAIL_CHANGE).set(EMAIL_CHANGE.REQUESTED_AT, OffsetDateTime.now().minusDays(3))
                .set(EMAIL_CHANGE.EXPIRES_AT, OffsetDateTime.now().minusDays(2)).where(EMAIL_CHANGE.USER_ID.eq(id)).execute();
        openLink(token);
        assertThat(_get(Paragraph.class, spec -> spec.withId("confirm-result")).getText()).startsWith("Deze link is verlopen.");
        assertThat(storedEmail()).isEqualTo(email);

        signInAs(email);
        open("profiel");
        _get(EmailField.class, spec -> spec.withId("new-email")).setValue(PARTICIPANT);
        _click(_get(Button.class, spec -> spec.withId("send-email-link")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("email-status")).getText())
                .as("the same answer as for a free address").contains(PARTICIPANT);
        assertThat(latestMailTo(PARTICIPANT).value1()).isEqualTo("Iemand wilde dit e-mailadres gebruiken bij Omzien");
        assertThat(db.fetchCount(EMAIL_CHANGE, EMAIL_CHANGE.USER_ID.eq(id))).isZero();
    }

    @Test
    void aStrangersAddressGetsAtMostThreeLinksAnHourFromProfilePages() {
        String stranger = "vreemde-" + email;
        for (int i = 0; i < 3; i++) {
            requestChangeTo(stranger);
        }
        EmailField field = _get(EmailField.class, spec -> spec.withId("new-email"));
        field.setValue(stranger);
        _click(_get(Button.class, spec -> spec.withId("send-email-link")));
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("Er zijn net al een paar links naar dit adres gestuurd. Probeer het later opnieuw.");
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(stranger))).isEqualTo(3);
        assertThat(field.getValue()).as("nothing typed is lost").isEqualTo(stranger);

        clock.advance(java.time.Duration.ofMinutes(61));
        requestChangeTo(stranger);
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(stranger))).isEqualTo(4);
    }

    @Test
    void theNameIsSavedAndAnEmptyNameIsRefusedWithAMessage() {
        TextField name = _get(TextField.class, spec -> spec.withId("profile-name"));
        name.setValue(" ");
        _click(_get(Button.class, spec -> spec.withId("save-name")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Dit veld is verplicht.");

        name.setValue("Fenna de Vries");
        _click(_get(Button.class, spec -> spec.withId("save-name")));
        assertThat(db.select(APP_USER.FULL_NAME).from(APP_USER).where(APP_USER.ID.eq(id)).fetchOne().value1()).isEqualTo("Fenna de Vries");
        assertThat(currentUser.require().fullName()).as("the menu shows the new name").isEqualTo("Fenna de Vries");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLanguageAndTheTrainingVariantAreSaved() {
        RadioButtonGroup<Audience> audience = _get(RadioButtonGroup.class, spec -> spec.withId("profile-audience"));
        assertThat(audience.getValue()).as("from the organisation's sector").isEqualTo(Audience.SHOP);
        audience.setValue(Audience.CHURCH);
        assertThat(organisations.audienceOfCurrentUser()).isEqualTo(Audience.CHURCH);

        RadioButtonGroup<Locale> language = _get(RadioButtonGroup.class, spec -> spec.withId("profile-language"));
        assertThat(language.getValue()).isEqualTo(Translations.DUTCH);
        language.setValue(Translations.ENGLISH);
        assertThat(preferences.locale()).isEqualTo(Translations.ENGLISH);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Translations.ENGLISH);
    }

    @Test
    void theProfileLinksToTheSecuritySettings() {
        assertThat(_get(Anchor.class, spec -> spec.withId("security-link")).getHref()).isEqualTo("profiel/beveiliging");
    }

    @Test
    void deletingTheAccountOnlyHappensAfterTypingTheWord() {
        _click(_get(Button.class, spec -> spec.withId("delete-account")));
        Button confirm = _get(Button.class, spec -> spec.withId("confirm-delete"));
        TextField word = _get(TextField.class, spec -> spec.withId("delete-confirmation"));
        assertThat(confirm.isEnabled()).isFalse();
        word.setValue("ja");
        assertThat(confirm.isEnabled()).isFalse();
        _click(_get(Button.class, spec -> spec.withId("cancel-delete")));
        _assertNone(Dialog.class);
        assertThat(storedEmail()).isEqualTo(email);

        _click(_get(Button.class, spec -> spec.withId("delete-account")));
        _get(TextField.class, spec -> spec.withId("delete-confirmation")).setValue("verwijder");
        Button enabled = _get(Button.class, spec -> spec.withId("confirm-delete"));
        assertThat(enabled.isEnabled()).isTrue();
        _click(enabled);

        var account = db.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchOne();
        assertThat(account.getAnonymisedAt()).isNotNull();
        assertThat(account.getEmail()).isNotEqualTo(email);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).as("signed out").isNull();
    }

    @SuppressWarnings("unchecked")
    private void openEditorFor(String address) {
        Grid<UserAccount> grid = _get(Grid.class);
        int row = IntStream.range(0, GridKt._size(grid)).filter(i -> GridKt._get(grid, i).email().equals(address))
                .findFirst().orElseThrow();
        _click((Button) GridKt._getCellComponent(grid, row, "actions"));
    }

    @Test
    void anAdminFindsExportAndDeleteInTheUserDialogButACoalitionLeadDoesNot() {
        signInAs(LEAD_COEVORDEN);
        open("gebruikers");
        openEditorFor(email);
        _assertNone(Details.class, spec -> spec.withId("user-own-data"));

        signInAs(ADMIN);
        open("gebruikers");
        openEditorFor(email);
        assertThat(_get(Details.class, spec -> spec.withId("user-own-data"))).isNotNull();
        assertThat(_get(Anchor.class, spec -> spec.withId("user-download-data")).getElement().getAttribute("download")).isNotNull();
    }

    @Test
    void aNameChangedSinceShowsWhenTheProfileIsOpenedAgainWithEachSectionOnce() {
        profiles.changeName("Fenna Nieuwenhuis");
        open("profiel");
        assertThat(_get(TextField.class, spec -> spec.withId("profile-name")).getValue()).isEqualTo("Fenna Nieuwenhuis");
        assertThat(_find(com.vaadin.flow.component.html.Section.class, spec -> spec.withId("registration-section"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("delete-account"))).hasSize(1);
    }
}
