package nl.omzien.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitHereIfFailed;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Participants (and a few coalition leads) using Omzien over HTTP the way Vaadin's browser client does:
 * sign in with the form, load the page and its UI (init), then UIDL requests for every navigation and click.
 * Each virtual user has its own account, HTTP session and UI, and thinks between actions.
 * <p>
 * System properties: baseUrl, users (concurrent), rampSeconds, durationSeconds (at full load), thinkMinMs,
 * thinkMaxMs, mode ({@code mix}: the whole journey in a loop; {@code hold}: sign in, open Mijn training and
 * the player, then stay signed in without acting, for the memory measurement; {@code floor}: sign in, open Mijn
 * training, then only empty round trips, the cost of Vaadin's request handling alone), startModule ({@code hold} only:
 * {@code false} keeps the users on the module's confidence questions instead of starting it), leadShare (one in N
 * users is a coalition lead opening the dashboard; 0 for none), accountPrefix, settleSeconds (after the ramp, before
 * the full-load window whose UIDL requests are reported apart, with the suffix " (full load)").
 */
public class OmzienSimulation extends Simulation {

    static final String BASE = System.getProperty("baseUrl", "http://localhost:18080");
    static final int USERS = Integer.getInteger("users", 50);
    static final int RAMP = Integer.getInteger("rampSeconds", 30);
    static final int DURATION = Integer.getInteger("durationSeconds", 120);
    static final int THINK_MIN = Integer.getInteger("thinkMinMs", 2000);
    static final int THINK_MAX = Integer.getInteger("thinkMaxMs", 5000);
    static final String MODE = System.getProperty("mode", "mix");
    static final boolean START_IN_HOLD = Boolean.parseBoolean(System.getProperty("startModule", "true"));
    static final int LEAD_SHARE = Integer.getInteger("leadShare", 20);
    static final String PREFIX = System.getProperty("accountPrefix", "load-");
    static final String PASSWORD = System.getProperty("password", "omzien-demo");
    static final String LEAD = System.getProperty("leadAccount", "coalitie@coevorden.example");
    static final List<String> MODULES = List.of("herkennen", "gesprek", "doorverwijzen");
    /** Seconds after the ramp before the full-load window opens (JIT warm-up and the last sign-ins settle). */
    static final int SETTLE = Integer.getInteger("settleSeconds", 30);

    /** The full-load window, from the start of injection: [ramp + settle, ramp + duration), in nanoTime. */
    private static volatile long windowFrom = Long.MAX_VALUE;
    private static volatile long windowTo = Long.MAX_VALUE;

    private static final AtomicInteger NEXT_USER = new AtomicInteger();

    HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .userAgentHeader("omzien-load (Gatling)")
            .acceptLanguageHeader("nl")
            .disableCaching();

    /** The account of the next virtual user: participants load-00001 … (see AccountSeeder); now and then a lead. */
    static Session pickAccount(Session session) {
        int n = NEXT_USER.incrementAndGet();
        boolean lead = LEAD_SHARE > 0 && n % LEAD_SHARE == 0 && "mix".equals(MODE);
        return session.set("email", lead ? LEAD : AccountSeeder.email(PREFIX, (n - 1) % (2 * USERS) + 1))
                .set("lead", lead)
                .set("module", MODULES.get(n % MODULES.size()));
    }

    static final ChainBuilder SIGN_IN = exec(OmzienSimulation::pickAccount)
            .exec(http("login page").get("/login")
                    .check(status().is(200), regex("<meta name=\"_csrf\" content=\"([^\"]+)\"").saveAs("csrf")))
            .exitHereIfFailed()
            .exec(http("sign in").post("/login")
                    .formParam("username", "#{email}")
                    .formParam("password", PASSWORD)
                    .formParam("_csrf", "#{csrf}")
                    // The form posts, Spring redirects to "/", the browser loads the page (followed here).
                    .check(status().is(200), regex("<meta name=\"_csrf\"").exists()))
            .exitHereIfFailed()
            .exec(http("ui init").get("/?v-r=init&location=&query=")
                    .check(status().is(200), bodyString().saveAs("init")))
            .exitHereIfFailed()
            .exec(session -> session.set("ui", VaadinUi.fromInit(session.getString("init"))).remove("init"))
            .exitHereIfFailed();

