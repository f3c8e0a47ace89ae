package nl.omzien.training.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.PublicPage;
import nl.omzien.training.FollowUpQuestion;
import nl.omzien.training.FollowUpService;

import java.util.List;
import java.util.Optional;

/**
 * The page behind the follow-up mail's links. Tapping "yes" or "no" in the mail records the answer
 * as the page opens (one tap); telling what happened is optional. The answer is recorded by the
 * server round trip of the running page, not by the bare GET, so mail scanners that fetch links
 * without running the page do not answer on someone's behalf.
 */
@Route(value = "terugblik/:token", autoLayout = false)
@AnonymousAllowed
public class FollowUpView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ANSWER_PARAMETER = "answer";

    private final FollowUpService followUps;
    private final Div content = new Div();
    private String token;

    private final nl.omzien.training.ReferralService referrals;

    public FollowUpView(FollowUpService followUps, nl.omzien.training.ReferralService referrals) {
        this.followUps = followUps;
        this.referrals = referrals;
        addClassName("follow-up");
        setAlignItems(Alignment.CENTER);
        content.addClassName("follow-up-content");
        add(content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        Optional<FollowUpQuestion> question = followUps.open(token);
        question.map(FollowUpQuestion::locale).ifPresent(locale -> UI.getCurrent().setLocale(locale));
        if (question.isEmpty()) {
            show(new H1(getTranslation("followup.unknown.title")), new Paragraph(getTranslation("followup.unknown.text")));
            return;
        }
        if (!question.get().open()) {
            showExpired();
            return;
        }
        List<String> answer = event.getLocation().getQueryParameters().getParameters().getOrDefault(ANSWER_PARAMETER, List.of());
        if (answer.contains("yes") || answer.contains("no")) {
            answer(answer.contains("yes"));
        } else {
            showQuestion(question.get());
        }
    }

    private void showQuestion(FollowUpQuestion question) {
        H1 title = new H1(getTranslation("followup.title"));
        Paragraph intro = new Paragraph(getTranslation("followup.intro", question.moduleTitle().in(getLocale())));
        H2 ask = new H2(getTranslation("followup.question"));
        ask.setId("follow-up-question");

        Button yes = answerButton(question, true);
        Button no = answerButton(question, false);
        FlexLayout answers = new FlexLayout(yes, no);
        answers.addClassName("follow-up-answers");
        answers.getElement().setAttribute("role", "group");
        answers.getElement().setAttribute("aria-labelledby", "follow-up-question");

        show(title, intro, ask, answers);
        if (question.noticed() != null) {
            Paragraph thanks = new Paragraph(getTranslation("followup.thanks"));
            thanks.addClassName("follow-up-thanks");
            // Announced by screen readers, also when the answer came from the mail link.
            thanks.getElement().setAttribute("role", "status");
            content.add(thanks, storyForm(question));
        }
        // Issue 21: the same two-tap tally as in Mijn training; the link names the person.
        content.add(new ReferralTally((key, action, kind) -> {
            try {
                return referrals.recordFromFollowUp(token, key, action, kind);
            } catch (IllegalStateException e) {
                showExpired();
                return false;
            }
        }));
    }

    private Button answerButton(FollowUpQuestion question, boolean noticed) {
        Button button = new Button(getTranslation(noticed ? "followup.answer.yes" : "followup.answer.no"));
        button.addClassName("follow-up-answer");
        boolean chosen = question.noticed() != null && question.noticed() == noticed;
        button.addThemeVariants(chosen ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
        button.getElement().setAttribute("aria-pressed", Boolean.toString(chosen));
        button.setDisableOnClick(true);
        button.addClickListener(click -> answer(noticed));
        return button;
    }

    private Component storyForm(FollowUpQuestion question) {
        TextArea story = new TextArea(getTranslation("followup.story.label"));
        story.setHelperText(getTranslation("followup.story.hint"));
        story.setMaxLength(FollowUpService.MAX_STORY_LENGTH);
        story.setWidthFull();
        story.setMinRows(4);
        if (question.story() != null) {
            story.setValue(question.story());
        }
        Paragraph saved = new Paragraph();
        saved.addClassName("follow-up-saved");
        saved.getElement().setAttribute("role", "status");
        Button send = new Button(getTranslation("followup.story.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(click -> {
            try {
                followUps.tellStory(token, story.getValue());
                story.setInvalid(false);
                saved.setText(getTranslation("followup.story.saved"));
            } catch (IllegalStateException e) {
                showExpired();
            } catch (InvalidInputException e) {
                story.setErrorMessage(getTranslation(e.errors().get("story")));
                story.setInvalid(true);
            }
        });
        VerticalLayout form = new VerticalLayout(story, send, saved);
        form.setPadding(false);
        form.addClassName("follow-up-story");
        return form;
    }

    /** The link can expire while the page is open; say so instead of failing. */
    private void answer(boolean noticed) {
        try {
            showQuestion(followUps.answer(token, noticed));
        } catch (IllegalStateException e) {
            showExpired();
        }
    }

    private void showExpired() {
        show(new H1(getTranslation("followup.expired.title")), new Paragraph(getTranslation("followup.expired.text")));
    }

    private void show(Component... components) {
        content.removeAll();
        // People open this from a mail: show whose page it is.
        content.add(PublicPage.brand());
        content.add(components);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("followup.page-title");
    }
}
