package nl.omzien.sessions.ui;

import nl.omzien.sessions.SessionId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import nl.omzien.sessions.Attendance;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionParticipant;
import nl.omzien.sessions.SessionService;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.sessions.TrainingSession;
import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;

class TrainerSessionViewsTest extends KaribuTest {

    @Autowired
    private SessionService sessions;
    @Autowired
    private RegistrationService registrations;
    @Autowired
    private DSLContext db;
    @Autowired
    private UserDetailsService accounts;
    private SessionFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SessionFixtures(db, accounts);
    }

    @SuppressWarnings("unchecked")
    private Grid<TrainingSession> grid() {
        return _get(Grid.class);
    }

    private List<TrainingSession> rows() {
        Grid<TrainingSession> grid = grid();
        return java.util.stream.IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i)).toList();
    }

    @Test
    void trainerPlansASessionFromTheMenu() {
        signInAs(TRAINER);
        open("");
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getPath)).contains("sessies/beheer").doesNotContain("sessies");
        open("sessies/beheer");
        _click(_get(Button.class, spec -> spec.withId("new-session")));
        _get(TextField.class, spec -> spec.withId("session-title")).setValue("Eenzaamheid herkennen in de winkel");
        _get(DatePicker.class, spec -> spec.withId("session-date")).setValue(LocalDate.now().plusDays(12));
        _get(TimePicker.class, spec -> spec.withId("session-start")).setValue(LocalTime.of(19, 30));
        _get(TimePicker.class, spec -> spec.withId("session-end")).setValue(LocalTime.of(21, 0));
        _get(TextField.class, spec -> spec.withId("session-location")).setValue("Bibliotheek Coevorden, zaal 2");
        _get(IntegerField.class, spec -> spec.withId("session-capacity")).setValue(14);
        _click(_get(Button.class, spec -> spec.withId("save-session")));

        TrainingSession saved = rows().stream().filter(s -> s.title().equals("Eenzaamheid herkennen in de winkel"))
                .findFirst().orElseThrow();
        assertThat(saved.capacity()).isEqualTo(14);
        assertThat(SessionTimes.local(saved.startsAt()).toLocalTime()).isEqualTo(LocalTime.of(19, 30));
        assertThat(saved.trainerNames()).containsExactly("Peter Bakker");
    }

    @Test
    void anIncompleteSessionShowsMessagesNextToTheFields() {
        signInAs(TRAINER);
        open("sessies/beheer");
        int before = rows().size();
        _click(_get(Button.class, spec -> spec.withId("new-session")));
        _get(TextField.class, spec -> spec.withId("session-location")).setValue("");
        _click(_get(Button.class, spec -> spec.withId("save-session")));
        TextField title = _get(TextField.class, spec -> spec.withId("session-title"));
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("Dit veld is verplicht.");
        assertThat(_get(TextField.class, spec -> spec.withId("session-location")).getErrorMessage())
                .isEqualTo("Vul een adres in of een link voor online meedoen.");
        assertThat(_get(Button.class, spec -> spec.withId("save-session")).isEnabled()).isTrue();
        assertThat(rows()).hasSize(before);
    }

    @Test
    void trainerPlansASeriesAndSeesItsDatesFirst() {
        signInAs(TRAINER);
        open("sessies/beheer");
        int before = rows().size();
        _click(_get(Button.class, spec -> spec.withId("new-series")));
        LocalDate start = LocalDate.now().plusYears(2).withDayOfYear(1);
        _get(DatePicker.class, spec -> spec.withId("series-from")).setValue(start);
        _get(DatePicker.class, spec -> spec.withId("series-until")).setValue(start.plusYears(1).minusDays(1));
        @SuppressWarnings("unchecked")
        ComboBox<DayOfWeek> day = _get(ComboBox.class, spec -> spec.withId("series-day"));
        day.setValue(DayOfWeek.TUESDAY);
        assertThat(_get(Paragraph.class, spec -> spec.withId("series-preview")).getText()).startsWith("Datums: di");
        _get(TextField.class, spec -> spec.withId("session-title")).setValue("Kwartaaltraining");
        _click(_get(Button.class, spec -> spec.withId("save-series")));
        assertThat(_get(TextField.class, spec -> spec.withId("session-location")).getErrorMessage())
                .isEqualTo("Vul een adres in of een link voor online meedoen.");
        assertThat(rows()).hasSize(before);
        _get(TextField.class, spec -> spec.withId("session-location")).setValue("Kulturhus Sleen");
        _click(_get(Button.class, spec -> spec.withId("save-series")));
        assertThat(rows()).hasSize(before + 4);
        assertThat(rows()).filteredOn(s -> s.title().equals("Kwartaaltraining"))
                .allSatisfy(s -> assertThat(SessionTimes.local(s.startsAt()).getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY));

        // A long list: search finds the series by its title, and one line per series folds its dates.
        _get(nl.omzien.base.ui.ListSearch.class, spec -> spec.withId("session-search")).setValue("kwartaal");
        assertThat(rows()).hasSize(4).allMatch(s -> s.title().equals("Kwartaaltraining"));
        _get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("by-series")).setValue(true);
        assertThat(rows()).hasSize(1);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(grid(), 0)).contains("Kwartaaltraining (reeks, 4 data)");
        _get(nl.omzien.base.ui.ListSearch.class, spec -> spec.withId("session-search")).clear();
        assertThat(rows()).as("other sessions are still listed, one line per series").hasSizeGreaterThan(1)
                .filteredOn(s -> s.title().equals("Kwartaaltraining")).hasSize(1);
    }

    @Test
    void trainerMarksAttendanceInTheParticipantListAndSavingTwiceIsHarmless() {
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Aanwezig?", 2, 3)));
        List<String> people = fx.participants(3, "Supermarkt De Brink");
        people.forEach(p -> fx.as(p, () -> registrations.signUp(session)));
        OffsetDateTime start = OffsetDateTime.now().minusMinutes(20);
        db.update(TRAINING_SESSION).set(TRAINING_SESSION.REGISTRATION_DEADLINE, start).set(TRAINING_SESSION.STARTS_AT, start)
                .set(TRAINING_SESSION.ENDS_AT, start.plusMinutes(90)).where(TRAINING_SESSION.ID.eq(session)).execute();

        signInAs(TRAINER);
        open("sessies/beheer/" + session);
        assertThat(_get(Paragraph.class, spec -> spec.withId("session-numbers")).getText())
                .isEqualTo("2 van 2 plaatsen bezet, 0 aangeboden, 1 op de wachtlijst");
        List<SessionParticipant> participants = fx.as(TRAINER, () -> sessions.participants(session));
        var first = participants.getFirst().registrationId();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Attendance> attendance = _get(RadioButtonGroup.class, spec -> spec.withId("attendance-" + first));
        attendance.setValue(Attendance.PRESENT);
        attendance.setValue(Attendance.PRESENT);
        assertThat(fx.as(TRAINER, () -> sessions.participants(session)).getFirst().attendance()).isEqualTo(Attendance.PRESENT);

        _click(_get(Button.class, spec -> spec.withId("show-qr")));
        assertThat(_get(Image.class, spec -> spec.withId("qr-image")).getSrc()).startsWith("data:image/png;base64,");
        assertThat(_get(Anchor.class, spec -> spec.withId("qr-link")).getHref()).contains("/inchecken/");
        _assertOne(Anchor.class, spec -> spec.withId("presence-list"));
        _assertNone(Button.class, spec -> spec.withId("cancel-session")); // started: no cancelling
        _assertOne(Button.class, spec -> spec.withId("edit-session"));
    }

    @Test
    void theGoNoGoLinkOffersCancellingOnlyBeforeTheStart() {
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Gaat het door?", 10, 3)));
        String token = nl.omzien.base.SecretTokens.newToken();
        db.update(TRAINING_SESSION).set(TRAINING_SESSION.CANCEL_TOKEN_HASH, nl.omzien.base.SecretTokens.hash(token))
                .where(TRAINING_SESSION.ID.eq(session)).execute();
        open("sessie-annuleren/" + token);
        _assertOne(Button.class, spec -> spec.withId("confirm-cancel"));

        OffsetDateTime start = OffsetDateTime.now().minusMinutes(5);
        db.update(TRAINING_SESSION).set(TRAINING_SESSION.REGISTRATION_DEADLINE, start).set(TRAINING_SESSION.STARTS_AT, start)
                .set(TRAINING_SESSION.ENDS_AT, start.plusMinutes(90)).where(TRAINING_SESSION.ID.eq(session)).execute();
        open("sessie-annuleren/" + token);
        _assertNone(Button.class, spec -> spec.withId("confirm-cancel"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("go-no-go-result")).getText())
                .isEqualTo("Deze bijeenkomst is al begonnen. Afzeggen kan dan niet meer.");
        assertThat(fx.as(TRAINER, () -> sessions.get(session)).isCancelled()).isFalse();
    }

    @Test
    void aParticipantCannotOpenTheTrainerPages() {
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Niet voor jou", 2, 3)));
        signInAs(PARTICIPANT);
        // Karibu reports the server's refusal as an exception; in a browser it is the not-found page.
        assertThatThrownBy(() -> open("sessies/beheer")).isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
        assertThatThrownBy(() -> open("sessies/beheer/" + session)).isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
        _assertNone(SessionDetailView.class);
    }

    /** Issue 17: the error page printed "Session outside the trainer's municipality" for an id that exists. */
    @Test
    void aSessionOfAnotherMunicipalityAndAMissingOneShowTheSamePlainPage() {
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Alleen Coevorden", 4, 3)));
        signInAs(LEAD_TWENTERAND);
        String existing = pageTextAfterOpening("sessies/beheer/" + session);
        String missing = pageTextAfterOpening("sessies/beheer/987654321");
        assertThat(existing).isEqualTo(missing).contains("Er ging iets mis")
                .doesNotContain("municipality", "No such", "Exception", "Session");
        _assertNone(SessionDetailView.class);
    }

    private String pageTextAfterOpening(String route) {
        open(route);
        return _get(nl.omzien.base.ui.UnexpectedErrorView.class).getElement().getTextRecursively();
    }

    @Test
    void aSessionPlannedElsewhereShowsWhenTheTrainerOpensTheListAgain() {
        signInAs(TRAINER);
        open("sessies/beheer");
        TrainerSessionsView view = _get(TrainerSessionsView.class);
        int before = rows().size();
        SessionId planned = sessions.create(SessionFixtures.draft("Gepland in een ander venster", 12, 15));
        open("sessies/beheer");
        assertThat(_get(TrainerSessionsView.class)).as("Vaadin reuses the open view").isSameAs(view);
        assertThat(rows()).hasSize(before + 1);
        assertThat(rows().stream().filter(s -> s.id().equals(planned))).hasSize(1);
    }

    @Test
    void aSessionCancelledElsewhereShowsAsCancelledWhenTheListIsOpenedAgain() {
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Wordt elders afgezegd", 10, 16)));
        signInAs(TRAINER);
        open("sessies/beheer");
        int before = rows().size();
        assertThat(rows().stream().filter(s -> s.id().equals(session)).findFirst().orElseThrow().isCancelled()).isFalse();
        sessions.cancel(session);
        open("sessies/beheer");
        assertThat(rows()).hasSize(before);
        assertThat(rows().stream().filter(s -> s.id().equals(session)).findFirst().orElseThrow().isCancelled()).isTrue();
    }
}
