package nl.omzien.onboarding.ui;

import nl.omzien.base.OrganisationId;

import nl.omzien.sessions.SessionId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import nl.omzien.onboarding.InviteLinkService;
import nl.omzien.people.Organisation;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionService;
import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.people.internal.db.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.lower;

/** The registration form and the staff page with invite links, browserless on the real application. */
class InviteViewsTest extends KaribuTest {

    @Autowired
    InviteLinkService invites;
    @Autowired
    SessionService sessions;
    @Autowired
    nl.omzien.sessions.RegistrationService registrations;
    @Autowired
    DSLContext db;
    @Autowired
    UserDetailsService accounts;

    private SessionFixtures fx() {
        return new SessionFixtures(db, accounts);
    }

    private String invitePath(String organisation) {
        String link = fx().as(LEAD_COEVORDEN, () -> invites.organisationInvite(fx().organisation(organisation))).link();
        return link.substring(link.indexOf("aanmelden/"));
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    }

    private int accountsWith(String email) {
        return db.fetchCount(APP_USER, lower(APP_USER.EMAIL).eq(email.toLowerCase()));
    }

    private void fillIn(String name, String email) {
        _get(TextField.class, spec -> spec.withId("register-name")).setValue(name);
        _get(EmailField.class, spec -> spec.withId("register-email")).setValue(email);
    }

    private void send() {
        _click(_get(Button.class, spec -> spec.withId("register-send")));
    }

