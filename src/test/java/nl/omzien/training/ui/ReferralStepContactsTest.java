package nl.omzien.training.ui;

import com.vaadin.flow.component.html.Anchor;
import nl.omzien.contacts.LocalHelpPanel;
import nl.omzien.people.Audience;
import nl.omzien.test.KaribuTest;
import nl.omzien.training.SelfAssessment;
import nl.omzien.training.TrainingService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The "Hulp in jouw gemeente" step of the doorverwijzen module lists the learner's own municipality's contacts. */
class ReferralStepContactsTest extends KaribuTest {

    @Autowired
    TrainingService training;

    @Test
    void theLocalHelpStepShowsTheContactsOfTheLearnersOwnMunicipalityAndTheCard() {
        signInAs("sophie.kamphuis@demo.example");
        var attempt = training.start("doorverwijzen", Audience.SHOP, new SelfAssessment(3, 3, 3));
        training.goTo(attempt.id(), "lokale-hulp");
        open("training/doorverwijzen");

        String text = _get(LocalHelpPanel.class).getElement().getTextRecursively();
        assertThat(text).contains("Hulp in gemeente Twenterand", "Meldpunt Eenzaamheid Twenterand", "Kernteam Vriezenveen",
                "Welzijn op Recept").doesNotContain("Coevorden");
        assertThat(_get(Anchor.class, spec -> spec.withId("contacts-card-pdf")).getHref()).isNotBlank();
    }
}