    /** One UIDL round trip: rpc made from the UI's current state (empty = nothing to send, skipped). */
    static ChainBuilder uidl(String name, Function<VaadinUi, Optional<ArrayNode>> rpc) {
        return exec(session -> {
            VaadinUi ui = (VaadinUi) session.get("ui");
            return rpc.apply(ui).map(r -> session.set("body", ui.request(r)).set("send", true))
                    .orElseGet(() -> session.set("send", false));
        }).doIf("#{send}").then(
                exec(http(session -> inWindow() ? name + FULL_LOAD : name).post(session -> "/?v-r=uidl&v-uiId=" + ((VaadinUi) session.get("ui")).uiId())
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .body(StringBody("#{body}"))
                        .check(status().is(200), bodyString().saveAs("answer")))
                        .exec(session -> {
                            if (session.isFailed()) {
                                return session;
                            }
                            try {
                                ((VaadinUi) session.get("ui")).applyResponse(session.getString("answer"));
                                return session.remove("answer");
                            } catch (RuntimeException e) {
                                System.err.println(name + ": " + e.getMessage());
                                return session.markAsFailed();
                            }
                        }));
    }

    /** Suffix of the requests sent in the full-load window: the report gives them their own rows. */
    static final String FULL_LOAD = " (full load)";

    static boolean inWindow() {
        long now = System.nanoTime();
        return now >= windowFrom && now < windowTo;
    }

    static Optional<ArrayNode> clickIfPresent(VaadinUi ui, String elementId) {
        return ui.elementById(elementId).filter(node -> !ui.disabled(node)).map(VaadinUi::click);
    }

    static ChainBuilder think() {
        return pause(Duration.ofMillis(THINK_MIN), Duration.ofMillis(Math.max(THINK_MIN, THINK_MAX)));
    }

    /** A module not started yet: the three confidence questions, then "Beginnen" (nothing to send otherwise). */
    static final ChainBuilder START_MODULE = uidl("start module", ui -> ui.elementById("start-module").map(start -> {
        ArrayNode rpc = VaadinUi.JSON.createArrayNode();
        for (String question : List.of("before-recognise", "before-raise", "before-refer")) {
            ui.elementById(question).ifPresent(node -> rpc.addAll(VaadinUi.setValue(node, "3")));
        }
        rpc.addAll(VaadinUi.click(start));
        return rpc;
    }));

    /** Mijn training, the player (start if needed, then step by step), the sessions list and a sign-up or cancel. */
    static final ChainBuilder PARTICIPANT_ROUND = exec(uidl("Mijn training", ui -> Optional.of(VaadinUi.navigate("mijn-training"))))
            .exec(think())
            .exec(uidl("open player", ui -> {
                var modules = Stream.of("open-gesprek", "open-doorverwijzen", "open-herkennen", "open-voorbeeld")
                        .filter(id -> ui.elementById(id).isPresent()).toList();
                return modules.isEmpty() ? Optional.empty()
                        : clickIfPresent(ui, modules.get(ThreadLocalRandom.current().nextInt(modules.size())));
            }))
            .exec(think())
            .exec(START_MODULE)
            .exec(repeat(Integer.getInteger("stepsPerRound", 6)).on(
                    think(),
                    // Forward while the step allows it; a step that needs an answer first sends the user back a step.
                    exec(session -> session.set("canNext",
                            clickIfPresent((VaadinUi) session.get("ui"), "next-step").isPresent())),
                    doIfOrElse("#{canNext}").then(uidl("player next", ui -> clickIfPresent(ui, "next-step")))
                            .orElse(uidl("player back", ui -> clickIfPresent(ui, "previous-step")))))
            .exec(think())
            .exec(uidl("sessions list", ui -> Optional.of(VaadinUi.navigate("sessies"))))
            .exec(think())
            .exec(session -> {
                VaadinUi ui = (VaadinUi) session.get("ui");
                Optional<String> cancel = ui.elementIdStartingWith("cancel-");
                return session.set("seatAction", cancel.isPresent() ? "cancel" : "signup")
                        .set("seatButton", cancel.or(() -> ui.elementIdStartingWith("signup-")).orElse(""));
            })
            .doIfEquals("#{seatAction}", "signup").then(uidl("sign up", ui -> ui.elementIdStartingWith("signup-")
                    .flatMap(id -> clickIfPresent(ui, id))))
            .doIfEquals("#{seatAction}", "cancel").then(uidl("cancel sign-up", ui -> ui.elementIdStartingWith("cancel-")
                    .flatMap(id -> clickIfPresent(ui, id))))
            .exec(think());

