package nl.omzien.training.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.people.Municipality;
import nl.omzien.people.MunicipalityService;
import nl.omzien.security.Role;
import nl.omzien.training.FollowUpService;
import nl.omzien.training.ModuleTitles;
import nl.omzien.training.StoryForLead;
import nl.omzien.training.StoryService;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

/**
 * "Verhalen": a coalition lead reads the follow-up stories of their municipality and releases one for the
 * dashboard and council report, edited to remove names (the original stays here). Thin: the service checks
 * role and municipality per story.
 */
@Route("verhalen")
@Menu(order = 39.5, title = "nav.stories", icon = "COMMENTS")
@RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
public class StoriesView extends VerticalLayout implements HasTitleKey, BeforeEnterObserver {

    private final StoryService stories;
    private final MunicipalityService municipalities;
    private final ModuleTitles moduleTitles;
    private final DateTimeFormatter date;
    private final Clock clock;
    private final Select<Municipality> municipality = new Select<>();
    private final Div list = new Div();
    private Map<String, String> titles = Map.of();

    public StoriesView(StoryService stories, MunicipalityService municipalities, ModuleTitles moduleTitles, Clock clock) {
        this.stories = stories;
        this.municipalities = municipalities;
        this.moduleTitles = moduleTitles;
        this.clock = clock;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
        addClassName("stories");
        setMaxWidth("48rem");
        municipality.setId("stories-municipality");
        municipality.setLabel(getTranslation("stories.municipality"));
        municipality.setItemLabelGenerator(Municipality::name);
        municipality.addValueChangeListener(e -> show());
        list.setId("stories-list");
        add(new Paragraph(getTranslation("stories.intro")), municipality, list);
    }

    /**
     * Read at every entry, not once: Vaadin keeps this view when its menu item is clicked again, and new stories
     * (or a story released elsewhere) must show. The chosen municipality stays chosen.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        titles = moduleTitles.all(getLocale());
        Municipality chosen = municipality.getValue();
        List<Municipality> choices = municipalities.visible();
        municipality.setItems(choices);
        municipality.setVisible(choices.size() > 1);
        Municipality selected = choices.stream().filter(m -> chosen != null && m.id().equals(chosen.id())).findFirst()
                .orElse(choices.isEmpty() ? null : choices.getFirst());
        if (java.util.Objects.equals(municipality.getValue(), selected)) {
            show();
        } else {
            municipality.setValue(selected); // shows the stories through the value change listener
        }
    }

    private void show() {
        list.removeAll();
        if (municipality.getValue() == null) {
            return;
        }
        List<StoryForLead> all = stories.stories(municipality.getValue().id());
        if (all.isEmpty()) {
            list.add(new Paragraph(getTranslation("stories.none")));
        }
        all.forEach(story -> list.add(card(story)));
    }

    private Div card(StoryForLead story) {
        Div card = new Div();
        card.addClassName("story-card");
        card.setId("story-" + story.attemptId());
        String when = story.answeredAt() == null ? "" : story.answeredAt().atZoneSameInstant(clock.getZone()).format(date);
        H2 meta = new H2(titles.getOrDefault(story.moduleId(), story.moduleId()) + " · " + when);
        meta.addClassName("story-title");
        Paragraph originalLabel = new Paragraph(getTranslation("stories.original"));
        originalLabel.addClassName("story-label");
        Paragraph original = new Paragraph("“" + story.original() + "”");
        original.addClassName("story-original");
        card.add(meta, originalLabel, original);
        if (story.organisationSize() < StoryService.MIN_ORGANISATION_SIZE) {
            Paragraph small = new Paragraph(getTranslation("stories.small-organisation"));
            small.addClassName("story-small");
            card.add(small);
        }
        TextArea shown = new TextArea(getTranslation("stories.shown.label"));
        shown.setHelperText(getTranslation("stories.shown.hint"));
        shown.setMaxLength(FollowUpService.MAX_STORY_LENGTH);
        shown.setWidthFull();
        shown.setValue(story.released() ? story.shownText() : story.original());
        Paragraph state = new Paragraph(getTranslation(story.released() ? "stories.state.released" : "stories.state.private"));
        state.addClassName("story-state");
        state.getElement().setAttribute("role", "status");
        Button release = new Button(getTranslation(story.released() ? "stories.update" : "stories.release"));
        release.addClassName("story-release");
        release.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        release.setDisableOnClick(true);
        release.addClickListener(click -> {
            try {
                stories.release(story.attemptId(), shown.getValue());
                show();
            } catch (InvalidInputException e) {
                shown.setErrorMessage(getTranslation(e.errors().values().iterator().next()));
                shown.setInvalid(true);
                release.setEnabled(true);
            }
        });
        FlexLayout actions = new FlexLayout(release);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassName("story-actions");
        if (story.released()) {
            Button withdraw = new Button(getTranslation("stories.withdraw"), click -> {
                stories.withdraw(story.attemptId());
                show();
            });
            withdraw.addClassName("story-withdraw");
            withdraw.setDisableOnClick(true);
            actions.add(withdraw);
        }
        card.add(shown, actions, state);
        return card;
    }

    @Override
    public String titleKey() {
        return "nav.stories";
    }
}
