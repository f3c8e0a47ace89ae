package nl.omzien.training.ui;

import nl.omzien.people.Audience;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.test.BrowserTest;
import nl.omzien.training.Attempt;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.ScenarioRun;
import nl.omzien.training.SelfAssessment;
import nl.omzien.training.TrainingService;
import nl.omzien.training.content.QuizStep;
import nl.omzien.training.content.ReflectionStep;
import nl.omzien.training.content.ScenarioStep;
import nl.omzien.training.content.Step;
import nl.omzien.training.content.TrainingModule;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 360 px phone, nothing in the player is wider than the screen and no text is cut off: the
 * player itself, every reply of every decision point of every scenario, and every quiz and reflection
 * question, of every shipped module and audience (whatever modules/ holds, not a fixed list).
 * <p>
 * Each step is opened in the browser once (a step shared by audiences once, plus each audience's first
 * step). One scenario is walked by tapping, decision point after decision point, as a learner would; in
 * the others every decision point's texts (what the other says, every reply, the reply's feedback) are
 * put into the same components on the page the server rendered, and measured there: the same layout
 * and styles without a round trip and page load per decision point (the walk took almost 3 minutes).
 */
class PhoneFitJourneyTest extends BrowserTest {

    /**
     * Problems on the current page: the page scrolls sideways, an element reaches past the right edge,
     * or an element (also inside a component's shadow DOM) hides text it cannot show (overflow hidden
     * or an ellipsis while its content is wider than its box).
     */
    static final String FIT_PROBLEMS = """
            (root) => {
              const vw = document.documentElement.clientWidth;
              const problems = [];
              if (document.documentElement.scrollWidth > vw) {
                problems.push('page is ' + document.documentElement.scrollWidth + 'px wide on a ' + vw + 'px screen');
              }
              const describe = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                  + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                  + ' "' + (e.innerText || e.textContent || '').trim().slice(0, 60) + '"';
              const visit = (node, host) => {
                for (const e of node.querySelectorAll('*')) {
                  if (e.shadowRoot) visit(e.shadowRoot, e);
                  const style = getComputedStyle(e);
                  if (style.display === 'none' || style.visibility === 'hidden') continue;
                  // Inside a component's shadow DOM the text is slotted in: count what its slots show.
                  const text = (e.textContent || '').trim() || [...e.querySelectorAll('slot')]
                      .flatMap(s => s.assignedNodes({flatten: true})).map(n => n.textContent || '').join('').trim();
                  const r = e.getBoundingClientRect();
                  if (r.width === 0 || r.height === 0) continue;
                  if (r.right > vw + 1 && text) {
                    problems.push((host ? describe(host) + ' > ' : '') + describe(e) + ' ends at ' + Math.round(r.right) + 'px');
                  }
                  const clips = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
                  if (clips && text && e.scrollWidth > e.clientWidth + 1 && !['INPUT', 'TEXTAREA'].includes(e.tagName)) {
                    problems.push((host ? describe(host) + ' > ' : '') + describe(e) + ' cuts its text off ('
                        + e.scrollWidth + 'px in ' + e.clientWidth + 'px)');
                  }
                }
              };
              visit(root, null);
              return problems;
            }""";

    @Autowired
    ModuleCatalog catalog;
    @Autowired
    TrainingService training;
    @Autowired
    DSLContext db;
    @Autowired
    UserDetailsService accounts;

    private final List<String> problems = new ArrayList<>();

