package nl.omzien.requests.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import nl.omzien.base.PersonId;
import nl.omzien.people.Audience;
import nl.omzien.requests.RequestDraft;
import nl.omzien.requests.RequestStatus;
import nl.omzien.requests.TrainingRequest;
import nl.omzien.requests.TrainingRequestService;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

/** The request pages browserless: the public form, the contact's form, the lead's and trainer's page, the accept link. */
class TrainingRequestViewsTest extends KaribuTest {

    @Autowired TrainingRequestService requests;
    @Autowired DSLContext db;
    @Autowired UserDetailsService accounts;

    private SessionFixtures fx() {
        return new SessionFixtures(db, accounts);
    }

    private TrainingRequest byOrganisation(String name) {
        return fx().as(LEAD_COEVORDEN, () -> requests.requests(null)).stream().filter(r -> r.organisationName().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void thePublicFormShowsEachProblemAtItsField_AndThenTheSameAnswerForEveryone() {
        open("training-aanvragen");
        assertThat(_find(Anchor.class, spec -> spec.withClasses("request-municipality"))).extracting(Anchor::getHref)
                .contains("training-aanvragen/coevorden", "training-aanvragen/twenterand");
        open("training-aanvragen/coevorden");
        assertThat(_get(Paragraph.class, spec -> spec.withId("request-privacy")).getText())
                .isEqualTo("We gebruiken je gegevens alleen voor deze aanvraag. 12 maanden na het laatste bericht over je "
                        + "aanvraag halen we je naam, e-mailadres en opmerkingen weg.");
        _click(_get(Button.class, spec -> spec.withId("request-send")));
        assertThat(_get(TextField.class, spec -> spec.withId("request-organisation")).isInvalid()).isTrue();
        assertThat(_get(EmailField.class, spec -> spec.withId("request-contact-email")).isInvalid()).isTrue();
        assertThat(_get(TextArea.class, spec -> spec.withId("request-periods")).getErrorMessage()).isEqualTo("Dit veld is verplicht.");

        _get(TextField.class, spec -> spec.withId("request-organisation")).setValue("Eetcafé De Hoek");
        @SuppressWarnings("unchecked")
        Select<Audience> audience = _get(Select.class, spec -> spec.withId("request-audience"));
        audience.setValue(Audience.SHOP);
        _get(IntegerField.class, spec -> spec.withId("request-people")).setValue(6);
        _get(TextArea.class, spec -> spec.withId("request-periods")).setValue("Maandagochtend");
        _get(TextField.class, spec -> spec.withId("request-place")).setValue("Het café, Markt 3");
        _get(TextField.class, spec -> spec.withId("request-contact-name")).setValue("Kees Bos");
        _get(EmailField.class, spec -> spec.withId("request-contact-email")).setValue("kees.bos@test.example");
        _click(_get(Button.class, spec -> spec.withId("request-send")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("request-received")).getText()).startsWith("Bedankt.");
        assertThat(byOrganisation("Eetcafé De Hoek").status()).isEqualTo(RequestStatus.NEW);
    }

    @Test
    void anOrganisationContactAsksForTheirOwnOrganisation() {
        signInAs(ORG_CONTACT);
        open("mijn-organisatie/training-aanvragen");
        assertThat(_find(TextField.class, spec -> spec.withId("request-organisation"))).isEmpty();
        @SuppressWarnings("unchecked")
        Select<Audience> audience = _get(Select.class, spec -> spec.withId("request-audience"));
        audience.setValue(Audience.PROFESSIONAL);
        _get(IntegerField.class, spec -> spec.withId("request-people")).setValue(600);
        _get(TextArea.class, spec -> spec.withId("request-periods")).setValue("Voorjaar");
        _get(TextField.class, spec -> spec.withId("request-place")).setValue("Kantoor Coevorden");
        _click(_get(Button.class, spec -> spec.withId("request-send")));
        assertThat(_get(IntegerField.class, spec -> spec.withId("request-people")).getErrorMessage()).isEqualTo("Vul een aantal in van 1 tot 500.");
        _get(IntegerField.class, spec -> spec.withId("request-people")).setValue(8);
        _click(_get(Button.class, spec -> spec.withId("request-send")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("request-received")).getText()).startsWith("Bedankt.");
    }

    @Test
    void theLeadAssignsATrainer_TheTrainerProposes_AndTheRequesterAcceptsThroughTheLink() {
        // The demo's open request from the GP practice.
        TrainingRequest demo = byOrganisation("Huisartsenpraktijk Dalen");
        signInAs(LEAD_COEVORDEN);
        open("aanvragen");
        Div card = _get(Div.class, spec -> spec.withId("request-" + demo.id().value()));
        assertThat(card.getElement().getTextRecursively()).contains("Nieuw", "9 mensen", "Sanne Kuipers");
        @SuppressWarnings("unchecked")
        ComboBox<PersonId> trainer = _get(card, ComboBox.class, spec -> spec.withClasses("request-trainer"));
        assertThat(trainer.getListDataView().getItems()).contains(fx().userId(TRAINER)).doesNotContain(fx().userId("wim.oosting@demo.example"));
        trainer.setValue(fx().userId(TRAINER));
        _click(_get(card, Button.class, spec -> spec.withClasses("request-assign")));
        assertThat(_get(Div.class, spec -> spec.withId("request-" + demo.id().value())).getElement().getTextRecursively())
                .contains("Toegewezen");

        signInAs(TRAINER);
        open("aanvragen");
        Div mine = _get(Div.class, spec -> spec.withId("my-request-" + demo.id().value()));
        _get(mine, DatePicker.class, spec -> spec.withClasses("propose-date")).setValue(LocalDate.now(SessionTimes.ZONE).plusDays(20));
        _get(mine, TimePicker.class, spec -> spec.withClasses("propose-start")).setValue(LocalTime.of(14, 30));
        assertThat(_get(mine, TimePicker.class, spec -> spec.withClasses("propose-end")).getValue()).isEqualTo(LocalTime.of(16, 0));
        _click(_get(mine, Button.class, spec -> spec.withClasses("request-propose")));
        String mail = db.select(MAIL_OUTBOX.BODY_TEXT).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq("praktijk@ha-dalen.example"))
                .orderBy(MAIL_OUTBOX.ID.desc()).limit(1).fetchOne(MAIL_OUTBOX.BODY_TEXT);
        Matcher link = Pattern.compile("/training-aanvraag/([A-Za-z0-9_-]{43})").matcher(mail);
        assertThat(link.find()).isTrue();

        signInAs(PARTICIPANT); // whoever opens the link: no account needed, none used
        open("training-aanvraag/" + "x".repeat(43));
        assertThat(_get(Paragraph.class, spec -> spec.withId("accept-status")).getText()).startsWith("Deze link werkt niet meer");
        open("training-aanvraag/" + link.group(1));
        assertThat(_get(Paragraph.class, spec -> spec.withId("accept-proposal")).getText()).contains("14:30", "16:00", "9 plaatsen");
        _click(_get(Button.class, spec -> spec.withId("accept-button")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("accept-status")).getText()).startsWith("De training is gepland");
        assertThat(byOrganisation("Huisartsenpraktijk Dalen").status()).isEqualTo(RequestStatus.PLANNED);
    }

    @Test
    void theDashboardFlagsARequestWaitingMoreThanTenWorkingDays() {
        requests.submitPublic(fx().municipality("Coevorden"), new nl.omzien.requests.RequestDraft("Kapsalon Wachtrij",
                Audience.SHOP, 4, "Maandag", "De salon", null, "Ria Wever", "ria.wever@test.example"), java.util.Locale.of("nl"), "198.51.100.99");
        signInAs(LEAD_COEVORDEN);
        open("dashboard");
        // Karibu finds only visible components: no notice, or one without this request.
        assertThat(_find(Div.class, spec -> spec.withId("dashboard-waiting-requests")))
                .allSatisfy(d -> assertThat(d.getElement().getTextRecursively()).doesNotContain("Kapsalon Wachtrij"));
        clock.advance(java.time.Duration.ofDays(21));
        // Away and back: a fresh dashboard reads the moved clock.
        open("aanvragen");
        open("dashboard");
        Div notice = _get(Div.class, spec -> spec.withId("dashboard-waiting-requests"));
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getElement().getTextRecursively()).contains("langer dan 10 werkdagen", "Kapsalon Wachtrij");
    }

