package nl.omzien.training;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import nl.omzien.base.SecretTokens;
import nl.omzien.people.Audience;
import nl.omzien.test.KaribuTest;
import nl.omzien.training.internal.FollowUpMailer;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.training.internal.db.Tables.FOLLOW_UP;
import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FollowUpTest extends KaribuTest {

    private static final Pattern YES_LINK = Pattern.compile("/terugblik/([A-Za-z0-9_-]{43})\\?answer=yes");

    @Autowired
    TrainingService training;
    @Autowired
    ModuleCatalog catalog;
    @Autowired
    FollowUpMailer mailer;
    @Autowired
    FollowUpService followUps;
    @Autowired
    DSLContext db;

    private Attempt completeExample(String email) {
        signInAs(email);
        return new ModuleWalker(training, catalog).complete("voorbeeld", Audience.SHOP);
    }

    private Record followUpOf(long attemptId) {
        return db.selectFrom(FOLLOW_UP).where(FOLLOW_UP.ATTEMPT_ID.eq(attemptId)).fetchOne();
    }

    /** Three months go by: the application's clock moves just past the time it set for the question. */
    private void makeDue(long attemptId) {
        clock.setTo(followUpOf(attemptId).get(FOLLOW_UP.DUE_AT).toInstant().plusSeconds(60));
    }

    private int mailsTo(String email) {
        return db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(email), MAIL_OUTBOX.SUBJECT.contains("training"));
    }

    /** Completes, makes the question due, mails it, and returns the token from the mail's "yes" link. */
    private String mailedToken(String email) {
        Attempt attempt = completeExample(email);
        makeDue(attempt.id());
        mailer.mailDue();
        String text = db.select(MAIL_OUTBOX.BODY_TEXT).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(email))
                .orderBy(MAIL_OUTBOX.ID.desc()).limit(1).fetchOne(MAIL_OUTBOX.BODY_TEXT);
        Matcher yes = YES_LINK.matcher(text);
        assertThat(yes.find()).as("the mail has a yes link: %s", text).isTrue();
        SecurityContextHolder.clearContext();
        return yes.group(1);
    }

    private void openLink(String token, String answer) {
        UI.getCurrent().navigate("terugblik/" + token,
                answer == null ? QueryParameters.empty() : QueryParameters.of("answer", answer));
    }

    @Test
    void completingAModuleSchedulesOneQuestionThreeMonthsLaterAndALaterCompletionMovesIt() {
        Attempt first = completeExample("sophie.kamphuis@demo.example");
        assertThat(followUpOf(first.id()).get(FOLLOW_UP.DUE_AT).toInstant())
                .isEqualTo(first.completedAt().plusMonths(3).toInstant());

        Attempt second = new ModuleWalker(training, catalog).complete("voorbeeld", Audience.SHOP);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(followUpOf(first.id())).as("the earlier, unmailed question is dropped").isNull();
        assertThat(followUpOf(second.id()).get(FOLLOW_UP.DUE_AT).toInstant())
                .isEqualTo(second.completedAt().plusMonths(3).toInstant());
    }

    @Test
    void theQuestionIsMailedOnceWhenDueAndTheLinkIsStoredOnlyAsAHash() {
        String email = "rene.bosch@demo.example";
        Attempt attempt = completeExample(email);
        mailer.mailDue();
        assertThat(followUpOf(attempt.id()).get(FOLLOW_UP.MAILED_AT)).as("not due for three months").isNull();
        assertThat(mailsTo(email)).isZero();

        makeDue(attempt.id());
        mailer.mailDue();
        mailer.mailDue();
        assertThat(mailsTo(email)).as("mailed exactly once").isEqualTo(1);

        Record mail = db.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(email)).fetchOne();
        String text = mail.get(MAIL_OUTBOX.BODY_TEXT);
        assertThat(text).startsWith("Hallo René Bosch,").contains("Heb je sindsdien bij iemand eenzaamheid gemerkt")
                .contains("Schrijf geen namen van inwoners").contains("?answer=no");
        assertThat(mail.get(MAIL_OUTBOX.BODY_HTML)).contains("answer=yes").contains("answer=no").contains("René Bosch");
        Matcher yes = YES_LINK.matcher(text);
        assertThat(yes.find()).isTrue();
        String token = yes.group(1);
        String storedHash = followUpOf(attempt.id()).get(FOLLOW_UP.TOKEN_HASH);
        assertThat(storedHash).isEqualTo(SecretTokens.hash(token)).isNotEqualTo(token);
        assertThat(db.fetchCount(FOLLOW_UP, FOLLOW_UP.TOKEN_HASH.eq(token))).isZero();
    }

    @Test
    void oneTapFromTheMailRecordsTheAnswerWithoutSigningInAndTheStoryIsOptional() {
        String token = mailedToken("ilse.ter.horst@demo.example");

        openLink(token, "yes");
        Record answered = db.selectFrom(FOLLOW_UP).where(FOLLOW_UP.TOKEN_HASH.eq(SecretTokens.hash(token))).fetchOne();
        assertThat(answered.get(FOLLOW_UP.NOTICED)).isTrue();
        assertThat(answered.get(FOLLOW_UP.ANSWERED_AT)).isNotNull();
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("follow-up-thanks")).getText()).startsWith("Dank je wel");

        TextArea story = _get(TextArea.class);
        assertThat(story.getHelperText()).contains("geen namen van inwoners");
        story.setValue("Een klant kwam steeds vaker alleen koffie drinken. Ik vroeg hoe het ging.");
        _click(_get(Button.class, spec -> spec.withText("Versturen")));
        assertThat(db.select(FOLLOW_UP.STORY).from(FOLLOW_UP).where(FOLLOW_UP.TOKEN_HASH.eq(SecretTokens.hash(token)))
                .fetchOne(FOLLOW_UP.STORY)).startsWith("Een klant kwam");

        // Changing one's mind: the other button overwrites, and the story stays.
        _click(_get(Button.class, spec -> spec.withText("Nee")));
        Record changed = db.selectFrom(FOLLOW_UP).where(FOLLOW_UP.TOKEN_HASH.eq(SecretTokens.hash(token))).fetchOne();
        assertThat(changed.get(FOLLOW_UP.NOTICED)).isFalse();
        assertThat(changed.get(FOLLOW_UP.STORY)).startsWith("Een klant kwam");
        assertThat(_get(TextArea.class).getValue()).startsWith("Een klant kwam");
    }

    @Test
    void aTooLongStoryIsRefusedWithAClearMessageAndTheAnswerStays() {
        String token = mailedToken("yasmina.haddou@demo.example");
        openLink(token, "no");
        TextArea story = _get(TextArea.class);
        story.setValue("x".repeat(FollowUpService.MAX_STORY_LENGTH + 1));
        _click(_get(Button.class, spec -> spec.withText("Versturen")));
        assertThat(story.isInvalid()).isTrue();
        assertThat(story.getErrorMessage()).isEqualTo("Je verhaal is te lang. Gebruik hoogstens 4000 tekens.");
        Record row = db.selectFrom(FOLLOW_UP).where(FOLLOW_UP.TOKEN_HASH.eq(SecretTokens.hash(token))).fetchOne();
        assertThat(row.get(FOLLOW_UP.NOTICED)).isFalse();
        assertThat(row.get(FOLLOW_UP.STORY)).isNull();
    }

    @Test
    void unknownAndExpiredLinksSayClearlyThatTheyDoNotWork() {
        openLink(SecretTokens.newToken(), "yes");
        assertThat(_get(H1.class).getText()).isEqualTo("Deze link werkt niet");

        String token = mailedToken("joost.vos@demo.example");
        clock.advance(FollowUpService.LINK_VALID_FOR.plusDays(1));
        openLink(token, "yes");
        assertThat(_get(H1.class).getText()).isEqualTo("Deze link werkt niet meer");
        assertThat(db.select(FOLLOW_UP.NOTICED).from(FOLLOW_UP).where(FOLLOW_UP.TOKEN_HASH.eq(SecretTokens.hash(token)))
                .fetchOne(FOLLOW_UP.NOTICED)).as("an expired link records nothing").isNull();
        assertThatThrownBy(() -> followUps.answer(token, true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLinkThatExpiresWhileThePageIsOpenSaysSoInsteadOfFailing() {
        String token = mailedToken("sophie.kamphuis@demo.example");
        openLink(token, null);
        clock.advance(FollowUpService.LINK_VALID_FOR.plusDays(1));
        _click(_get(Button.class, spec -> spec.withText("Ja")));
        assertThat(_get(H1.class).getText()).isEqualTo("Deze link werkt niet meer");
        assertThat(db.select(FOLLOW_UP.NOTICED).from(FOLLOW_UP).where(FOLLOW_UP.TOKEN_HASH.eq(SecretTokens.hash(token)))
                .fetchOne(FOLLOW_UP.NOTICED)).isNull();
    }

    @Test
    void someoneWhoseAccountIsDisabledIsNotMailed() {
        String email = "ayse.demir@demo.example";
        Attempt attempt = completeExample(email);
        db.update(APP_USER).set(APP_USER.ENABLED, false).where(APP_USER.EMAIL.eq(email)).execute();
        makeDue(attempt.id());
        mailer.mailDue();
        assertThat(mailsTo(email)).isZero();
        Record row = followUpOf(attempt.id());
        assertThat(row.get(FOLLOW_UP.MAILED_AT)).as("handled, not retried forever").isNotNull();
        assertThat(row.get(FOLLOW_UP.TOKEN_HASH)).isNull();
    }

    @Test
    void theQuestionIsInTheLanguageThePersonChose() {
        String email = "mehmet.yilmaz@demo.example";
        db.update(APP_USER).set(APP_USER.LOCALE, "en").where(APP_USER.EMAIL.eq(email)).execute();
        String token = mailedToken(email);
        assertThat(db.select(MAIL_OUTBOX.SUBJECT).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(email))
                .orderBy(MAIL_OUTBOX.ID.desc()).limit(1).fetchOne(MAIL_OUTBOX.SUBJECT)).startsWith("A question about the training");
        openLink(token, null);
        assertThat(_get(H1.class).getText()).isEqualTo("Looking back");
    }
}
