package nl.omzien.contacts;

import nl.omzien.base.MunicipalityId;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import nl.omzien.people.Audience;
import nl.omzien.test.KaribuTest;
import nl.omzien.training.SelfAssessment;
import nl.omzien.training.TrainingService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18: local loneliness figures are the municipality's data. The coalition lead enters figure, year and
 * source on "Hulp in je gemeente"; the lesson on how common loneliness is shows them only when there are any,
 * and only the learner's own municipality's.
 */
class LocalFiguresTest extends KaribuTest {

    /** A Twenterand shop participant (sector SHOP). */
    private static final String TWENTERAND_PARTICIPANT = "sophie.kamphuis@demo.example";

    @Autowired
    LocalContactService contacts;
    @Autowired
    TrainingService training;

    private void openTheLessonOnHowCommonLonelinessIs() {
        var attempt = training.openAttempt("herkennen")
                .orElseGet(() -> training.start("herkennen", Audience.SHOP, new SelfAssessment(3, 3, 3)));
        training.goTo(attempt.id(), "hoe-vaak");
        open("training/herkennen");
    }

    @Test
    void aFigureTheLeadEntersShowsInTheLessonWithYearAndSourceAndNothingShowsWithoutFigures() {
        signInAs(LEAD_TWENTERAND);
        List<LocalFigure> before = contacts.myFigures();
        before.forEach(f -> contacts.deleteFigure(f.id()));
        try {
            signInAs(TWENTERAND_PARTICIPANT);
            openTheLessonOnHowCommonLonelinessIs();
            _assertNone(LocalFiguresPanel.class);

            signInAs(LEAD_TWENTERAND);
            open("hulp-in-je-gemeente");
            _click(_get(Button.class, spec -> spec.withId("add-figure")));
            _get(TextField.class, spec -> spec.withId("figure-population")).setValue("inwoners van 19 jaar en ouder");
            _get(BigDecimalField.class, spec -> spec.withId("figure-percent")).setValue(new BigDecimal("36"));
            _get(IntegerField.class, spec -> spec.withId("figure-year")).setValue(2016);
            _get(TextField.class, spec -> spec.withId("figure-source")).setValue("RIVM 2016, in actieplan Samen ben je niet alleen 2.0");
            _click(_get(Button.class, spec -> spec.withId("save-figure")));
            _assertNone(Button.class, spec -> spec.withId("save-figure"));
            assertThat(_get(LocalFiguresPanel.class).getElement().getTextRecursively()).contains("36", "2016", "RIVM 2016");

            signInAs(TWENTERAND_PARTICIPANT);
            openTheLessonOnHowCommonLonelinessIs();
            String shown = _get(LocalFiguresPanel.class).getElement().getTextRecursively();
            assertThat(shown).contains("Twenterand", "36% van de inwoners van 19 jaar en ouder voelde zich eenzaam (2016)",
                    "Bron: RIVM 2016, in actieplan Samen ben je niet alleen 2.0");
            assertThat(_find(Button.class, spec -> spec.withClasses("edit-figure"))).isEmpty();

            // Another municipality's lead and learners do not get Twenterand's figure.
            signInAs(LEAD_COEVORDEN);
            assertThat(contacts.myFigures()).extracting(LocalFigure::source).doesNotContain("RIVM 2016, in actieplan Samen ben je niet alleen 2.0");
        } finally {
            signInAs(LEAD_TWENTERAND);
            contacts.myFigures().forEach(f -> contacts.deleteFigure(f.id()));
            MunicipalityId twenterand = before.isEmpty() ? null : before.getFirst().municipalityId();
            before.forEach(f -> contacts.saveFigure(null, twenterand, LocalFigureDraft.of(f)));
        }
    }

    @Test
    void aFigureNeedsAPercentageAYearThatHasBeenAndASource() {
        signInAs(LEAD_TWENTERAND);
        open("hulp-in-je-gemeente");
        int count = contacts.myFigures().size();
        _click(_get(Button.class, spec -> spec.withId("add-figure")));
        _get(TextField.class, spec -> spec.withId("figure-population")).setValue("65-plussers");
        BigDecimalField percent = _get(BigDecimalField.class, spec -> spec.withId("figure-percent"));
        percent.setValue(new BigDecimal("140"));
        IntegerField year = _get(IntegerField.class, spec -> spec.withId("figure-year"));
        year.setValue(2999);
        _click(_get(Button.class, spec -> spec.withId("save-figure")));

        assertThat(percent.getErrorMessage()).isEqualTo("Vul een percentage van 0 tot en met 100 in.");
        assertThat(year.getErrorMessage()).startsWith("Vul een jaar in vanaf 1990");
        assertThat(_get(TextField.class, spec -> spec.withId("figure-source")).isInvalid()).isTrue();
        assertThat(contacts.myFigures()).hasSize(count);
    }

    @Test
    void onlyTheMunicipalitysOwnLeadChangesItsFigures() {
        signInAs(LEAD_TWENTERAND);
        LocalFigure ours = contacts.saveFigure(null, municipalityOfLead(), new LocalFigureDraft("jongeren", new BigDecimal("20"), 2023, "GGD Twente"));
        try {
            signInAs(LEAD_COEVORDEN);
            assertThatThrownBy(() -> contacts.deleteFigure(ours.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> contacts.figuresOf(ours.municipalityId())).isInstanceOf(AccessDeniedException.class);
            signInAs(TWENTERAND_PARTICIPANT);
            assertThatThrownBy(() -> contacts.saveFigure(null, ours.municipalityId(),
                    new LocalFigureDraft("iedereen", BigDecimal.TEN, 2020, "Eigen schatting"))).isInstanceOf(AccessDeniedException.class);
        } finally {
            signInAs(LEAD_TWENTERAND);
            contacts.deleteFigure(ours.id());
        }
    }

    private MunicipalityId municipalityOfLead() {
        return contacts.mine().orElseThrow().municipalityId();
    }
}