    @Test
    void theFormShowsTheOrganisationAndMunicipalityFromTheLinkAndLinksToThePrivacyStatement() {
        open(invitePath("Kapsalon Knip & Zo"));
        TextField organisation = _get(TextField.class, spec -> spec.withId("register-organisation"));
        assertThat(organisation.getValue()).isEqualTo("Kapsalon Knip & Zo");
        assertThat(organisation.isReadOnly()).isTrue();
        assertThat(_find(ComboBox.class)).as("nothing to choose on an organisation's link").isEmpty();
        assertThat(_get(TextField.class, spec -> spec.withId("register-municipality")).getValue()).isEqualTo("Coevorden");
        assertThat(_get(Anchor.class, spec -> spec.withId("register-privacy-link")).getHref()).isEqualTo("privacy");

        open("privacy");
        assertThat(_find(H2.class)).extracting(H2::getText).contains("Hoe lang?", "Wat kun je zelf doen?");
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText)
                .anySatisfy(text -> assertThat(text).contains("5 jaar"))
                .anySatisfy(text -> assertThat(text).contains("downloaden").contains("verwijderen"));
    }

    @Test
    void withoutTheConsentTickTheFormSaysSoAndKeepsWhatWasTyped() {
        open(invitePath("Huisartsenpraktijk Dalen"));
        String email = unique("zonder-vinkje");
        fillIn("Anouk Zonder Vinkje", email);
        send();

        assertThat(_get(Span.class, spec -> spec.withId("register-consent-error")).getText())
                .startsWith("Zet een vinkje");
        assertThat(_get(TextField.class, spec -> spec.withId("register-name")).getValue()).isEqualTo("Anouk Zonder Vinkje");
        assertThat(_get(EmailField.class, spec -> spec.withId("register-email")).getValue()).isEqualTo(email);
        assertThat(_get(Button.class, spec -> spec.withId("register-send")).isEnabled()).as("can send again").isTrue();
        assertThat(accountsWith(email)).isZero();

        _get(Checkbox.class, spec -> spec.withId("register-consent")).setValue(true);
        send();
        assertThat(_get(Paragraph.class, spec -> spec.withId("register-sent")).getText()).contains(email);
        assertThat(accountsWith(email)).isEqualTo(1);
    }

    @Test
    void aMistypedAddressIsMarkedOnTheField() {
        open(invitePath("Huisartsenpraktijk Dalen"));
        fillIn("Marieke", "marieke@praktijk");
        _get(Checkbox.class, spec -> spec.withId("register-consent")).setValue(true);
        send();
        EmailField email = _get(EmailField.class, spec -> spec.withId("register-email"));
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).startsWith("Dit is geen geldig e-mailadres");
    }

    @Test
    void anExistingAddressGetsExactlyTheSameAnswerAsANewOne() {
        String path = invitePath("Supermarkt De Brink");
        String newAddress = unique("nieuw");
        String known = "daan.visser@demo.example";
        String newAnswer = answerFor(path, newAddress);
        String knownAnswer = answerFor(path, known);
        assertThat(knownAnswer.replace(known, "ADDRESS")).isEqualTo(newAnswer.replace(newAddress, "ADDRESS"))
                .startsWith("We hebben een mail gestuurd naar ADDRESS.");
        assertThat(accountsWith(known)).isEqualTo(1);
    }

    private String answerFor(String path, String email) {
        open(path);
        fillIn("Daan", email);
        _get(Checkbox.class, spec -> spec.withId("register-consent")).setValue(true);
        send();
        return _get(Paragraph.class, spec -> spec.withId("register-sent")).getText();
    }

    @Test
    void aReplacedLinkShowsAClearMessageInsteadOfTheForm() {
        String path = invitePath("Bibliotheek Coevorden");
        fx().as(LEAD_COEVORDEN, () -> invites.rotateOrganisationInvite(fx().organisation("Bibliotheek Coevorden")));
        open(path);
        assertThat(_get(Paragraph.class, spec -> spec.withId("register-invalid")).getText()).contains("nieuwe link");
        assertThat(_find(Button.class, spec -> spec.withId("register-send"))).isEmpty();
    }

    @Test
    void aLinkThatIsRotatedWhileTheFormIsOpenIsRefusedOnSubmitAndKeepsTheInput() {
        String path = invitePath("Bakkerij Van der Veen");
        open(path);
        String email = unique("te-laat");
        fillIn("Gerda Te Laat", email);
        _get(Checkbox.class, spec -> spec.withId("register-consent")).setValue(true);
        fx().as(LEAD_COEVORDEN, () -> invites.rotateOrganisationInvite(fx().organisation("Bakkerij Van der Veen")));
        send();
        assertThat(_get(Paragraph.class, spec -> spec.withId("register-problem")).getText()).startsWith("Deze link werkt niet meer");
        assertThat(_get(TextField.class, spec -> spec.withId("register-name")).getValue()).isEqualTo("Gerda Te Laat");
        assertThat(accountsWith(email)).isZero();
    }

    @Test
    void aCoalitionLeadSeesFlyersAndRotatesALinkAfterConfirming() {
        signInAs(LEAD_COEVORDEN);
        OrganisationId bakery = fx().organisation("Bakkerij Van der Veen");
        open("uitnodigingen");
        Div card = _get(Div.class, spec -> spec.withId("invite-organisation-" + bakery));
        String before = _get(card, TextField.class, spec -> spec.withClasses("invite-link")).getValue();
        assertThat(_get(card, Anchor.class, spec -> spec.withId("flyer-" + bakery)).getText()).isEqualTo("Flyer downloaden (PDF)");
        assertThat(_find(Div.class, spec -> spec.withClasses("invite-card"))).as("organisations and sessions").hasSizeGreaterThan(8);

        _click(_get(Button.class, spec -> spec.withId("rotate-organisation-" + bakery)));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt._getHeader(confirm)).isEqualTo("Nieuwe link maken voor Bakkerij Van der Veen?");
        ConfirmDialogKt._fireConfirm(confirm);

        Div after = _get(Div.class, spec -> spec.withId("invite-organisation-" + bakery));
        assertThat(_get(after, TextField.class, spec -> spec.withClasses("invite-link")).getValue()).isNotEqualTo(before);
    }

    @Test
    void theInvitesPageShowsASessionPlannedMeanwhile_WhenTheLeadOpensItAgain() {
        signInAs(LEAD_COEVORDEN);
        open("uitnodigingen");
        int before = _find(Div.class, spec -> spec.withClasses("invite-card")).size();
        SessionId planned = fx().as(TRAINER, () -> sessions.create(SessionFixtures.draft("Later gepland in Dalen", 12, 12)));
        open("uitnodigingen");
        assertThat(_find(Div.class, spec -> spec.withClasses("invite-card"))).hasSize(before + 1);
        assertThat(_find(Div.class, spec -> spec.withId("invite-session-" + planned))).hasSize(1);
        assertThat(_find(TextField.class, spec -> spec.withId("invite-search"))).hasSize(1);
    }

    @Test
    void anOrganisationsContactSeesOnlyTheirOwnOrganisation() {
        signInAs(ORG_CONTACT);
        open("uitnodigingen");
        assertThat(_find(Div.class, spec -> spec.withClasses("invite-card"))).singleElement()
                .satisfies(card -> assertThat(card.getId()).contains("invite-organisation-" + fx().organisation("Thuiszorg Zuidoost-Drenthe")));
    }

    @Test
    void aSessionLinkShowsTheSessionAndAsksWhichOrganisationThePersonIsFrom() {
        SessionId sessionId = fx().as(TRAINER, () -> sessions.create(SessionFixtures.draft("Kennismaken in Dalen", 12, 10)));
        String link = fx().as(TRAINER, () -> invites.sessionInvites()).stream()
                .filter(i -> i.session().id().equals(sessionId)).findFirst().orElseThrow().link();
        open(link.substring(link.indexOf("aanmelden/")));
        assertThat(_get(Div.class, spec -> spec.withId("register-session")).getElement().getTextRecursively())
                .contains("Kennismaken in Dalen", "Dorpshuis De Kiel, Dalen");
        @SuppressWarnings("unchecked")
        ComboBox<Organisation> organisation = _get(ComboBox.class, spec -> spec.withId("register-organisation-choice"));
        String email = unique("sessie");
        fillIn("Tim van de Supermarkt", email);
        _get(Checkbox.class, spec -> spec.withId("register-consent")).setValue(true);
        send();
        assertThat(organisation.isInvalid()).isTrue();
        assertThat(organisation.getErrorMessage()).isEqualTo("Dit veld is verplicht.");

        organisation.setValue(organisation.getListDataView().getItems()
                .filter(o -> o.name().equals("Supermarkt De Brink")).findFirst().orElseThrow());
        send();
        assertThat(_get(Paragraph.class, spec -> spec.withId("register-sent")).getText()).contains(email);
        assertThat(accountsWith(email)).isEqualTo(1);
    }

    @Test
    void aParticipantTypingTheInvitesAddressIsRefused() {
        signInAs(PARTICIPANT);
        assertThatThrownBy(() -> open("uitnodigingen")).isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
        assertThat(_find(InvitesView.class)).isEmpty();
    }

    @Test
    void aFullSessionsLinkSaysSoBeforeTheFormIsFilledIn() {
        SessionId sessionId = fx().as(TRAINER, () -> sessions.create(SessionFixtures.draft("Vol in Dalen", 1, 10)));
        String taker = fx().participants(1, "Kapsalon Knip & Zo").getFirst();
        fx().as(taker, () -> registrations.signUp(sessionId));
        String link = fx().as(TRAINER, () -> invites.sessionInvites()).stream()
                .filter(i -> i.session().id().equals(sessionId)).findFirst().orElseThrow().link();
        open(link.substring(link.indexOf("aanmelden/")));
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("register-session-seats")).getText())
                .startsWith("Deze bijeenkomst is vol.").contains("wachtlijst");
    }

    @Test
    void theFlyersShortCodeTypedInAnyCaseOpensTheSameSignUpAndStopsWorkingWithANewLink() {
        var library = fx().organisation("Bibliotheek Coevorden");
        var invite = fx().as(LEAD_COEVORDEN, () -> invites.organisationInvite(library));
        String shortLink = invite.shortLink();
        String code = shortLink.substring(shortLink.indexOf("/code/") + "/code/".length());
        assertThat(code).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        assertThat(shortLink.length()).as("short enough to type").isLessThan(invite.link().length() - 30);

        // As someone types it from paper: lower case, no dash.
        open("code/" + code.replace("-", "").toLowerCase(java.util.Locale.ROOT));
        assertThat(_find(RegisterView.class)).hasSize(1);
        assertThat(_find(Paragraph.class, spec -> spec.withId("register-invalid"))).isEmpty();
        assertThat(_get(Button.class, spec -> spec.withId("register-send"))).isNotNull();

        // The page without a code asks for it.
        open("code");
        _get(TextField.class, spec -> spec.withId("short-code")).setValue(code.toLowerCase(java.util.Locale.ROOT));
        com.github.mvysny.kaributesting.v10.ButtonKt._click(_get(Button.class, spec -> spec.withId("short-code-go")));
        assertThat(_find(RegisterView.class)).hasSize(1);

        // A new link: the printed code stops working, with a clear message.
        var fresh = fx().as(LEAD_COEVORDEN, () -> invites.rotateOrganisationInvite(library));
        assertThat(fresh.shortLink()).isNotEqualTo(shortLink);
        open("code/" + code);
        assertThat(_find(RegisterView.class)).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("short-code-problem")).getText()).contains("kennen we niet");
    }

    @Autowired
    private nl.omzien.onboarding.InviteRegistrationService inviteRegistrations;
    @Autowired
    private nl.omzien.security.Throttle throttle;

    /** A well-formed code that is (all but surely) nobody's: 40 random bits. */
    private static String randomCode() {
        String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return random.ints(8, 0, alphabet.length()).mapToObj(i -> String.valueOf(alphabet.charAt(i)))
                .collect(java.util.stream.Collectors.joining());
    }

    @Test
    void walkingThroughFlyerCodesStopsAfterTwentyWrongOnesFromOneNetwork() {
        var library = fx().organisation("Bibliotheek Coevorden");
        String shortLink = fx().as(LEAD_COEVORDEN, () -> invites.organisationInvite(library)).shortLink();
        String right = shortLink.substring(shortLink.indexOf("/code/") + "/code/".length());
        open("code");
        // This network's wrong codes are forgotten afterwards: the class's other tests type codes from it too.
        String network = com.vaadin.flow.server.VaadinRequest.getCurrent().getRemoteAddr();
        try {
            typeWrongCodesThenTheRightOne(right);
        } finally {
            throttle.forgiveAddress(nl.omzien.security.Throttle.Kind.INVITE_CODE, network);
        }
        assertThat(inviteRegistrations.tokenOfShortCode(right, network)).as("forgiven").isPresent();

        // Exactly twenty wrong codes on a fresh network, then it waits.
        String fresh = "203.0.113.9";
        for (int i = 0; i < 20; i++) {
            assertThat(inviteRegistrations.tokenOfShortCode(randomCode(), fresh)).isEmpty();
        }
        assertThatThrownBy(() -> inviteRegistrations.tokenOfShortCode(randomCode(), fresh))
                .isInstanceOf(nl.omzien.base.InvalidInputException.class);
    }

    private void typeWrongCodesThenTheRightOne(String right) {
        Paragraph problem = _get(Paragraph.class, spec -> spec.withId("short-code-problem"));
        int tried = 0;
        while (tried < 25 && !problem.getText().startsWith("Er zijn hier te veel verkeerde codes")) {
            _get(TextField.class, spec -> spec.withId("short-code")).setValue(randomCode());
            com.github.mvysny.kaributesting.v10.ButtonKt._click(_get(Button.class, spec -> spec.withId("short-code-go")));
            tried++;
        }
        assertThat(tried).as("refused after at most 20 wrong codes (the class's other tests may have typed some)").isLessThanOrEqualTo(21);
        // Then even the right code waits, on this network; another network carries on.
        _get(TextField.class, spec -> spec.withId("short-code")).setValue(right);
        com.github.mvysny.kaributesting.v10.ButtonKt._click(_get(Button.class, spec -> spec.withId("short-code-go")));
        assertThat(_find(RegisterView.class)).isEmpty();
        assertThat(inviteRegistrations.tokenOfShortCode(right, "198.51.100.77")).isPresent();
    }

    @Autowired
    private javax.sql.DataSource dataSource;

    /** Guessing flyer codes in bulk waits for throttle slots without pooled connections, so other pages carry on. */
    @Test
    void aBurstOfFlyerCodesLeavesThePoolToEveryoneElse() throws Exception {
        String ip = "203.0.113.66";
        int mostActive = nl.omzien.test.Bursts.mostConnectionsInUse(dataSource, 200, () -> {
            try {
                return inviteRegistrations.tokenOfShortCode(randomCode(), ip);
            } catch (nl.omzien.base.InvalidInputException waitsNow) {
                return null;
            }
        });
        assertThat(mostActive).as("connections in use during the burst").isLessThanOrEqualTo(6);
    }

    @Test
    void theInvitesPageShowsTheShortAddressBesideTheLink() {
        signInAs(LEAD_COEVORDEN);
        var bakery = fx().organisation("Bakkerij Van der Veen");
        open("uitnodigingen");
        String shown = _get(TextField.class, spec -> spec.withId("short-link-" + bakery)).getValue();
        assertThat(shown).isEqualTo(fx().as(LEAD_COEVORDEN, () -> invites.organisationInvite(bakery)).shortLink()).contains("/code/");
    }

    @Test
    void theInvitesPageFindsAnOrganisationOrSessionByWhatIsTyped() {
        signInAs(LEAD_COEVORDEN);
        var bakery = fx().organisation("Bakkerij Van der Veen");
        open("uitnodigingen");
        java.util.function.Supplier<java.util.List<Div>> shown = () -> _find(Div.class, spec -> spec.withClasses("invite-card")).stream()
                .filter(Div::isVisible).toList();
        int all = shown.get().size();
        _get(nl.omzien.base.ui.ListSearch.class, spec -> spec.withId("invite-search")).setValue("bakkerij");
        assertThat(shown.get()).extracting(Div::getId).containsExactly(java.util.Optional.of("invite-organisation-" + bakery));
        _get(nl.omzien.base.ui.ListSearch.class, spec -> spec.withId("invite-search")).clear();
        assertThat(shown.get()).hasSize(all);
    }
}