    static final ChainBuilder LEAD_ROUND = exec(uidl("dashboard", ui -> Optional.of(VaadinUi.navigate("dashboard"))))
            .exec(think()).exec(think())
            .exec(uidl("home (lead)", ui -> Optional.of(VaadinUi.navigate(""))))
            .exec(think());

    ScenarioBuilder mix = scenario("participants and leads")
            .exec(SIGN_IN)
            .exec(think())
            .exec(during(Duration.ofSeconds(RAMP + DURATION + 60)).on(
                    doIfOrElse("#{lead}").then(LEAD_ROUND).orElse(PARTICIPANT_ROUND)));

    /** Signs in, opens Mijn training and a module in the player, starts it, then only keeps the session. */
    ScenarioBuilder hold = scenario("signed in, idle")
            .exec(SIGN_IN)
            .exec(uidl("Mijn training", ui -> Optional.of(VaadinUi.navigate("mijn-training"))))
            .exec(uidl("open player", ui -> clickIfPresent(ui, "open-herkennen")))
            // startModule=false: stay on the module's first page with its confidence questions (the heaviest state).
            .doIf(session -> START_IN_HOLD).then(START_MODULE)
            .exec(pause(Duration.ofSeconds(RAMP + DURATION + 600)));

    /**
     * The cheapest round trip Vaadin has: a UIDL request with no RPC calls (what the client sends to fetch pending
     * changes). It passes everything every click passes (Tomcat, Spring Security, the session check, Vaadin's
     * request handling, collecting and writing the answer) and nothing a page adds. Its cost per request at full
     * load is the floor under every action of the app on this stack.
     */
    ScenarioBuilder floor = scenario("empty round trips")
            .exec(SIGN_IN)
            .exec(uidl("Mijn training", ui -> Optional.of(VaadinUi.navigate("mijn-training"))))
            .exec(during(Duration.ofSeconds(RAMP + DURATION + 60)).on(
                    think(), uidl("empty round trip", ui -> Optional.of(VaadinUi.JSON.createArrayNode()))));

    {
        ScenarioBuilder chosen = switch (MODE) {
            case "hold" -> hold;
            case "floor" -> floor;
            default -> mix;
        };
        setUp(chosen.injectClosed(
                rampConcurrentUsers(0).to(USERS).during(Duration.ofSeconds(RAMP)),
                constantConcurrentUsers(USERS).during(Duration.ofSeconds(DURATION))))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(RAMP + DURATION + 30));
    }

    @Override
    public void before() {
        AccountSeeder.ensureAccounts(PREFIX, 2 * USERS);
        // Injection starts right after this; bench/load.sh reads the app's CPU at these two marks.
        long start = System.nanoTime();
        windowFrom = start + Duration.ofSeconds(RAMP + SETTLE).toNanos();
        windowTo = start + Duration.ofSeconds(RAMP + Math.max(SETTLE, DURATION)).toNanos();
        Thread.ofPlatform().daemon().start(() -> {
            mark(windowFrom, "OMZIEN-WINDOW-START");
            mark(windowTo, "OMZIEN-WINDOW-END");
        });
    }

    private static void mark(long at, String line) {
        try {
            Thread.sleep(Duration.ofNanos(Math.max(0, at - System.nanoTime())));
        } catch (InterruptedException e) {
            return;
        }
        System.out.println(line);
        System.out.flush();
    }
}
