package nl.omzien.onboarding;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import nl.omzien.base.SecretTokens;
import nl.omzien.onboarding.internal.SignInLinkTokenService;
import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static nl.omzien.onboarding.internal.db.Tables.SIGN_IN_LINK;
import static org.assertj.core.api.Assertions.assertThat;

class SignInLinkTest extends KaribuTest {

    private static final Pattern LINK = Pattern.compile("/inloggen/link\\?token=([A-Za-z0-9_-]{43})");

    @Autowired
    SignInLinkService signInLinks;
    @Autowired
    SignInLinkTokenService tokens;
    @Autowired
    DSLContext db;

    private int mailsTo(String email) {
        return db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(email), MAIL_OUTBOX.SUBJECT.contains("in te loggen"));
    }

    private String latestToken(String email) {
        String text = db.select(MAIL_OUTBOX.BODY_TEXT).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(email))
                .orderBy(MAIL_OUTBOX.ID.desc()).limit(1).fetchOne(MAIL_OUTBOX.BODY_TEXT);
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("a sign-in link in: %s", text).isTrue();
        return link.group(1);
    }

    private String signInWith(String token) {
        var used = tokens.consume(OneTimeTokenAuthenticationToken.unauthenticated(token));
        return used == null ? null : used.getUsername();
    }

    @Test
    void aLinkSignsInOnceIsStoredOnlyHashedAndANewerLinkReplacesTheOlder() {
        String email = "jannie.schepers@demo.example";
        signInLinks.request(email, "10.0.0.1");
        String first = latestToken(email);
        signInLinks.request(email.toUpperCase(), "10.0.0.1");
        String second = latestToken(email);
        assertThat(second).isNotEqualTo(first);

        assertThat(db.fetchCount(SIGN_IN_LINK, SIGN_IN_LINK.TOKEN_HASH.eq(second))).as("never stored in clear").isZero();
        assertThat(db.fetchCount(SIGN_IN_LINK, SIGN_IN_LINK.TOKEN_HASH.eq(SecretTokens.hash(second)))).isEqualTo(1);

        assertThat(signInWith(first)).as("the older link no longer works").isNull();
        assertThat(signInWith(second)).isEqualTo(email);
        assertThat(signInWith(second)).as("single use").isNull();
    }

    @Test
    void anAddressWithANulCharacterIsIgnoredLikeAnyMistypedAddressInsteadOfFailing() {
        assertThat(SignInLinkService.looksLikeEmail("jannie.schepers\u0000@demo.example")).isFalse();
        signInLinks.request("jannie.schepers\u0000@demo.example", "10.0.0.9");
        signInLinks.request("jannie.schepers@demo.example\u202E", "10.0.0.9");
    }

    @Test
    void anExpiredLinkIsRefused() {
        String email = "wim.oosting@demo.example";
        signInLinks.request(email, "10.0.0.2");
        String token = latestToken(email);
        clock.advance(SignInLinkTokenService.VALID_FOR.plusMinutes(1));
        assertThat(signInWith(token)).isNull();
        assertThat(signInWith("not-a-token")).isNull();
    }

    @Test
    void unknownAddressesAndStaffGetNoMailAndTheSameAnswerOnScreen() {
        String participantAnswer = requestOnScreen("marian.rolink@demo.example");
        String unknownAnswer = requestOnScreen("nobody-here@example.org");
        String staffAnswer = requestOnScreen(TRAINER);
        assertThat(unknownAnswer).isEqualTo(participantAnswer).isEqualTo(staffAnswer).startsWith("Kijk in je mail.");
        assertThat(mailsTo("marian.rolink@demo.example")).isEqualTo(1);
        assertThat(mailsTo("nobody-here@example.org")).isZero();
        assertThat(mailsTo(TRAINER)).as("staff keep their password").isZero();
    }

    private String requestOnScreen(String address) {
        open("inloggen");
        _get(EmailField.class).setValue(address);
        _click(_get(Button.class, spec -> spec.withId("send-sign-in-link")));
        return _get(Paragraph.class, spec -> spec.withClasses("sign-in-notice")).getText();
    }

    @Test
    void theSignInPageOpenedAgainWithoutTheLinkInvalidNoteNoLongerShowsIt() {
        com.vaadin.flow.component.UI.getCurrent().navigate("inloggen",
                com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("link-invalid", "", "next", "/inchecken/" + "a".repeat(24))));
        Paragraph notice = _get(Paragraph.class, spec -> spec.withClasses("sign-in-notice sign-in-problem"));
        assertThat(notice.getText()).isNotBlank();
        assertThat(_find(Paragraph.class, spec -> spec.withId("sign-in-check-in-note"))).hasSize(1);
        open("inloggen");
        assertThat(notice.getText()).isEmpty();
        assertThat(notice.hasClassName("sign-in-problem")).isFalse();
        assertThat(_find(Paragraph.class, spec -> spec.withId("sign-in-check-in-note"))).as("hidden").isEmpty();
    }

    @Test
    void aMistypedAddressGetsAClearMessageAndNothingIsSent() {
        open("inloggen");
        EmailField email = _get(EmailField.class);
        email.setValue("jose.pereira@demo");
        _click(_get(Button.class, spec -> spec.withId("send-sign-in-link")));
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).startsWith("Dit is geen geldig e-mailadres");
        assertThat(mailsTo("jose.pereira@demo")).isZero();
    }

    @Test
    void requestsAreThrottledPerAddressAndPerIpAddress() {
        String email = "ds.albert.koster@demo.example";
        for (int i = 0; i < 5; i++) {
            signInLinks.request(email, "10.0.1." + i);
        }
        assertThat(mailsTo(email)).as("3 per address per 15 minutes, from any IP").isEqualTo(3);

        for (int i = 0; i < 25; i++) {
            signInLinks.request("probe" + i + "@example.org", "10.0.2.1");
        }
        signInLinks.request("lukasz.nowak@demo.example", "10.0.2.1");
        assertThat(mailsTo("lukasz.nowak@demo.example")).as("an IP that probed 25 addresses is blocked").isZero();
        signInLinks.request("lukasz.nowak@demo.example", "10.0.2.2");
        assertThat(mailsTo("lukasz.nowak@demo.example")).as("the same person from another IP is not").isEqualTo(1);
    }
}
