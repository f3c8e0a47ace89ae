package nl.omzien.training.ui;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.test.KaribuTest;
import nl.omzien.training.ReferralService;
import nl.omzien.training.SelfAssessment;
import nl.omzien.training.StoryService;
import nl.omzien.training.TrainingService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21 on screen (demo data): the two-tap tally in Mijn training counts a double click once and has no
 * text field; a lead releases a story on "Verhalen"; the dashboard's effect section shows the released copy only.
 */
class StoriesAndTallyViewTest extends KaribuTest {

    @Autowired ReferralService referrals;
    @Autowired TrainingService training;
    @Autowired StoryService stories;
    @Autowired DSLContext db;
    @Autowired UserDetailsService accounts;

    @Test
    void twoTapsInMyTrainingCountOnce_EvenWhenTheSecondTapArrivesTwice() {
        signInAs(PARTICIPANT);
        long before = referrals.myCount();
        open("mijn-training");
        Div tally = _get(Div.class, spec -> spec.withId("referral-tally"));
        assertThat(_find(tally, TextField.class)).isEmpty();
        assertThat(_find(tally, TextArea.class)).isEmpty();

        _click(_get(Button.class, spec -> spec.withId("referral-referred")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("referral-which")).getText()).isEqualTo("Naar welke hulp?");
        Button meldpunt = _get(Button.class, spec -> spec.withId("referral-kind-meldpunt"));
        assertThat(meldpunt.isDisableOnClick()).isTrue();
        // Two click events for one tap, both reaching the server before the button was disabled (a double click on
        // a slow line): fired directly, past the disabled check, so only the tap's key can keep it to one count.
        clickEvent(meldpunt);
        clickEvent(meldpunt);
        assertThat(meldpunt.isEnabled()).isFalse();
        assertThat(referrals.myCount()).isEqualTo(before + 1);
        assertThat(_get(Paragraph.class, spec -> spec.withId("referral-status")).getText()).isEqualTo("Geteld. Dank je wel!");

        // The next tap is a new count, back at the first question.
        _click(_get(Button.class, spec -> spec.withId("referral-noticed")));
        _click(_get(Button.class, spec -> spec.withId("referral-kind-welzijn")));
        assertThat(referrals.myCount()).isEqualTo(before + 2);
    }

    private static void clickEvent(Button button) {
        ComponentUtil.fireEvent(button, new ClickEvent<>(button, false, 0, 0, 0, 0, 0, 0, false, false, false, false));
    }

    @Test
    void aLeadReleasesAStoryAsAnEditedCopy_AndABlankCopyIsRefused() {
        signInAs(LEAD_COEVORDEN);
        open("verhalen");
        List<Div> cards = _find(Div.class, spec -> spec.withClasses("story-card"));
        assertThat(cards).isNotEmpty();
        Div card = cards.stream().filter(c -> _get(c, Button.class, spec -> spec.withClasses("story-release")).getText()
                .equals("Mag getoond worden")).findFirst().orElseThrow();
        String id = card.getId().orElseThrow();
        TextArea shown = _get(card, TextArea.class);
        shown.setValue("   ");
        _click(_get(card, Button.class, spec -> spec.withClasses("story-release")));
        assertThat(shown.isInvalid()).isTrue();
        assertThat(shown.getErrorMessage()).isEqualTo("Vul de tekst in die getoond mag worden.");

        shown.setValue("Een bewoner voelde zich gezien. Zonder namen.");
        _click(_get(card, Button.class, spec -> spec.withClasses("story-release")));
        Div after = _get(Div.class, spec -> spec.withId(id));
        assertThat(_get(after, Paragraph.class, spec -> spec.withClasses("story-state")).getText())
                .startsWith("Vrijgegeven");
        assertThat(_get(after, TextArea.class).getValue()).isEqualTo("Een bewoner voelde zich gezien. Zonder namen.");
        assertThat(_find(after, Button.class, spec -> spec.withClasses("story-withdraw"))).hasSize(1);
    }

    @Test
    void theDashboardsEffectSectionShowsReleasedCopiesOnly() {
        signInAs(LEAD_COEVORDEN);
        open("dashboard");
        assertThat(_find(Grid.class, spec -> spec.withId("table-effect"))).hasSize(1);
        assertThat(_find(Grid.class, spec -> spec.withId("table-referrals"))).hasSize(1);
        String stories = _get(Div.class, spec -> spec.withId("effect-stories")).getElement().getTextRecursively();
        assertThat(stories).contains("Een klant zei bij de kassa").doesNotContain("Mevrouw De Boer", "Kerkstraat",
                "Mijn buurvrouw uit de zaak");
    }

    @Test
    void aModuleStartedSinceShowsAsInProgressWhenMyTrainingIsOpenedAgain() {
        String newcomer = new SessionFixtures(db, accounts).participants(1, "Kapsalon Knip & Zo").getFirst();
        signInAs(newcomer);
        open("mijn-training");
        MyTrainingView view = _get(MyTrainingView.class);
        List<Div> cards = _find(Div.class, spec -> spec.withClasses("module-card"));
        String moduleId = cards.getFirst().getId().orElseThrow().substring("module-".length());
        assertThat(_get(Button.class, spec -> spec.withId("open-" + moduleId)).getText()).isEqualTo("Beginnen");
        training.start(moduleId, training.currentModule(moduleId).orElseThrow().audiences().iterator().next(),
                new SelfAssessment(3, 3, 3));
        open("mijn-training");
        assertThat(_get(MyTrainingView.class)).as("Vaadin reuses the open view").isSameAs(view);
        assertThat(_get(Button.class, spec -> spec.withId("open-" + moduleId)).getText()).isEqualTo("Verder");
        assertThat(_find(Div.class, spec -> spec.withClasses("module-card"))).hasSize(cards.size());
        assertThat(_find(Div.class, spec -> spec.withId("referral-tally"))).hasSize(1);
    }

    @Test
    void aStoryReleasedElsewhereShowsAsReleasedWhenVerhalenIsOpenedAgain() {
        signInAs(LEAD_COEVORDEN);
        open("verhalen");
        StoriesView view = _get(StoriesView.class);
        List<Div> cards = _find(Div.class, spec -> spec.withClasses("story-card"));
        String id = cards.getFirst().getId().orElseThrow();
        String text = "Vrijgegeven in een ander venster " + java.util.UUID.randomUUID();
        stories.release(Long.parseLong(id.substring("story-".length())), text);
        open("verhalen");
        assertThat(_get(StoriesView.class)).as("Vaadin reuses the open view").isSameAs(view);
        Div after = _get(Div.class, spec -> spec.withId(id));
        assertThat(_get(after, TextArea.class).getValue()).isEqualTo(text);
        assertThat(_get(after, Paragraph.class, spec -> spec.withClasses("story-state")).getText()).startsWith("Vrijgegeven");
        assertThat(_find(Div.class, spec -> spec.withClasses("story-card"))).hasSize(cards.size());
    }
}
