package nl.omzien.training;

import nl.omzien.base.PersonId;


import jakarta.annotation.security.PermitAll;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.PlainText;
import nl.omzien.people.Audience;
import nl.omzien.people.OrganisationService;
import nl.omzien.security.CurrentUser;
import nl.omzien.training.content.QuizStep;
import nl.omzien.training.content.ScenarioStep;
import nl.omzien.training.content.Step;
import nl.omzien.training.content.TrainingModule;
import nl.omzien.training.internal.JooqFollowUpRepository;
import nl.omzien.training.internal.JooqTrainingRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A participant's progress through modules. Every call works on the signed-in person's own attempt
 * only, is saved at once, and is safe to repeat (double clicks, back button, two tabs).
 */
@Service
@PermitAll
public class TrainingService {

    static final String PRE = "PRE";
    static final String POST = "POST";
    /** When the "have you noticed loneliness since?" question is mailed. */
    public static final Period FOLLOW_UP_AFTER = Period.ofMonths(3);

    private final ModuleCatalog catalog;
    private final JooqTrainingRepository progress;
    private final JooqFollowUpRepository followUps;
    private final CurrentUser currentUser;
    private final OrganisationService organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TrainingService(ModuleCatalog catalog, JooqTrainingRepository progress, JooqFollowUpRepository followUps,
                    CurrentUser currentUser, OrganisationService organisations, ApplicationEventPublisher events, Clock clock) {
        this.catalog = catalog;
        this.progress = progress;
        this.followUps = followUps;
        this.currentUser = currentUser;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private PersonId me() {
        return currentUser.require().accountId();
    }

    @Transactional(readOnly = true)
    public List<ModuleOverview> myModules() {
        PersonId me = me();
        return catalog.current().stream().map(module -> {
            Optional<Attempt> latest = progress.latest(me, module.id());
            if (latest.isEmpty()) {
                return new ModuleOverview(module, ModuleOverview.Status.NOT_STARTED, 0, null, null);
            }
            Attempt attempt = latest.get();
            if (attempt.isCompleted()) {
                return new ModuleOverview(module, ModuleOverview.Status.COMPLETED, 100, attempt.completedAt(), attempt.scorePercent());
            }
            Optional<Attempt> earlier = progress.latestCompleted(me, module.id());
            return new ModuleOverview(module, ModuleOverview.Status.IN_PROGRESS, percent(attempt),
                    earlier.map(Attempt::completedAt).orElse(null), earlier.map(Attempt::scorePercent).orElse(null));
        }).toList();
    }

    /** The current version of a module, for the player's intro; empty for an unknown id. */
    public Optional<TrainingModule> currentModule(String moduleId) {
        return catalog.current(moduleId);
    }

    /** A lesson image of a module, for the player. */
    public Optional<byte[]> lessonImage(String moduleId, String file) {
        return catalog.asset(moduleId, file);
    }

    private int percent(Attempt attempt) {
        List<Step> steps = moduleOf(attempt).stepsFor(attempt.audience());
        long done = steps.stream().filter(s -> attempt.completedSteps().contains(s.id())).count();
        return steps.isEmpty() ? 0 : (int) (100 * done / steps.size());
    }

    /** The open attempt, if the signed-in person started this module and did not finish it. */
    @Transactional(readOnly = true)
    public Optional<Attempt> openAttempt(String moduleId) {
        return progress.latest(me(), moduleId).filter(a -> !a.isCompleted());
    }

    @Transactional(readOnly = true)
    public Optional<Attempt> lastCompleted(String moduleId) {
        return progress.latestCompleted(me(), moduleId);
    }

    public Audience defaultAudience() {
        return organisations.audienceOfCurrentUser();
    }

    /** Starts (or, on a repeated click, returns) the open attempt on the current version. */
    @Transactional
    public Attempt start(String moduleId, Audience audience, SelfAssessment before) {
        TrainingModule module = catalog.current(moduleId).orElseThrow(() -> new NoSuchElementException(moduleId));
        Audience variant = module.audiences().contains(audience) ? audience : module.audiences().iterator().next();
        String first = module.stepsFor(variant).getFirst().id();
        long id = progress.openAttempt(me(), moduleId, module.version(), variant, first, now());
        // On a repeated click both calls keep what the first one stored.
        progress.saveSelfAssessment(id, PRE, before, now());
        Attempt attempt = own(id);
        progress.moveTo(id, attempt.currentStepId(), now());
        events.publishEvent(new ModuleStarted(id, attempt.userId(), moduleId));
        return attempt;
    }

    public TrainingModule moduleOf(Attempt attempt) {
        return catalog.version(attempt.moduleId(), attempt.version());
    }

    /** The attempt if it is the signed-in person's; anyone else's is refused. */
    @Transactional(readOnly = true)
    public Attempt own(long attemptId) {
        Attempt attempt = progress.find(attemptId).orElseThrow(() -> new AccessDeniedException("No such attempt"));
        if (!attempt.userId().equals(me())) {
            throw new AccessDeniedException("Not your attempt");
        }
        return attempt;
    }

    /** Locks the attempt row first, so concurrent calls (double clicks, two tabs) see each other's result. */
    private Attempt ownLocked(long attemptId) {
        Attempt attempt = progress.lock(attemptId).orElseThrow(() -> new AccessDeniedException("No such attempt"));
        if (!attempt.userId().equals(me())) {
            throw new AccessDeniedException("Not your attempt");
        }
        return attempt;
    }

    private Attempt ownOpen(long attemptId) {
        Attempt attempt = ownLocked(attemptId);
        if (attempt.isCompleted()) {
            throw new IllegalStateException("This attempt is already completed");
        }
        return attempt;
    }

    private Step step(Attempt attempt, String stepId) {
        return moduleOf(attempt).stepsFor(attempt.audience()).stream().filter(s -> s.id().equals(stepId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No step " + stepId));
    }

    @Transactional
    public Attempt goTo(long attemptId, String stepId) {
        Attempt attempt = ownOpen(attemptId);
        step(attempt, stepId);
        progress.moveTo(attemptId, stepId, now());
        return own(attemptId);
    }

    @Transactional
    public Attempt changeAudience(long attemptId, Audience audience) {
        Attempt attempt = ownOpen(attemptId);
        TrainingModule module = moduleOf(attempt);
        if (!module.audiences().contains(audience)) {
            throw new IllegalArgumentException("Module has no " + audience + " variant");
        }
        progress.changeAudience(attemptId, audience);
        List<Step> steps = module.stepsFor(audience);
        if (steps.stream().noneMatch(s -> s.id().equals(attempt.currentStepId()))) {
            progress.moveTo(attemptId, steps.stream().filter(s -> !attempt.completedSteps().contains(s.id()))
                    .findFirst().orElse(steps.getFirst()).id(), now());
        }
        return own(attemptId);
    }

    /**
     * Marks a lesson or reflection done (scenarios and quizzes are done by their own rules) and adds
     * the seconds spent. Repeating it changes only the time.
     */
    @Transactional
    public Attempt completeStep(long attemptId, String stepId, int secondsSpent) {
        complete(ownOpen(attemptId), stepId, secondsSpent);
        return own(attemptId);
    }

    /** "Next": {@link #completeStep} and {@link #goTo} the next step in one transaction (one lock, one read back). */
    @Transactional
    public Attempt completeStepAndGoTo(long attemptId, String stepId, int secondsSpent, String nextStepId) {
        Attempt attempt = ownOpen(attemptId);
        step(attempt, nextStepId);
        complete(attempt, stepId, secondsSpent);
        progress.moveTo(attemptId, nextStepId, now());
        return own(attemptId);
    }

    private void complete(Attempt attempt, String stepId, int secondsSpent) {
        Step step = step(attempt, stepId);
        boolean done = switch (step) {
            case ScenarioStep scenario -> scenarioRun(attempt, scenario).anyRunFinished();
            case QuizStep quiz -> quizPassed(attempt.id(), quiz);
            default -> true;
        };
        if (!done) {
            throw new IllegalStateException("Step " + stepId + " is not finished yet");
        }
        progress.completeStep(attempt.id(), stepId, Math.max(0, Math.min(secondsSpent, 3600)), now());
    }

    private boolean quizPassed(long attemptId, QuizStep quiz) {
        return progress.latestQuizScores(attemptId).stream().anyMatch(score -> score.stepId().equals(quiz.id()) && score.passed());
    }

    @Transactional(readOnly = true)
    public ScenarioRun scenarioRun(long attemptId, String stepId) {
        Attempt attempt = own(attemptId);
        return scenarioRun(attempt, (ScenarioStep) step(attempt, stepId));
    }

    private ScenarioRun scenarioRun(Attempt attempt, ScenarioStep scenario) {
        int run = progress.latestRun(attempt.id(), scenario.id());
        List<ScenarioRun.Choice> choices = progress.choices(attempt.id(), scenario.id(), run);
        String at = choices.isEmpty() ? scenario.start() : choices.getLast().nextNodeId();
        boolean anyFinished = scenario.node(at).isOutcome() || progress.anyRunFinished(attempt.id(), scenario);
        return new ScenarioRun(run, choices, at, anyFinished);
    }

    /**
     * Records a reply. {@code run} and {@code atNodeId} are what the learner's screen showed; a
     * replayed or double click from an old screen changes nothing and returns the real state.
     */
    @Transactional
    public ScenarioRun choose(long attemptId, String stepId, int run, String atNodeId, int replyIndex) {
        Attempt attempt = ownOpen(attemptId);
        ScenarioStep scenario = (ScenarioStep) step(attempt, stepId);
        ScenarioRun state = scenarioRun(attempt, scenario);
        if (run == state.run() + 1 && scenario.node(state.currentNodeId()).isOutcome()) {
            // First reply of a "try again" round: the new run exists once it has a choice.
            state = new ScenarioRun(run, List.of(), scenario.start(), state.anyRunFinished());
        }
        ScenarioStep.Node node = scenario.node(state.currentNodeId());
        if (run != state.run() || !node.id().equals(atNodeId) || node.isOutcome()
                || replyIndex < 0 || replyIndex >= node.replies().size()) {
            return state;
        }
        ScenarioStep.Reply reply = node.replies().get(replyIndex);
        progress.addChoice(attemptId, stepId, run, state.choices().size() + 1,
                new ScenarioRun.Choice(node.id(), replyIndex, reply.next(), reply.quality()), now());
        ScenarioRun after = scenarioRun(attempt, scenario);
        if (scenario.node(after.currentNodeId()).isOutcome()) {
            progress.completeStep(attemptId, stepId, 0, now());
        }
        return after;
    }

    /** Starts a new run of a finished scenario ("try again"), to explore another path. */
    @Transactional
    public ScenarioRun tryAgain(long attemptId, String stepId) {
        Attempt attempt = ownOpen(attemptId);
        ScenarioStep scenario = (ScenarioStep) step(attempt, stepId);
        ScenarioRun run = scenarioRun(attempt, scenario);
        if (run.choices().isEmpty()) {
            return run;
        }
        return new ScenarioRun(run.run() + 1, List.of(), scenario.start(), run.anyRunFinished());
    }

    /** Scores on the server; every submission is stored. Answers: question id to chosen option indexes. */
    @Transactional
    public QuizResult submitQuiz(long attemptId, String stepId, Map<String, Set<Integer>> answers) {
        Attempt attempt = ownOpen(attemptId);
        QuizStep quiz = (QuizStep) step(attempt, stepId);
        int correct = (int) quiz.questions().stream()
                .filter(q -> q.isAnsweredCorrectly(answers.getOrDefault(q.id(), Set.of()))).count();
        int total = quiz.questions().size();
        boolean passed = 100 * correct >= moduleOf(attempt).passMark() * total;
        String stored = new TreeMap<>(answers).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().stream().sorted().map(String::valueOf).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
        progress.addQuizSubmission(attemptId, stepId, correct, total, passed, stored, now());
        if (passed) {
            progress.completeStep(attemptId, stepId, 0, now());
        }
        return new QuizResult(correct, total, passed, answers);
    }

    @Transactional
    public void saveReflection(long attemptId, String stepId, String answer) {
        ownOpen(attemptId);
        String text = answer == null ? "" : answer.strip();
        if (text.length() > 4000) {
            throw new IllegalArgumentException("Reflection longer than 4000 characters");
        }
        if (!PlainText.isMultiLine(text)) {
            throw new InvalidInputException(java.util.Map.of("answer", "validation.control-characters"));
        }
        progress.saveReflection(attemptId, stepId, text, now());
    }

    /** The learner's own reflection; nobody else can read it (the attempt must be theirs). */
    @Transactional(readOnly = true)
    public Optional<String> myReflection(long attemptId, String stepId) {
        own(attemptId);
        return progress.reflection(attemptId, stepId);
    }

    @Transactional(readOnly = true)
    public Optional<SelfAssessment> selfAssessment(long attemptId, boolean after) {
        own(attemptId);
        return progress.selfAssessment(attemptId, after ? POST : PRE);
    }

    /** Whether every step of the learner's variant is done (then only the closing questions remain). */
    public boolean allStepsDone(Attempt attempt) {
        return moduleOf(attempt).requiredStepsFor(attempt.audience()).stream().allMatch(s -> attempt.completedSteps().contains(s.id()));
    }

    /**
     * Completes the module with the closing self-assessment. Idempotent: a second call returns the
     * same completed attempt. Publishes {@link ModuleCompleted} in this transaction and schedules the
     * follow-up question {@link #FOLLOW_UP_AFTER} later (one per person: a later completion moves it).
     */
    @Transactional
    public Attempt finish(long attemptId, SelfAssessment after) {
        Attempt attempt = ownLocked(attemptId);
        if (attempt.isCompleted()) {
            return attempt;
        }
        if (!allStepsDone(attempt)) {
            throw new IllegalStateException("Not every step is done");
        }
        progress.saveSelfAssessment(attemptId, POST, after, now());
        var scores = progress.latestQuizScores(attemptId);
        int correct = scores.stream().mapToInt(JooqTrainingRepository.QuizScore::correct).sum();
        int total = scores.stream().mapToInt(JooqTrainingRepository.QuizScore::total).sum();
        int score = total == 0 ? 100 : Math.round(100f * correct / total);
        OffsetDateTime now = now();
        progress.complete(attemptId, score, now);
        followUps.schedule(attempt.userId(), attemptId, now.plus(FOLLOW_UP_AFTER));
        events.publishEvent(new ModuleCompleted(attemptId, attempt.userId(), attempt.moduleId(), attempt.version(), score, now));
        return own(attemptId);
    }
}
