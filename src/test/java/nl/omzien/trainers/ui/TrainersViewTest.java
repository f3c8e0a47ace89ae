package nl.omzien.trainers.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.people.internal.db.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

/** The lead's trainers page and the trainer's own page, browserless. */
class TrainersViewTest extends KaribuTest {

    @Autowired DSLContext db;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService accounts;
    @Autowired nl.omzien.training.TrainingService training;
    @Autowired nl.omzien.training.ModuleCatalog catalog;
    @Autowired nl.omzien.sessions.SessionService sessions;
    @Autowired nl.omzien.sessions.RegistrationService registrations;
    @Autowired nl.omzien.certificates.CertificateService certificates;
    @Autowired nl.omzien.trainers.TrainerService trainers;

    private nl.omzien.base.PersonId id(String email) {
        return db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOne().value1();
    }

    private String card(String email) {
        Div card = _get(Div.class, spec -> spec.withId("trainer-" + id(email)));
        return _find(card, Paragraph.class).stream().map(Paragraph::getText).reduce("", (a, b) -> a + "\n" + b)
                + "\n" + _get(card, Span.class, spec -> spec.withClasses("trainer-state")).getText();
    }

    @Test
    void theLeadSeesTheQualifiedAndTheExpiredDemoTrainer_AndRecordsAQualificationFromElsewhere() {
        signInAs(LEAD_COEVORDEN);
        open("trainers");
        assertThat(card(TRAINER)).contains("Actief", "Gekwalificeerd tot", "Bijeenkomsten in de laatste 12 maanden");
        assertThat(card("wim.oosting@demo.example")).contains("Verlopen", "Verlopen op");
        assertThat(_get(Div.class, spec -> spec.withId("trainers-lapsed")).getElement().getTextRecursively())
                .contains("Alle geplande bijeenkomsten hebben een gekwalificeerd trainer.");

        // Wrong input stays on the page with the messages next to the fields.
        _click(_get(Button.class, spec -> spec.withId("record-save")));
        assertThat(_get(TextArea.class, spec -> spec.withId("record-evidence")).isInvalid()).isTrue();

        @SuppressWarnings("unchecked")
        ComboBox<nl.omzien.base.PersonId> person = _get(ComboBox.class, spec -> spec.withId("record-person"));
        person.setValue(id("noor.dekker@demo.example"));
        _get(TextArea.class, spec -> spec.withId("record-evidence")).setValue("Trainer bij de bibliotheek, certificaat 2025 gezien.");
        _get(DatePicker.class, spec -> spec.withId("record-expires")).setValue(LocalDate.now(SessionTimes.ZONE).plusYears(2));
        _click(_get(Button.class, spec -> spec.withId("record-save")));
        assertThat(card("noor.dekker@demo.example")).contains("Actief", "Kwalificatie van buiten");
    }

    @Test
    void aTrainerSeesTheirQualificationTheirSessionsAndTheKitDownloads() {
        signInAs(TRAINER);
        open("mijn-trainerschap");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("my-state")).getText()).isEqualTo("Actief");
        assertThat(_get(Paragraph.class, spec -> spec.withId("my-sessions-led")).getText()).contains("Totaal gegeven");
        // The demo trainer gave the demo's past session: its figures are there, confidence only with enough answers.
        assertThat(_find(Div.class, spec -> spec.withClasses("trainer-session-figures"))).isNotEmpty();
        assertThat(_find(Anchor.class, spec -> spec.withClasses("kit-download"))).extracting(Anchor::getText)
                .containsExactly("Sessieplan (90 minuten)", "Rollenspelkaarten", "Groepsquiz");
    }

    @Test
    void theVerifyPageShowsATrainerCertificateAsQualifiedTrainerWithTheSessionsLed() {
        var fx = new nl.omzien.sessions.SessionFixtures(db, accounts);
        String person = fx.participants(1, "Bibliotheek Coevorden").getFirst();
        fx.as(person, () -> new nl.omzien.training.ModuleWalker(training, catalog).complete("trainer-worden", nl.omzien.people.Audience.CHURCH));
        new nl.omzien.certificates.AttendedSessions(fx, db, training, catalog, sessions, registrations).run(java.util.List.of(person),
                java.util.Set.of("trainer-worden"));
        String code = fx.as(person, () -> certificates.mine()).stream().filter(c -> c.pathId().equals("trainer"))
                .findFirst().orElseThrow().code();
        open("verify/" + code);
        assertThat(_get(Span.class, spec -> spec.withId("verify-path")).getText()).isEqualTo("Trainer eenzaamheid");
        assertThat(_get(Span.class, spec -> spec.withId("verify-trainer")).getText()).isEqualTo("Nu geen gekwalificeerd trainer");
        assertThat(_get(Span.class, spec -> spec.withId("verify-sessions-led")).getText()).isEqualTo("0");

        fx.as(LEAD_COEVORDEN, () -> trainers.recordExternal(null, id(person), "Certificaat gezien.",
                LocalDate.now(SessionTimes.ZONE).plusYears(1)));
        open("verify/" + code);
        assertThat(_get(Span.class, spec -> spec.withId("verify-trainer")).getText()).startsWith("Gekwalificeerd trainer, tot ");
    }

    @Test
    void aQualificationRecordedElsewhereShowsWhenTheLeadOpensTheTrainersPageAgain() {
        signInAs(LEAD_COEVORDEN);
        open("trainers");
        var coevorden = db.select(APP_USER.MUNICIPALITY_ID).from(APP_USER).where(APP_USER.EMAIL.eq(LEAD_COEVORDEN)).fetchOne().value1();
        var newcomer = trainers.people(coevorden).keySet().stream()
                .filter(person -> _find(Div.class, spec -> spec.withId("trainer-" + person)).isEmpty()).findFirst().orElseThrow();

        trainers.recordExternal(coevorden, newcomer, "Trainer bij de bibliotheek, certificaat gezien.",
                LocalDate.now(SessionTimes.ZONE).plusYears(1));
        open("trainers");
        assertThat(_find(Div.class, spec -> spec.withId("trainer-" + newcomer))).hasSize(1);
        assertThat(_get(Div.class, spec -> spec.withId("trainer-" + newcomer)).getElement().getTextRecursively())
                .contains("Actief", "Kwalificatie van buiten");
        assertThat(_find(Div.class, spec -> spec.withId("trainers-record"))).hasSize(1);
    }

    @Test
    void aTrainerWhoseQualificationLapsedSinceNoLongerSeesActiveWhenOpeningTheirPageAgain() {
        signInAs(TRAINER);
        open("mijn-trainerschap");
        assertThat(_get(Span.class, spec -> spec.withId("my-state")).getText()).isEqualTo("Actief");

        clock.advance(java.time.Duration.ofDays(3 * 365));
        open("mijn-trainerschap");
        assertThat(_get(Span.class, spec -> spec.withId("my-state")).getText()).isNotEqualTo("Actief");
        assertThat(_find(Div.class, spec -> spec.withId("my-standing"))).hasSize(1);
        assertThat(_find(Div.class, spec -> spec.withId("my-figures"))).hasSize(1);
        assertThat(_find(Div.class, spec -> spec.withId("trainer-kit"))).hasSize(1);
    }
}