    // --- opened again: Vaadin reuses the open view, which reads its data anew ---

    @Test
    void theLeadSeesARequestThatCameInWhileThePageWasOpen_WhenOpeningItAgain() {
        signInAs(LEAD_COEVORDEN);
        open("aanvragen");
        int before = _find(Div.class, spec -> spec.withClasses("request-card")).size();
        requests.submitPublic(fx().municipality("Coevorden"), new RequestDraft("Bakkerij Het Korenschoof", Audience.SHOP, 5,
                "Dinsdagmiddag", "De bakkerij", null, "Anna Smit", "anna.smit@test.example"), java.util.Locale.of("nl"), "10.9.8.7");
        open("aanvragen");
        assertThat(_find(Div.class, spec -> spec.withClasses("request-card"))).hasSize(before + 1);
        assertThat(_find(Div.class, spec -> spec.withId("request-" + byOrganisation("Bakkerij Het Korenschoof").id().value())))
                .hasSize(1);
        assertThat(_find(Div.class, spec -> spec.withId("requests-all"))).hasSize(1);
    }

    @Test
    void theContactGetsAnEmptyFormForTheNextRequest_WhenOpeningThePageAgainAfterSending() {
        signInAs(ORG_CONTACT);
        open("mijn-organisatie/training-aanvragen");
        @SuppressWarnings("unchecked")
        Select<Audience> audience = _get(Select.class, spec -> spec.withId("request-audience"));
        audience.setValue(Audience.PROFESSIONAL);
        _get(IntegerField.class, spec -> spec.withId("request-people")).setValue(7);
        _get(TextArea.class, spec -> spec.withId("request-periods")).setValue("Najaar");
        _get(TextField.class, spec -> spec.withId("request-place")).setValue("Kantoor Coevorden");
        _click(_get(Button.class, spec -> spec.withId("request-send")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("request-received")).getText()).startsWith("Bedankt.");

        open("mijn-organisatie/training-aanvragen");
        assertThat(_get(Paragraph.class, spec -> spec.withId("request-received")).getText()).isEmpty();
        assertThat(_get(IntegerField.class, spec -> spec.withId("request-people")).getValue()).isNull();
        assertThat(_find(IntegerField.class, spec -> spec.withId("request-people"))).hasSize(1);
        assertThat(_get(Button.class, spec -> spec.withId("request-send")).isEnabled()).isTrue();
    }
}
