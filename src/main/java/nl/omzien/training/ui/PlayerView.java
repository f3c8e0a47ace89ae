package nl.omzien.training.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.contacts.LocalContactService;
import nl.omzien.contacts.LocalFiguresPanel;
import nl.omzien.contacts.LocalHelpPanel;
import nl.omzien.people.Audience;
import nl.omzien.security.Role;
import nl.omzien.training.Attempt;
import nl.omzien.training.TrainingService;
import nl.omzien.training.content.LessonStep;
import nl.omzien.training.content.ReadingTime;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import nl.omzien.training.content.QuizStep;
import nl.omzien.training.content.ReflectionStep;
import nl.omzien.training.content.ScenarioStep;
import nl.omzien.training.content.Step;
import nl.omzien.training.content.Text;
import nl.omzien.training.content.TrainingModule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a module one step per screen. Progress is saved on the server at every step, so closing the
 * browser and signing in elsewhere resumes at the same step.
 */
@Route("training/:moduleId")
@RolesAllowed(Role.PARTICIPANT_ROLE)
public class PlayerView extends VerticalLayout implements BeforeEnterObserver, HasTitleKey {

    private final TrainingService training;
    private final LocalContactService localContacts;
    private final Clock clock;
    private final H2 heading = new H2();
    private final ProgressBar progressBar = new ProgressBar();
    private final Span progressText = new Span();
    private final Span remaining = new Span();
    private final Div body = new Div();
    private final HorizontalLayout navigation = new HorizontalLayout();
    // The step page's frame stays in place from step to step, and only what changes is sent (issue 23: a step
    // change sent ~150 changes, most of them this frame made again).
    private final Span moduleTitle = new Span();
    private final Div header = new Div();
    private final Div optionalNote = new Div();
    private final Button back = new Button(VaadinIcon.ARROW_LEFT.create());
    private final Button next = new Button(VaadinIcon.ARROW_RIGHT.create());
    private final List<Component> extraButtons = new ArrayList<>();
    private final List<Registration> stepListeners = new ArrayList<>();
    private Details audienceChoice;
    private TrainingModule module;
    private Attempt attempt;
    private Instant stepShownAt;

    public PlayerView(TrainingService training, LocalContactService localContacts, Clock clock) {
        this.training = training;
        this.localContacts = localContacts;
        this.clock = clock;
        addClassName("player");
        setMaxWidth("48rem");
        heading.getElement().setAttribute("tabindex", "-1");
        heading.setId("step-heading");
        progressBar.setId("module-progress");
        progressText.addClassName("progress-text");
        progressText.setId("progress-text");
        progressBar.getElement().setAttribute("aria-labelledby", "progress-text");
        remaining.setId("remaining-time");
        remaining.addClassName("remaining-time");
        body.setWidthFull();
        body.addClassName("step-body");
        navigation.setWidthFull();
        // Back, next and (for optional practice) skip: on a 360 px phone they take two rows rather than run off screen.
        navigation.setWrap(true);
        navigation.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        navigation.addClassName("step-navigation");
        // On a 360 x 640 phone the step starts high: one line for the module, one for where you are and the
        // time left, a thin bar. The variant picker (rarely changed) sits below the step, not above it.
        moduleTitle.addClassName("player-module-title");
        Div status = new Div(progressText, remaining);
        status.addClassName("player-status");
        header.add(moduleTitle, status, progressBar);
        header.addClassName("player-header");
        optionalNote.setId("optional-note");
        optionalNote.addClassName("optional-note");
        back.setText(getTranslation("player.back"));
        back.setId("previous-step");
        next.setId("next-step");
        next.setIconAfterText(true);
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.setDisableOnClick(true);
        navigation.add(back, next);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String moduleId = event.getRouteParameters().get("moduleId").orElse("");
        module = training.currentModule(moduleId).orElseThrow(NotFoundException::new);
        attempt = training.openAttempt(moduleId).orElse(null);
        removeAll();
        if (attempt == null) {
            showIntro();
        } else {
            module = training.moduleOf(attempt);
            showCurrentStep();
        }
    }

