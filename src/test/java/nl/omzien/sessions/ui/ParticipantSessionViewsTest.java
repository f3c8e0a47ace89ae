package nl.omzien.sessions.ui;

import nl.omzien.base.PersonId;

import nl.omzien.sessions.SessionId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import nl.omzien.sessions.Attendance;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.RegistrationStatus;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionService;
import nl.omzien.sessions.internal.JooqRegistrationRepository;
import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.OffsetDateTime;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

class ParticipantSessionViewsTest extends KaribuTest {

    @Autowired
    private SessionService sessions;
    @Autowired
    private RegistrationService registrations;
    @Autowired
    private JooqRegistrationRepository repository;
    @Autowired
    private DSLContext db;
    @Autowired
    private UserDetailsService accounts;
    private SessionFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SessionFixtures(db, accounts);
    }

    private String textOfCard(String attribute, Object id) {
        return _find(com.vaadin.flow.component.html.Div.class).stream()
                .filter(d -> String.valueOf(id).equals(d.getElement().getAttribute(attribute)))
                .findFirst().orElseThrow().getElement().getTextRecursively();
    }

    @Test
    void participantSignsUpJoinsTheWaitlistWhenFullAndCancels() {
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Samen koffie, samen praten", 1, 6)));
        List<String> people = fx.participants(2, "Kapsalon Knip & Zo");

        signInAs(people.get(0));
        open("sessies");
        assertThat(textOfCard("data-session", session)).contains("Nog 1 plek vrij");
        _click(_get(Button.class, spec -> spec.withId("signup-" + session)));
        assertThat(repository.findLive(session, fx.userId(people.get(0)))).get()
                .extracting(JooqRegistrationRepository.Row::status).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("my-sessions")).getElement()
                .getTextRecursively()).contains("Samen koffie, samen praten", "Je bent aangemeld");
        assertThat(_get(Span.class, spec -> spec.withId("my-status-" + session)).getText()).isEqualTo("Je bent aangemeld");

        signInAs(people.get(1));
        open("sessies");
        Button waitlist = _get(Button.class, spec -> spec.withId("signup-" + session));
        assertThat(waitlist.getText()).as("an action, not a status").isEqualTo("Zet me op de wachtlijst");
        _click(waitlist);
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("my-sessions")).getElement()
                .getTextRecursively()).contains("Je staat op de wachtlijst: plaats 1");
        // The list of all sessions says the same, not "Je bent aangemeld".
        assertThat(textOfCard("data-session", session)).contains("Je staat op de wachtlijst: plaats 1").doesNotContain("Je bent aangemeld");
        assertThat(_get(Span.class, spec -> spec.withId("my-status-" + session)).getText()).isEqualTo("Je staat op de wachtlijst: plaats 1");

        signInAs(people.get(0));
        open("sessies");
        var mine = repository.findLive(session, fx.userId(people.get(0))).orElseThrow().id();
        _click(_get(Button.class, spec -> spec.withId("cancel-" + mine)));
        assertThat(repository.findLatest(session, fx.userId(people.get(0))).orElseThrow().status())
                .isEqualTo(RegistrationStatus.CANCELLED);

        signInAs(people.get(1));
        open("sessies");
        var offered = repository.findLive(session, fx.userId(people.get(1))).orElseThrow().id();
        assertThat(textOfCard("data-registration", offered)).contains("Plek voor jou vastgehouden tot");
        _click(_get(Button.class, spec -> spec.withId("accept-" + offered)));
        assertThat(repository.find(offered).orElseThrow().status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void organisationContactSignsUpColleaguesInOneDialog() {
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Voor het team", 10, 9)));
        signInAs(ORG_CONTACT);
        open("sessies");
        _click(_get(Button.class, spec -> spec.withId("colleagues-" + session)));
        @SuppressWarnings("unchecked")
        CheckboxGroup<PersonId> choice = _get(CheckboxGroup.class, spec -> spec.withId("colleague-choice"));
        List<PersonId> two = choice.getListDataView().getItems().limit(2).toList();
        choice.setValue(java.util.Set.copyOf(two));
        _click(_get(Button.class, spec -> spec.withId("sign-up-colleagues")));
        assertThat(repository.liveForSession(session)).extracting(JooqRegistrationRepository.Row::userId)
                .containsExactlyInAnyOrderElementsOf(two);
    }

    @Test
    void aParticipantWithoutASuitableDateJoinsTheInterestListAndGetsTheCalendarFeedAddress() {
        String person = fx.participants(1, "Bakkerij Van der Veen").getFirst();
        signInAs(person);
        open("sessies");
        _click(_get(Button.class, spec -> spec.withId("interest")));
        _assertNone(Button.class, spec -> spec.withId("interest"));
        assertThat(fx.as(person, () -> registrations.hasInterest())).isTrue();
        _click(_get(Button.class, spec -> spec.withId("calendar-feed")));
        assertThat(_get(TextField.class, spec -> spec.withId("feed-url")).getValue()).matches("webcal://.+/kalender/[A-Za-z0-9_-]{43}\\.ics");
        // Not only a read-only field: open it in the calendar app, or copy it.
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("feed-open")).getHref())
                .isEqualTo(_get(TextField.class, spec -> spec.withId("feed-url")).getValue());
        _click(_get(Button.class, spec -> spec.withId("feed-copy")));
        assertThat(_find(Span.class).stream().map(Span::getText)).contains("Gekopieerd. Plak het adres in je agenda (abonneren op agenda).");
    }

    @Test
    void whoAttendedFillsInTheEvaluationAndTheTrainerSeesTheAverage() {
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Evalueren", 5, 2)));
        String person = fx.participants(1, "Bibliotheek Coevorden").getFirst();
        var reg = fx.as(person, () -> registrations.signUp(session)).registrationId();
        OffsetDateTime start = OffsetDateTime.now().minusHours(3);
        db.update(TRAINING_SESSION).set(TRAINING_SESSION.REGISTRATION_DEADLINE, start).set(TRAINING_SESSION.STARTS_AT, start)
                .set(TRAINING_SESSION.ENDS_AT, start.plusMinutes(90)).where(TRAINING_SESSION.ID.eq(session)).execute();
        fx.as(TRAINER, () -> sessions.markAttendance(reg, Attendance.PRESENT));

        signInAs(person);
        open("sessies");
        _click(_get(Button.class, spec -> spec.withId("evaluate-" + reg)));
        _click(_get(Button.class, spec -> spec.withId("send-evaluation")));
        assertThat(_get(TextArea.class, spec -> spec.withId("evaluation-differently")).getErrorMessage())
                .isEqualTo("Dit veld is verplicht.");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Integer> score = _get(RadioButtonGroup.class, spec -> spec.withId("evaluation-score"));
        assertThat(score.isRequiredIndicatorVisible()).as("the score is marked as required").isTrue();
        score.setValue(9);
        _get(TextArea.class, spec -> spec.withId("evaluation-differently")).setValue("Ik vraag door als iemand stil wordt.");
        _click(_get(Button.class, spec -> spec.withId("send-evaluation")));
        _assertNone(Button.class, spec -> spec.withId("evaluate-" + reg));

        signInAs(TRAINER);
        open("sessies/beheer/" + session);
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("evaluations")).getElement()
                .getTextRecursively()).contains("1 antwoorden, gemiddeld cijfer 9,0", "Ik vraag door als iemand stil wordt.");
    }

    @Test
    void theOfferLinkPageAcceptsOnlyAfterTheClick() {
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Via de link", 1, 6)));
        List<String> people = fx.participants(2, "Kapsalon Knip & Zo");
        var first = fx.as(people.get(0), () -> registrations.signUp(session)).registrationId();
        fx.as(people.get(1), () -> registrations.signUp(session));
        // Capture the token from the mail the person gets.
        fx.as(people.get(0), () -> registrations.cancel(first));
        String text = fx.as(ADMIN, () -> ((nl.omzien.notifications.MailOutbox) applicationBean(nl.omzien.notifications.MailOutbox.class))
                .latestTo(people.get(1))).getFirst().text();
        String token = text.replaceAll("(?s).*/aanbod/([A-Za-z0-9_-]{43}).*", "$1");

        open("aanbod/" + token);
        assertThat(repository.findLive(session, fx.userId(people.get(1)))).get()
                .extracting(JooqRegistrationRepository.Row::status).isEqualTo(RegistrationStatus.OFFERED);
        _click(_get(Button.class, spec -> spec.withId("accept-offer")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("offer-result")).getText()).startsWith("De plek is van jou");
        assertThat(repository.findLive(session, fx.userId(people.get(1)))).get()
                .extracting(JooqRegistrationRepository.Row::status).isEqualTo(RegistrationStatus.CONFIRMED);
        open("aanbod/ongeldig");
        assertThat(_get(Paragraph.class, spec -> spec.withId("offer-result")).getText()).isEqualTo("Deze link werkt niet (meer).");
        _assertNone(Span.class, spec -> spec.withId("accept-offer"));
    }

    @Autowired
    private org.springframework.context.ApplicationContext context;

    private Object applicationBean(Class<?> type) {
        return context.getBean(type);
    }
}
