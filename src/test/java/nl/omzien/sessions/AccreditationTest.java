package nl.omzien.sessions;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.PersonId;
import nl.omzien.people.ProfessionalRegistration;
import nl.omzien.people.ProfessionalRegistration.Kind;
import nl.omzien.people.ProfileService;
import nl.omzien.privacy.OwnDataService;
import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipInputStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.people.internal.db.Tables.PROFESSIONAL_REGISTRATION;
import static nl.omzien.privacy.internal.db.Tables.PERSONAL_DATA_AUDIT;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 22: accreditation points through PE-online: the session's number, people's numbers with consent, the file. */
class AccreditationTest extends KaribuTest {

    @Autowired
    private SessionService sessions;
    @Autowired
    private RegistrationService registrations;
    @Autowired
    private ProfileService profiles;
    @Autowired
    private OwnDataService ownData;
    @Autowired
    private DSLContext db;
    @Autowired
    private UserDetailsService accounts;

    private SessionFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new SessionFixtures(db, accounts);
    }

    private SessionId accreditedSessionWithTwoPresent(List<String> people, String accreditation) {
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Signalen herkennen", 10, 2)
                .setTrainerIds(Set.of(fx.userId(TRAINER))).setAccreditationNumber(accreditation)));
        people.forEach(p -> fx.as(p, () -> registrations.signUp(session)));
        OffsetDateTime start = db.select(TRAINING_SESSION.STARTS_AT).from(TRAINING_SESSION).where(TRAINING_SESSION.ID.eq(session))
                .fetchSingle(TRAINING_SESSION.STARTS_AT);
        clock.setTo(start.plus(Duration.ofMinutes(10)).toInstant());
        fx.as(TRAINER, () -> sessions.participants(session)).forEach(p ->
                fx.as(TRAINER, () -> sessions.markAttendance(p.registrationId(), Attendance.PRESENT)));
        return session;
    }

    @Test
    void thePeOnlineFileHoldsOnlyThoseWhoGaveTheirNumberWithConsent() {
        List<String> people = fx.participants(2, "Thuiszorg Zuidoost-Drenthe");
        fx.as(people.get(0), () -> profiles.saveRegistration(Kind.BIG, "190 123 456 01", true));
        assertThatThrownBy(() -> fx.as(people.get(1), () -> profiles.saveRegistration(Kind.REGISTER, "20231234", false)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsEntry("registrationConsent", "profile.registration.consent-required"));
        assertThat(fx.as(people.get(1), () -> profiles.myRegistration())).as("nothing stored without consent").isEmpty();
        SessionId session = accreditedSessionWithTwoPresent(people, "412345");

        SessionService.PeOnlineFile file = fx.as(TRAINER, () -> sessions.peOnlineAttendance(session));

        String csv = new String(file.csv(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        List<String> lines = csv.substring(1).lines().toList();
        String date = SessionTimes.local(fx.as(TRAINER, () -> sessions.get(session)).startsAt()).toLocalDate().toString();
        assertThat(lines).containsExactly("Registratienummer;Soort;Naam;Datum;Accreditatienummer",
                "19012345601;BIG;" + fullName(people.get(0)) + ";" + date + ";412345");
        assertThat(csv).doesNotContain(fullName(people.get(1)));
        assertThat(file.included()).isEqualTo(1);
        assertThat(file.withoutNumber()).isEqualTo(1);
        assertThat(file.fileName()).isEqualTo("pe-online-presentie-" + session + ".csv");
        assertThat(db.fetchCount(PERSONAL_DATA_AUDIT, PERSONAL_DATA_AUDIT.DETAIL.eq("session-pe-online:" + session),
                PERSONAL_DATA_AUDIT.SUBJECT_ID.eq(fx.userId(people.get(0))))).as("the export is in the audit log").isEqualTo(1);

        // The session's trainer and the lead may download it; a lead elsewhere or a participant may not.
        assertThat(fx.as(LEAD_COEVORDEN, () -> sessions.peOnlineAttendance(session)).included()).isEqualTo(1);
        assertThatThrownBy(() -> fx.as(LEAD_TWENTERAND, () -> sessions.peOnlineAttendance(session)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(people.get(0), () -> sessions.peOnlineAttendance(session)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aSessionWithoutAnAccreditationNumberHasNoPeOnlineFile() {
        SessionId session = accreditedSessionWithTwoPresent(fx.participants(1, "Supermarkt De Brink"), "");
        assertThat(fx.as(TRAINER, () -> sessions.accreditationNumber(session))).isEmpty();
        assertThatThrownBy(() -> fx.as(TRAINER, () -> sessions.peOnlineAttendance(session)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsValue("session.accreditation.missing"));
    }

    @Test
    void aBigNumberHasElevenDigitsAndARegisterNumberFourToTwentyLettersAndDigits() {
        assertThat(ProfessionalRegistration.normalised(Kind.BIG, "BIG-190.123.456.01")).isEqualTo("19012345601");
        assertThat(ProfessionalRegistration.normalised(Kind.BIG, "1901234560")).isNull();
        assertThat(ProfessionalRegistration.normalised(Kind.BIG, "190123456012")).isNull();
        assertThat(ProfessionalRegistration.normalised(Kind.BIG, "1901234560a")).isNull();
        assertThat(ProfessionalRegistration.normalised(Kind.REGISTER, "kr 2023-1234")).isEqualTo("KR20231234");
        assertThat(ProfessionalRegistration.normalised(Kind.REGISTER, "123")).isNull();
        assertThat(ProfessionalRegistration.normalised(Kind.REGISTER, "ABCDEF")).as("at least one digit").isNull();
        assertThat(ProfessionalRegistration.normalised(Kind.REGISTER, "=1+2345")).isNull();
    }

    @Test
    void theNumberIsInThePersonsOwnDataExportAndGoesWithTheAccount() throws Exception {
        String person = fx.participants(1, "Thuiszorg Zuidoost-Drenthe").getFirst();
        PersonId id = fx.userId(person);
        fx.as(person, () -> profiles.saveRegistration(Kind.REGISTER, "KR77665544", true));

        byte[] zip = fx.as(person, () -> ownData.exportMine()).zip();
        String json = null;
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(OwnDataService.JSON_NAME)) {
                    json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(json).contains("professional_registration", "KR77665544", "REGISTER");

        fx.as(person, () -> ownData.deleteMine());
        assertThat(db.fetchCount(PROFESSIONAL_REGISTRATION, PROFESSIONAL_REGISTRATION.USER_ID.eq(id))).isZero();
    }

    @Test
    void aParticipantAddsTheirNumberOnTheProfilePageOnlyWithConsentAndCanRemoveIt() {
        String person = fx.participants(1, "Thuiszorg Zuidoost-Drenthe").getFirst();
        signInAs(person);
        open("profiel");
        assertThat(_get(Paragraph.class, spec -> spec.withId("registration-status")).getText())
                .isEqualTo("U heeft geen nummer opgegeven.");

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Kind> kind = _get(RadioButtonGroup.class, spec -> spec.withId("registration-kind"));
        kind.setValue(Kind.BIG);
        TextField number = _get(TextField.class, spec -> spec.withId("registration-number"));
        number.setValue("1234");
        _click(_get(Button.class, spec -> spec.withId("save-registration")));
        assertThat(number.isInvalid()).isTrue();
        assertThat(number.getErrorMessage()).isEqualTo("Een BIG-nummer heeft precies 11 cijfers.");
        Checkbox consent = _get(Checkbox.class, spec -> spec.withId("registration-consent"));
        assertThat(consent.isInvalid()).isTrue();
        assertThat(fx.as(person, () -> profiles.myRegistration())).isEmpty();

        number.setValue("190 1234 5601");
        consent.setValue(true);
        _click(_get(Button.class, spec -> spec.withId("save-registration")));
        assertThat(number.isInvalid()).isFalse();
        assertThat(number.getValue()).isEqualTo("19012345601");
        assertThat(_get(Paragraph.class, spec -> spec.withId("registration-status")).getText())
                .isEqualTo("Opgeslagen: BIG-nummer 19012345601");
        assertThat(fx.as(person, () -> profiles.myRegistration())).hasValueSatisfying(r -> {
            assertThat(r.kind()).isEqualTo(Kind.BIG);
            assertThat(r.number()).isEqualTo("19012345601");
            assertThat(r.consentedAt()).isNotNull();
        });

        open("profiel");
        assertThat(_get(TextField.class, spec -> spec.withId("registration-number")).getValue()).isEqualTo("19012345601");
        _click(_get(Button.class, spec -> spec.withId("remove-registration")));
        assertThat(fx.as(person, () -> profiles.myRegistration())).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("registration-status")).getText())
                .isEqualTo("U heeft geen nummer opgegeven.");
    }

    @Test
    void theSessionPageOffersTheFileOnlyForAnAccreditedSession() {
        SessionId accredited = accreditedSessionWithTwoPresent(fx.participants(1, "Supermarkt De Brink"), "ACC-77");
        SessionId plain = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Doorverwijzen", 10, 5)
                .setTrainerIds(Set.of(fx.userId(TRAINER)))));
        signInAs(TRAINER);
        open("sessies/beheer/" + accredited.value());
        assertThat(_get(Anchor.class, spec -> spec.withId("pe-online-file")).getText()).isEqualTo("Presentie voor PE-online (CSV)");
        open("sessies/beheer/" + plain.value());
        _assertNone(Anchor.class, spec -> spec.withId("pe-online-file"));
    }

    @Test
    void editingASessionKeepsItsAccreditationNumberUnlessTheFormChangesIt() {
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Het gesprek", 10, 5)
                .setTrainerIds(Set.of(fx.userId(TRAINER))).setAccreditationNumber("  555001 ")));
        assertThat(fx.as(TRAINER, () -> sessions.accreditationNumber(session))).contains("555001");
        // A change made without the number (SessionDraft.of a session elsewhere) leaves it alone.
        fx.as(TRAINER, () -> sessions.update(SessionDraft.of(sessions.get(session)).setCapacity(11)));
        assertThat(fx.as(TRAINER, () -> sessions.accreditationNumber(session))).contains("555001");
        // The form sends what it shows: blank removes it.
        fx.as(TRAINER, () -> sessions.update(SessionDraft.of(sessions.get(session)).setAccreditationNumber("")));
        assertThat(fx.as(TRAINER, () -> sessions.accreditationNumber(session))).isEmpty();
        assertThatThrownBy(() -> fx.as(TRAINER, () -> sessions.update(SessionDraft.of(sessions.get(session))
                .setAccreditationNumber("x".repeat(51)))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsEntry("accreditationNumber", "validation.length.1.50"));
    }

    private String fullName(String email) {
        return db.select(nl.omzien.people.internal.db.Tables.APP_USER.FULL_NAME).from(nl.omzien.people.internal.db.Tables.APP_USER)
                .where(nl.omzien.people.internal.db.Tables.APP_USER.EMAIL.eq(email)).fetchSingle().value1();
    }
}