    private String t(Text text) {
        return text.in(getLocale());
    }

    private void focusHeading() {
        heading.getElement().callJsFunction("focus");
    }

    private void showIntro() {
        removeAll();
        heading.setText(t(module.title()));
        // Issue 18: the time of the learner's own variant (for shop staff: the core), read at 150 words per minute.
        Paragraph minutes = new Paragraph();
        minutes.setId("module-minutes");
        add(heading, MarkdownText.of(t(module.summary()), "module-summary"), minutes);
        training.lastCompleted(module.id()).ifPresent(done -> add(new Paragraph(getTranslation("player.completed-before",
                done.completedAt().atZoneSameInstant(clock.getZone()).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale())),
                done.scorePercent()))));
        Select<Audience> audience = audienceSelect(training.defaultAudience());
        Runnable showMinutes = () -> {
            List<Step> required = module.requiredStepsFor(audience.getValue());
            boolean core = required.size() < module.stepsFor(audience.getValue()).size();
            // One more minute for the confidence questions before and after.
            int total = ReadingTime.minutes(required, this::t) + 1;
            minutes.setText(getTranslation(core ? "player.minutes.core" : "player.minutes", total));
        };
        showMinutes.run();
        audience.addValueChangeListener(change -> showMinutes.run());
        SelfAssessmentForm before = new SelfAssessmentForm("before");
        Button start = new Button(getTranslation("player.start"), VaadinIcon.PLAY.create());
        start.setId("start-module");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setDisableOnClick(true);
        start.addClickListener(click -> before.value().ifPresentOrElse(answers -> {
            attempt = training.start(module.id(), audience.getValue(), answers);
            module = training.moduleOf(attempt);
            showCurrentStep();
        }, () -> start.setEnabled(true)));
        add(audience, before, start);
        focusHeading();
    }

    private Select<Audience> audienceSelect(Audience value) {
        Select<Audience> audience = new Select<>();
        audience.setLabel(getTranslation("player.audience"));
        audience.setItems(module.audiences().stream().sorted().toList());
        audience.setItemLabelGenerator(a -> getTranslation("audience." + a.name()));
        audience.setValue(module.audiences().contains(value) ? value : module.audiences().iterator().next());
        audience.setId("audience");
        // Wide enough for "Winkel, kapper en horeca" (it was cut off), never wider than a phone.
        audience.addClassName("audience-select");
        return audience;
    }

    private void showCurrentStep() {
        if (header.getParent().isEmpty()) {
            // From the intro, the closing questions or another page: the frame goes in once.
            removeAll();
            audienceChoice = audienceChoice();
            add(header, optionalNote, heading, body, navigation, audienceChoice);
        }
        stepListeners.forEach(Registration::remove);
        stepListeners.clear();
        extraButtons.forEach(navigation::remove);
        extraButtons.clear();
        StepNavigation at = StepNavigation.of(module, attempt);
        Step step = at.current();
        stepShownAt = clock.instant();
        moduleTitle.setText(t(module.title()));
        progressBar.setValue(at.progress());
        progressText.setText(getTranslation(at.optional() ? "player.progress.optional" : "player.progress", at.position(), at.positions()));
        // Issue 18: the real remaining time of this chapter, from the words of the steps still to do at 150 wpm.
        remaining.setText(getTranslation(at.optional() ? "player.remaining.optional" : "player.remaining",
                ReadingTime.minutes(at.toDo(), this::t)));
        heading.setText(t(step.title()));
        audienceChoice.setSummaryText(getTranslation("player.audience.current", getTranslation("audience." + attempt.audience().name())));
        audienceChoice.setOpened(false);

        next.setText(getTranslation(at.isLast() ? "player.finish-steps" : "player.next"));
        Runnable refreshNext = () -> {
            attempt = training.own(attempt.id());
            next.setEnabled(at.withCompleted(attempt.completedSteps()).canGoOn());
        };
        Runnable goNext = () -> {
            int seconds = (int) Duration.between(stepShownAt, clock.instant()).toSeconds();
            at.next().ifPresentOrElse(following -> {
                attempt = training.completeStepAndGoTo(attempt.id(), step.id(), seconds, following.id());
                showCurrentStep();
            }, () -> {
                attempt = training.completeStep(attempt.id(), step.id(), seconds);
                showClosing();
            });
        };
        Runnable onNext = showStepBody(step, goNext, refreshNext);
        stepListeners.add(next.addClickListener(click -> onNext.run()));
        next.setEnabled(at.canGoOn());
        back.setEnabled(at.previous().isPresent());
        stepListeners.add(back.addClickListener(click -> at.previous().ifPresent(this::goTo)));
        optionalNote.removeAll();
        optionalNote.setVisible(at.optional());
        if (at.optional()) {
            // Optional practice: the learner may skip it, and finish as soon as the core is done.
            optionalNote.add(new Paragraph(getTranslation("player.optional.note")));
            Button skip = new Button(getTranslation("player.optional.skip"), click -> goOn(at));
            skip.setId("skip-step");
            extraButtons.add(skip);
            if (at.coreDone()) {
                Button finishCore = new Button(getTranslation("player.optional.finish"), click -> showClosing());
                finishCore.setId("finish-core");
                finishCore.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                // With the other buttons under the step, not above it: the step starts high on a phone.
                extraButtons.add(finishCore);
            }
            extraButtons.forEach(navigation::add);
        }
        focusHeading();
    }

    /**
     * The learner's variant, which they may change on any step: folded away under the step, one line when closed.
     * The picker is made when it is first opened: few learners change their variant, and every step (and the memory
     * of every open player) would otherwise carry a select with its items.
     */
    private Details audienceChoice() {
        // Its summary names the learner's variant: showCurrentStep sets it at every step.
        Details choice = new Details();
        choice.setId("audience-choice");
        choice.addClassName("audience-choice");
        choice.addOpenedChangeListener(opened -> {
            if (opened.isOpened() && choice.getContent().findAny().isEmpty()) {
                Select<Audience> audience = audienceSelect(attempt.audience());
                audience.addValueChangeListener(change -> {
                    if (change.isFromClient()) {
                        attempt = training.changeAudience(attempt.id(), change.getValue());
                        showCurrentStep();
                    }
                });
                choice.add(audience);
            }
        });
        return choice;
    }

    /** The step after {@code at}, or the closing questions after the last one. */
    private void goOn(StepNavigation at) {
        at.next().ifPresentOrElse(this::goTo, this::showClosing);
    }

    private void goTo(Step step) {
        attempt = training.goTo(attempt.id(), step.id());
        showCurrentStep();
    }

    /** Fills the body with the step's content; returns what "next" does (a reflection is saved before moving on). */
    private Runnable showStepBody(Step step, Runnable goNext, Runnable refreshNext) {
        body.removeAll();
        return switch (step) {
            case LessonStep lesson -> {
                if (lesson.image() != null) {
                    body.add(lessonImage(lesson.image()));
                }
                body.add(MarkdownText.of(t(lesson.markdown()), "lesson-text"));
                if (lesson.show() == LessonStep.Show.LOCAL_CONTACTS) {
                    body.add(LocalHelpPanel.forMe(localContacts));
                } else if (lesson.show() == LessonStep.Show.LOCAL_FIGURES) {
                    LocalFiguresPanel figures = LocalFiguresPanel.forMe(localContacts);
                    if (figures != null) {
                        body.add(figures);
                    }
                }
                yield goNext;
            }
            case ReflectionStep reflection -> {
                // The question in full as a heading in body text, not as a field label cut to one line.
                H3 question = new H3(t(reflection.question()));
                question.setId("reflection-question");
                question.addClassName("reflection-question");
                TextArea answer = new TextArea();
                answer.setAriaLabelledBy("reflection-question");
                answer.setId("reflection-answer");
                answer.setWidthFull();
                answer.setMinHeight("8rem");
                answer.setMaxLength(4000);
                answer.setHelperText(getTranslation("player.reflection.private"));
                answer.setValue(training.myReflection(attempt.id(), reflection.id()).orElse(""));
                body.add(question, answer);
                yield () -> {
                    try {
                        training.saveReflection(attempt.id(), reflection.id(), answer.getValue());
                    } catch (InvalidInputException problem) {
                        FormErrors.show(problem, java.util.Map.of("answer", answer));
                        // "Next" disabled itself on the click: the learner mends the text and tries again.
                        next.setEnabled(true);
                        return;
                    }
                    goNext.run();
                };
            }
            case ScenarioStep scenario -> {
                body.add(new ScenarioPanel(training, attempt.id(), scenario, refreshNext));
                yield goNext;
            }
            case QuizStep quiz -> {
                body.add(new QuizPanel(training, attempt.id(), quiz, module.passMark(), refreshNext));
                yield goNext;
            }
        };
    }

    private Image lessonImage(LessonStep.Image image) {
        String moduleId = attempt.moduleId();
        String file = image.file();
        Image picture = new Image(DownloadHandler.fromInputStream(download -> training.lessonImage(moduleId, file)
                .map(bytes -> new DownloadResponse(new ByteArrayInputStream(bytes), null,
                        LessonStep.Image.contentType(file), bytes.length))
                .orElseGet(() -> DownloadResponse.error(404))).inline(), t(image.alt()));
        picture.addClassName("lesson-image");
        return picture;
    }

    private void showClosing() {
        removeAll();
        heading.setText(getTranslation("player.closing.title"));
        SelfAssessmentForm after = new SelfAssessmentForm("after");
        Button finish = new Button(getTranslation("player.closing.finish"));
        finish.setId("finish-module");
        finish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        finish.setDisableOnClick(true);
        finish.addClickListener(click -> after.value().ifPresentOrElse(answers -> {
            attempt = training.finish(attempt.id(), answers);
            showDone();
        }, () -> finish.setEnabled(true)));
        Button back = new Button(getTranslation("player.back"), VaadinIcon.ARROW_LEFT.create(), click -> showCurrentStep());
        HorizontalLayout buttons = new HorizontalLayout(back, finish);
        buttons.setWidthFull();
        buttons.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        add(heading, new Paragraph(getTranslation("player.closing.intro")), after, buttons);
        focusHeading();
    }

    private void showDone() {
        removeAll();
        heading.setText(getTranslation("player.done.title"));
        Paragraph score = new Paragraph(getTranslation("player.done.score", attempt.scorePercent()));
        score.setId("module-score");
        add(heading, score);
        // What this completion brings: a certificate when it finishes a learning path, and the next module.
        Paragraph certificate = new Paragraph(getTranslation("player.done.certificate"));
        certificate.setId("done-certificate");
        com.vaadin.flow.component.html.Anchor certificates = new com.vaadin.flow.component.html.Anchor("mijn-certificaten",
                getTranslation("player.done.certificates"));
        certificates.setId("done-certificates-link");
        add(certificate, certificates);
        // Issue 21: the signal card of the learner's municipality, at the end of every module (a route, not a class:
        // the signal card feature depends on training).
        Paragraph signalCard = new Paragraph(getTranslation("player.done.signal-card"));
        com.vaadin.flow.component.html.Anchor signalCardLink = new com.vaadin.flow.component.html.Anchor("signaleringskaart",
                getTranslation("player.done.signal-card.link"));
        signalCardLink.setId("done-signal-card-link");
        add(signalCard, signalCardLink);
        training.myModules().stream().filter(m -> !m.module().id().equals(module.id())
                        && m.status() != nl.omzien.training.ModuleOverview.Status.COMPLETED).findFirst()
                .ifPresent(next -> {
                    Button go = new Button(getTranslation("player.done.next-module", next.module().title().in(getLocale())),
                            VaadinIcon.ARROW_RIGHT.create(), click -> getUI().ifPresent(ui -> ui.navigate("training/" + next.module().id())));
                    go.setIconAfterText(true);
                    go.setId("done-next-module");
                    go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                    add(go);
                });
        add(new Paragraph(getTranslation("player.done.next")), new RouterLink(getTranslation("player.done.back"), MyTrainingView.class));
        focusHeading();
    }

    @Override
    public String titleKey() {
        return "nav.my-training";
    }

}
