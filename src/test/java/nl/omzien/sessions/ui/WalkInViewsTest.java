package nl.omzien.sessions.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import nl.omzien.sessions.Attendance;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionId;
import nl.omzien.sessions.SessionParticipant;
import nl.omzien.sessions.SessionService;
import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.sessions.internal.db.Tables.SESSION_EVALUATION;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

/** The session page at the door (issue 20): add a walk-in, type in their paper evaluation, add their e-mail later. */
class WalkInViewsTest extends KaribuTest {

    @Autowired
    private SessionService sessions;
    @Autowired
    private DSLContext db;
    @Autowired
    private UserDetailsService accounts;

    @Test
    @SuppressWarnings("unchecked")
    void theTrainerAddsAWalkInWithoutEmailTypesInTheirPaperEvaluationAndAddsTheirAddressLater() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        var trainer = fx.userId(TRAINER);
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Groepstraining aan de deur", 4, 3)
                .setModuleIds(Set.of("herkennen", "gesprek")).setTrainerIds(Set.of(trainer))));
        OffsetDateTime start = OffsetDateTime.now().minusMinutes(20);
        db.update(TRAINING_SESSION).set(TRAINING_SESSION.REGISTRATION_DEADLINE, start).set(TRAINING_SESSION.STARTS_AT, start)
                .set(TRAINING_SESSION.ENDS_AT, start.plusMinutes(90)).where(TRAINING_SESSION.ID.eq(session)).execute();

        signInAs(TRAINER);
        open("sessies/beheer/" + session);
        _click(_get(Button.class, spec -> spec.withId("add-walk-in")));
        _click(_get(Button.class, spec -> spec.withId("walk-in-save")));
        assertThat(_get(TextField.class, spec -> spec.withId("walk-in-name")).isInvalid()).as("name is required").isTrue();
        _get(TextField.class, spec -> spec.withId("walk-in-name")).setValue("Gerrit Deur");
        ComboBox<Map.Entry<nl.omzien.base.OrganisationId, String>> organisation = _get(ComboBox.class, spec -> spec.withId("walk-in-organisation"));
        var brink = fx.organisation("Supermarkt De Brink");
        organisation.setValue(Map.entry(brink, "Supermarkt De Brink"));
        _click(_get(Button.class, spec -> spec.withId("walk-in-save")));

        SessionParticipant walkIn = fx.as(TRAINER, () -> sessions.participants(session)).getFirst();
        assertThat(walkIn.fullName()).isEqualTo("Gerrit Deur");
        assertThat(walkIn.email()).isNull();
        assertThat(walkIn.attendance()).isEqualTo(Attendance.PRESENT);
        _assertOne(Anchor.class, spec -> spec.withId("session-certificates-print"));

        _click(_get(Button.class, spec -> spec.withId("paper-evaluation-" + walkIn.registrationId())));
        _get(IntegerField.class, spec -> spec.withId("paper-score")).setValue(9);
        _get(TextArea.class, spec -> spec.withId("paper-do-differently")).setValue("Meer tijd voor oefenen");
        _click(_get(Button.class, spec -> spec.withId("paper-save")));
        assertThat(db.select(SESSION_EVALUATION.ON_PAPER).from(SESSION_EVALUATION)
                .where(SESSION_EVALUATION.REGISTRATION_ID.eq(walkIn.registrationId())).fetchOne(SESSION_EVALUATION.ON_PAPER)).isTrue();

        _click(_get(Button.class, spec -> spec.withId("give-email-" + walkIn.registrationId())));
        _get(EmailField.class, spec -> spec.withId("walk-in-new-email")).setValue("gerrit.deur@test.example");
        _click(_get(Button.class, spec -> spec.withId("walk-in-save-email")));
        assertThat(db.select(APP_USER.EMAIL).from(APP_USER).where(APP_USER.ID.eq(walkIn.userId())).fetchOne(APP_USER.EMAIL))
                .isEqualTo("gerrit.deur@test.example");
    }
}