    private void checkFit(String where) {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) page.evaluate("(" + FIT_PROBLEMS + ")(document.querySelector('.player') || document.body)");
        found.forEach(problem -> problems.add(where + ": " + problem));
    }

    @Test
    void everyScenarioReplyAndEveryQuestionOfEveryShippedModuleFitsA360PixelPhone() {
        SessionFixtures fixtures = new SessionFixtures(db, accounts);
        String email = fixtures.participants(1, "Kapsalon Knip & Zo").getFirst();
        page.setViewportSize(PHONE_WIDTH, 740);
        signIn(email, DEMO_PASSWORD);
        int decisionPoints = 0;
        int questions = 0;
        int walked = 0;
        boolean shotScenario = false;
        boolean shotQuiz = false;
        SelfAssessment neutral = new SelfAssessment(3, 3, 3);
        for (TrainingModule module : catalog.current()) {
            long attemptId = fixtures.as(email, () -> training.start(module.id(), module.audiences().iterator().next(), neutral).id());
            Set<String> opened = new HashSet<>();
            for (Audience audience : module.audiences()) {
                fixtures.as(email, () -> training.changeAudience(attemptId, audience));
                for (Step step : module.stepsFor(audience)) {
                    boolean first = step == module.stepsFor(audience).getFirst();
                    if (step instanceof nl.omzien.training.content.LessonStep && !first) {
                        continue; // lessons are text and pictures in the same frame as the first step checked
                    }
                    if (!opened.add(step.id()) && !first) {
                        continue; // the same step, already checked for another audience
                    }
                    fixtures.as(email, () -> training.goTo(attemptId, step.id()));
                    String where = module.id() + "/" + audience + "/" + step.id();
                    follow("training/" + module.id());
                    assertThat(page.locator("#step-heading").innerText().strip()).isEqualTo(step.title().nl());
                    checkFit(where);
                    switch (step) {
                        case ScenarioStep scenario -> {
                            if (!shotScenario) {
                                page.locator(".scenario-replies").scrollIntoViewIfNeeded();
                                screenshot("phone-fit-scenario", PHONE_WIDTH);
                                checkAccessibility("scenario");
                                shotScenario = true;
                            }
                            if (walked++ == 0) {
                                decisionPoints += checkEveryDecisionPoint(email, module.id(), attemptId, scenario, where);
                            } else {
                                decisionPoints += checkEveryDecisionPointInPlace(scenario, where);
                            }
                        }
                        case QuizStep quiz -> {
                            for (QuizStep.Question question : quiz.questions()) {
                                assertThat(words(page.locator("#question-" + question.id() + "-text").innerText()))
                                        .as(where + " shows question " + question.id() + " in full")
                                        .isEqualTo(words(question.text().nl()));
                                questions++;
                            }
                            if (!shotQuiz) {
                                screenshot("phone-fit-quiz", PHONE_WIDTH);
                                checkAccessibility("quiz");
                                shotQuiz = true;
                            }
                        }
                        case ReflectionStep reflection -> {
                            assertThat(words(page.locator("#reflection-question").innerText()))
                                    .as(where + " shows the reflection question in full").isEqualTo(words(reflection.question().nl()));
                            questions++;
                        }
                        default -> { }
                    }
                    // Stop at the first step that does not fit: the message names it.
                    assertThat(problems).isEmpty();
                }
            }
        }
        assertThat(decisionPoints).as("decision points checked").isGreaterThan(50);
        assertThat(questions).as("questions checked").isGreaterThan(20);
        assertThat(problems).isEmpty();
        assertThat(accessibilityProblems).isEmpty();
    }

    /**
     * Visits every decision point of a scenario: the server puts the run at the start of a path to a
     * point not seen yet, the browser shows it, and replies are tapped while they lead somewhere new.
     */
    private int checkEveryDecisionPoint(String email, String moduleId, long attemptId, ScenarioStep scenario, String where) {
        SessionFixtures fixtures = new SessionFixtures(db, accounts);
        Map<String, List<Integer>> pathTo = shortestPaths(scenario);
        Set<String> unseen = new LinkedHashSet<>();
        pathTo.forEach((node, path) -> {
            if (!scenario.node(node).isOutcome()) {
                unseen.add(node);
            }
        });
        Map<String, Integer> toEnd = stepsToAnOutcome(scenario);
        int checked = 0;
        while (!unseen.isEmpty()) {
            String target = unseen.iterator().next();
            List<Integer> path = pathTo.get(target);
            if (!path.isEmpty()) {
                // Every run in the browser ends at an outcome, so a new run ("try again") can begin here.
                fixtures.as(email, () -> {
                    ScenarioRun run = training.scenarioRun(attemptId, scenario.id());
                    if (!run.choices().isEmpty()) {
                        run = training.tryAgain(attemptId, scenario.id());
                    }
                    String at = scenario.start();
                    for (int reply : path) {
                        run = training.choose(attemptId, scenario.id(), run.run(), at, reply);
                        at = run.currentNodeId();
                    }
                    assertThat(at).isEqualTo(target);
                    return run;
                });
            }
            follow("training/" + moduleId);
            if (page.locator("#scenario-try-again").count() > 0) {
                page.locator("#scenario-try-again").click();
                waitForVaadin();
            }
            String at = target;
            while (!scenario.node(at).isOutcome()) {
                ScenarioStep.Node node = scenario.node(at);
                var buttons = page.locator("vaadin-button.scenario-reply");
                assertThat(buttons.count()).as(where + " " + at).isEqualTo(node.replies().size());
                if (unseen.remove(at)) {
                    for (int i = 0; i < node.replies().size(); i++) {
                        assertThat(buttons.nth(i).innerText().strip()).isEqualTo(node.replies().get(i).text().nl().strip());
                    }
                    checkFit(where + " at " + at);
                    checked++;
                }
                int choice = -1;
                for (int i = 0; i < node.replies().size() && choice < 0; i++) {
                    if (unseen.contains(node.replies().get(i).next())) {
                        choice = i;
                    }
                }
                if (choice < 0) {
                    break;
                }
                buttons.nth(choice).click();
                waitForVaadin();
                // What checkEveryDecisionPointInPlace builds is what the server renders after a tap.
                assertThat(page.locator(".conversation > .bubble.bubble-me").count()).as(where).isPositive();
                assertThat(page.locator(".conversation > .feedback").count()).as(where).isPositive();
                at = node.replies().get(choice).next();
            }
            // Finish the run on the server (quicker than tapping), so the next one can start afresh.
            String from = at;
            fixtures.as(email, () -> {
                ScenarioRun run = training.scenarioRun(attemptId, scenario.id());
                if (!run.currentNodeId().equals(from)) {
                    return run; // a "try again" round with no reply yet: the server is still at the last outcome
                }
                String node = from;
                for (int guard = 0; guard < 100 && !scenario.node(node).isOutcome(); guard++) {
                    List<ScenarioStep.Reply> replies = scenario.node(node).replies();
                    int best = 0;
                    for (int i = 1; i < replies.size(); i++) {
                        if (toEnd.get(replies.get(i).next()) < toEnd.get(replies.get(best).next())) {
                            best = i;
                        }
                    }
                    run = training.choose(attemptId, scenario.id(), run.run(), node, best);
                    node = run.currentNodeId();
                }
                return run;
            });
        }
        return checked;
    }

    /**
     * Puts the texts of a decision point into the scenario on the page: the conversation so far (what the
     * other said, each of this point's replies as the learner's bubble with its feedback, as they show
     * after a tap) and one reply button per reply. The elements are the ones {@code ScenarioPanel} makes
     * (the walked scenario shows them), so the theme's styles and the buttons' own layout apply.
     */
    private static final String SHOW_DECISION_POINT = """
            ({says, replies, feedback}) => {
              const conversation = document.querySelector('.conversation');
              const choices = document.querySelector('.scenario-replies');
              const button = choices.querySelector('vaadin-button.scenario-reply');
              const div = (classes, text) => {
                const d = document.createElement('div');
                d.className = classes;
                const span = document.createElement('span');
                span.textContent = text;
                d.append(span);
                return d;
              };
              conversation.replaceChildren();
              replies.forEach((reply, i) => {
                if (says) conversation.append(div('bubble bubble-them', says));
                conversation.append(div('bubble bubble-me', reply), div('feedback quality-good', feedback[i]));
              });
              if (says) conversation.append(div('bubble bubble-them', says));
              choices.querySelectorAll('vaadin-button.scenario-reply').forEach(b => b !== button && b.remove());
              let last = button;
              replies.forEach((reply, i) => {
                const b = i === 0 ? button : button.cloneNode(true);
                b.textContent = reply;
                if (i > 0) { last.after(b); last = b; }
              });
              return document.querySelectorAll('vaadin-button.scenario-reply').length;
            }""";

    private int checkEveryDecisionPointInPlace(ScenarioStep scenario, String where) {
        assertThat(page.locator("vaadin-button.scenario-reply").count()).as(where + " shows its first replies").isPositive();
        int checked = 0;
        for (String id : shortestPaths(scenario).keySet().stream().sorted().toList()) {
            ScenarioStep.Node node = scenario.node(id);
            if (node.isOutcome()) {
                continue;
            }
            Map<String, Object> texts = new HashMap<>();
            texts.put("says", node.says() == null ? null : node.says().nl());
            texts.put("replies", node.replies().stream().map(reply -> reply.text().nl()).toList());
            texts.put("feedback", node.replies().stream().map(reply -> reply.feedback().nl()).toList());
            Object shown = page.evaluate("(" + SHOW_DECISION_POINT + ")", texts);
            assertThat(((Number) shown).intValue()).as(where + " at " + id).isEqualTo(node.replies().size());
            checkFit(where + " at " + id);
            checked++;
        }
        return checked;
    }

    /** For each node, the fewest replies to an outcome. */
    private static Map<String, Integer> stepsToAnOutcome(ScenarioStep scenario) {
        Map<String, Integer> distance = new HashMap<>();
        Set<String> all = shortestPaths(scenario).keySet();
        all.stream().filter(id -> scenario.node(id).isOutcome()).forEach(id -> distance.put(id, 0));
        for (boolean changed = true; changed; ) {
            changed = false;
            for (String id : all) {
                ScenarioStep.Node node = scenario.node(id);
                if (node.isOutcome()) {
                    continue;
                }
                for (ScenarioStep.Reply reply : node.replies()) {
                    Integer via = distance.get(reply.next());
                    if (via != null && via + 1 < distance.getOrDefault(id, Integer.MAX_VALUE)) {
                        distance.put(id, via + 1);
                        changed = true;
                    }
                }
            }
        }
        all.forEach(id -> distance.putIfAbsent(id, Integer.MAX_VALUE / 2));
        return distance;
    }

    private static String words(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** Reply indexes from the start to each node, breadth first. */
    private static Map<String, List<Integer>> shortestPaths(ScenarioStep scenario) {
        Map<String, List<Integer>> paths = new HashMap<>();
        paths.put(scenario.start(), List.of());
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(scenario.start()));
        Set<String> seen = new HashSet<>(paths.keySet());
        while (!queue.isEmpty()) {
            String id = queue.poll();
            ScenarioStep.Node node = scenario.node(id);
            if (node.isOutcome()) {
                continue;
            }
            for (int i = 0; i < node.replies().size(); i++) {
                String next = node.replies().get(i).next();
                if (seen.add(next)) {
                    List<Integer> path = new ArrayList<>(paths.get(id));
                    path.add(i);
                    paths.put(next, path);
                    queue.add(next);
                }
            }
        }
        return paths;
    }

    /** The open module's step as the participant's start page links to it ("Verder waar je was"). */
    private void openWhereIWas() {
        go("");
        String href = page.locator("#home-continue").getAttribute("href");
        go(href);
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#step-heading")).isVisible();
    }

    private double top(String selector) {
        return ((Number) page.locator(selector).first().evaluate("e => e.getBoundingClientRect().top")).doubleValue();
    }

    /**
     * On a 360 x 640 phone the step starts high: the header above the step heading (module, "Stap 3 van 12 ·
     * nog 4 min", a thin bar) is short. The variant picker took ~290 px above every step; it is still one tap away.
     */
    @Test
    void onA360By640PhoneTheStepStartsHighAndTheVariantIsOneTapAway() {
        page.setViewportSize(PHONE_WIDTH, 640);
        signIn(PARTICIPANT, DEMO_PASSWORD);
        openWhereIWas();
        double header = ((Number) page.locator(".player-header").evaluate("e => e.getBoundingClientRect().height")).doubleValue();
        double heading = top("#step-heading");
        double body = top(".step-body");
        // The demo participant stands on an optional practice step: its one-line note sits above the heading too.
        assertThat(header).as("height of the player's header").isLessThanOrEqualTo(90);
        assertThat(heading).as("top of the step heading on a 640 px high screen").isLessThanOrEqualTo(230);
        assertThat(body).as("top of the step's content").isLessThanOrEqualTo(330);
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".player-header"))
                .containsText(java.util.regex.Pattern.compile("(Stap|Extra oefening) \\d+ van \\d+"));
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".player-header")).containsText("min");
        checkFit("player header");
        screenshot("player-header", PHONE_WIDTH);
        page.locator("#audience-choice vaadin-details-summary").click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#audience")).isVisible();
        checkFit("variant picker opened");
        screenshot("player-variant-picker", PHONE_WIDTH);
        checkAccessibility("player on a phone");
        assertThat(problems).isEmpty();
        assertThat(accessibilityProblems).isEmpty();
    }

    /**
     * The trainer pages on a 360 px phone: the lead's list of trainers (cards, the lapsed list and the two
     * forms) and a trainer's own standing with the kit downloads fit, with nothing cut and axe clean.
     */
    @Test
    void onA360PhoneTheTrainerPagesFitWithNothingCut() {
        page.setViewportSize(PHONE_WIDTH, 740);
        signIn(LEAD_COEVORDEN, DEMO_PASSWORD, "trainers");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#trainers-record")).isVisible();
        checkPageFit("trainers on a phone");
        screenshot("trainers", PHONE_WIDTH);
        checkAccessibility("trainers on a phone");
        newDevice();
        page.setViewportSize(PHONE_WIDTH, 740);
        signIn(TRAINER, DEMO_PASSWORD, "mijn-trainerschap");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#trainer-kit")).isVisible();
        checkPageFit("mijn-trainerschap on a phone");
        screenshot("my-trainer-standing", PHONE_WIDTH);
        checkAccessibility("mijn-trainerschap on a phone");
        assertThat(problems).isEmpty();
        assertThat(accessibilityProblems).isEmpty();
    }

    private void checkPageFit(String where) {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) page.evaluate("(" + FIT_PROBLEMS + ")(document.querySelector('#main-content') || document.body)");
        found.forEach(problem -> problems.add(where + ": " + problem));
    }

    /**
     * At 200% zoom on a 1366 x 768 laptop (683 x 384 CSS pixels, two device pixels each) the player and the
     * main pages of a participant and a coalition lead fit: no sideways scrolling, no text cut off.
     */
    @Test
    void at200PercentZoomThePlayerAndTheMainPagesFitWithNothingCut() throws Exception {
        com.microsoft.playwright.Page laptop = page;
        for (String who : List.of(PARTICIPANT, LEAD_COEVORDEN)) {
            var zoomed = laptop.context().browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                    .setViewportSize(LAPTOP_WIDTH / 2, 384).setDeviceScaleFactor(2).setLocale("nl-NL"));
            zoomed.setDefaultTimeout(20_000);
            page = zoomed.newPage();
            try {
                signIn(who, DEMO_PASSWORD);
                List<String> routes = who.equals(PARTICIPANT)
                        ? List.of("", "mijn-training", "sessies", "hulp-in-je-gemeente", "mijn-certificaten")
                        : List.of("dashboard", "gebruikers", "organisaties", "sessies/beheer", "uitnodigingen", "certificaten", "trainers");
                for (String route : routes) {
                    follow(route);
                    checkPageFit("200% " + (route.isEmpty() ? "start" : route));
                    zoomShot(route.isEmpty() ? "start" : route.replace('/', '-'));
                }
                if (who.equals(PARTICIPANT)) {
                    openWhereIWas();
                    checkFit("200% player");
                    zoomShot("player");
                }
            } finally {
                zoomed.close();
                page = laptop;
            }
        }
        assertThat(problems).isEmpty();
    }

    private void zoomShot(String name) throws java.io.IOException {
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                .setPath(java.nio.file.Path.of("target/screenshots/zoom200-" + name + ".png")).setFullPage(true));
    }
}
