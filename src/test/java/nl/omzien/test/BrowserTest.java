package nl.omzien.test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * End-to-end tests in Debian's headless Chromium, driven by Playwright (its own browser download is
 * skipped; see STACK.md). Each test starts as a fresh device: a new tab with no cookies and no stored data.
 * <p>
 * A class keeps one browser profile, though, and with it the HTTP cache: Vaadin's client is fetched and
 * compiled once per class instead of once per test and per {@link #newDevice()}, which made the first page
 * of every fresh profile cost about three times a later one.
 */
public abstract class BrowserTest extends IntegrationTest {

    public static final int PHONE_WIDTH = 360;
    public static final int LAPTOP_WIDTH = 1366;
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static Playwright playwright;
    private static BrowserContext profile;
    private static Path profileDir;

    @LocalServerPort
    protected int port;
    protected Page page;

    @BeforeAll
    static void launchBrowser() throws java.io.IOException {
        playwright = Playwright.create();
        profileDir = Files.createTempDirectory("omzien-chromium-");
        profile = playwright.chromium().launchPersistentContext(profileDir, new BrowserType.LaunchPersistentContextOptions()
                .setExecutablePath(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")))
                .setHeadless(true)
                .setViewportSize(LAPTOP_WIDTH, 900)
                .setLocale("nl-NL")
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
        profile.setDefaultTimeout(20_000);
    }

    /**
     * Where a browser class spends its time, logged once per class ("Browser time: go 41x 60.2 s; ..."; a
     * sign-in includes its page load under "go"): page loads dominate, so that is what to make faster.
     */
    private static final java.util.Map<String, long[]> TIMINGS = new java.util.TreeMap<>();

    private static void timed(String what, long startedNanos) {
        long[] t = TIMINGS.computeIfAbsent(what, k -> new long[2]);
        t[0]++;
        t[1] += System.nanoTime() - startedNanos;
    }

    @AfterAll
    static void closeBrowser() {
        var summary = new StringBuilder();
        TIMINGS.forEach((what, t) -> summary.append(String.format(" %s %dx %.1f s;", what, t[0], t[1] / 1e9)));
        System.out.println("Browser time:" + summary);
        TIMINGS.clear();
        if (profile != null) {
            profile.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (profileDir != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(profileDir.toFile());
        }
    }

    @BeforeEach
    void startAsANewDevice() {
        newDevice();
    }

    /**
     * Another device: a new tab with nothing of earlier tests or tabs, no cookies (so no session, no
     * remember-me), no local or session storage, no IndexedDB or service workers for this app; only the HTTP
     * cache of Vaadin's static files stays, as it may on any device.
     */
    protected void newDevice() {
        long started = System.nanoTime();
        // The new tab first: a persistent profile without any tab would be a browser without a window.
        Page fresh = profile.newPage();
        for (Page open : profile.pages()) {
            if (open != fresh) {
                open.close();
            }
        }
        profile.clearCookies();
        profile.clearPermissions();
        page = fresh;
        var devtools = profile.newCDPSession(page);
        var clear = new com.google.gson.JsonObject();
        clear.addProperty("origin", "http://localhost:" + port);
        clear.addProperty("storageTypes", "local_storage,indexeddb,service_workers,cache_storage,websql,file_systems");
        devtools.send("Storage.clearDataForOrigin", clear);
        devtools.detach();
        timed("newDevice", started);
    }

    @AfterEach
    void blankTab() {
        // Leave a blank tab: nothing of this test keeps running (polls, heartbeats) into the next.
        page.navigate("about:blank");
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** Opens a Vaadin route and waits until the client has rendered it. */
    protected void go(String path) {
        long started = System.nanoTime();
        page.navigate(url(path));
        waitForVaadin();
        timed("go", started);
    }

    /**
     * Moves to a route inside the open app as a link in it does: Vaadin's client asks the server for the
     * view, without a page load. The view reads its data on entry, so it shows what the server holds now.
     * For loops that visit dozens of states of one page; {@link #go} is the person opening an address.
     */
    protected void follow(String path) {
        long started = System.nanoTime();
        // Wait for the server's answer to this navigation: the client may send it a moment after the click,
        // so checking at once that Vaadin is idle could still see the previous view. Only the answer to the
        // request that carries the navigation counts: another round trip still under way when the link is
        // clicked (CI once saw the previous step's heading after one) is not it.
        page.waitForResponse(response -> response.url().contains("v-r=uidl") && carriesNavigation(response.request()), () -> page.evaluate("""
                href => {
                  const link = document.createElement('a');
                  link.href = href;
                  document.body.append(link);
                  link.click();
                  link.remove();
                }""", url(path)));
        waitForVaadin();
        timed("follow", started);
    }

    private static boolean carriesNavigation(Request request) {
        String body = request.postData();
        return body != null && body.contains("\"ui-navigate\"");
    }

    protected void waitForVaadin() {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients "
                + "&& Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    /**
     * Signs in the way the login form does (the same POST with the page's CSRF token, then the admin's
     * authenticator code), but over HTTP in this browser's cookie jar, then shows where the app sent the
     * person. The form itself is tested by {@link #signInThroughTheForm}; here it would cost two page loads
     * for every sign-in of every journey (a third of the browser tests' time).
     */
    protected void signIn(String email, String password) {
        long started = System.nanoTime();
        String landing = signInOverHttp(email, password);
        page.navigate(landing);
        if (!page.url().contains("/login/")) {
            waitForVaadin();
        }
        timed("signIn", started);
    }

    /** Signs in over HTTP as {@link #signIn} does and opens {@code path} instead of the landing page. */
    protected void signIn(String email, String password, String path) {
        long started = System.nanoTime();
        String landing = signInOverHttp(email, password);
        assertSignedIn(landing);
        timed("signIn", started);
        go(path);
    }

    private static void assertSignedIn(String landing) {
        if (landing.contains("/login")) {
            throw new AssertionError("Sign-in did not get past " + landing);
        }
    }

    /** Types the email address and password into the login page and presses Enter, as a person does. */
    protected void signInThroughTheForm(String email, String password) {
        long started = System.nanoTime();
        signInSteps(email, password);
        timed("signInThroughTheForm", started);
    }

    /** The form's POST (and the admin's code) over HTTP; returns the address the app redirects to. */
    private String signInOverHttp(String email, String password) {
        String location = postForm(url("login"), com.microsoft.playwright.options.FormData.create()
                .set("username", email).set("password", password));
        if (location.contains("/login/code") && ADMIN.equalsIgnoreCase(email)) {
            location = postForm(location, com.microsoft.playwright.options.FormData.create()
                    .set("code", nextTotpCode(ADMIN, ADMIN_TOTP_SECRET)));
        }
        return location;
    }

    /** Opens the form's page for its CSRF token, posts the form to the same address, returns where it redirects. */
    private String postForm(String address, com.microsoft.playwright.options.FormData form) {
        var http = page.context().request();
        var formPage = http.get(address);
        form.set("_csrf", CsrfToken.in(formPage.text(), formPage.url() + " (" + formPage.status() + ")"));
        String location = http.post(address, com.microsoft.playwright.options.RequestOptions.create().setForm(form)
                .setMaxRedirects(0)).headers().get("location");
        if (location == null) {
            throw new AssertionError("The sign-in did not redirect from " + address);
        }
        return location.startsWith("http") ? location : url(location.replaceFirst("^/", ""));
    }

    private void signInSteps(String email, String password) {
        go("login");
        page.locator("vaadin-text-field[name='username'] input").fill(email);
        page.locator("vaadin-password-field[name='password'] input").fill(password);
        page.locator("vaadin-password-field[name='password'] input").press("Enter");
        page.waitForURL(u -> !u.contains("/login") || u.contains("error") || u.contains("throttled")
                || u.contains("/login/code") || u.contains("/login/instellen"));
        // The demo admin has an authenticator app: type the code it would show (other staff: the test does).
        if (page.url().contains("/login/code") && ADMIN.equalsIgnoreCase(email)) {
            enterSignInCode(nextTotpCode(ADMIN, ADMIN_TOTP_SECRET));
        }
        if (!page.url().contains("/login/")) {
            waitForVaadin();
        }
    }

    /** The second sign-in step (a plain page, no Vaadin): type the code and wait to leave the page. */
    protected void enterSignInCode(String code) {
        page.locator("#code").fill(code);
        page.locator("#code").press("Enter");
        page.waitForURL(u -> !u.contains("/login/code") || u.contains("wrong") || u.contains("expired"));
        if (!page.url().contains("/login")) {
            waitForVaadin();
        }
    }

    /** Whether the page (and the app's main area, when there is one) fits its width: no sideways scrolling. */
    protected boolean noSidewaysScroll() {
        return (Boolean) page.evaluate("() => [document.documentElement, document.querySelector('#main-content')]"
                + ".filter(e => e).every(e => e.scrollWidth <= e.clientWidth)");
    }

    /** Screenshot for a human to look at (target/screenshots), at a phone or laptop width. */
    protected void screenshot(String name, int width) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var before = page.viewportSize();
        page.setViewportSize(width, width == PHONE_WIDTH ? 780 : 900);
        afterLayout();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-" + width + ".png")).setFullPage(true));
        page.setViewportSize(before.width, before.height);
        afterLayout();
        timed("screenshot", started);
    }

    /**
     * Waits until the browser has laid out and painted twice since now: resize observers (Vaadin's
     * responsive layouts) have run. Fixed waits of 300 and 200 ms here cost half a minute per suite run.
     */
    private void afterLayout() {
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done))))");
    }

    /**
     * Problems found by {@link #checkAccessibility}: serious and critical violations of axe-core's full
     * default rule set (WCAG 2.x A/AA and best practices), and any violation of the landmark and heading
     * rules (one {@code <main>}, all content in landmarks, no skipped heading level) and of Label in Name
     * (the experimental {@code label-content-name-mismatch}, switched on here); assert it is empty.
     */
    protected final java.util.Set<String> accessibilityProblems = new java.util.TreeSet<>();

    /** Landmark and heading rules axe rates "moderate", which the issue still counts as failures. */
    private static final java.util.Set<String> STRUCTURE_RULES = java.util.Set.of("landmark-one-main", "region", "heading-order",
            "landmark-no-duplicate-main", "landmark-unique", "label-content-name-mismatch");

    /**
     * axe-core as Deque ships it for Playwright (the {@code axe.min.js} in its jar). It is put into a page
     * once and run there directly: Deque's AxeBuilder injected it anew and carried every result back to Java
     * on each call, three to five times the cost of the analysis itself (measured: injection 170-300 ms and
     * AxeBuilder 300-830 ms against 70-150 ms for the run).
     */
    private static final String AXE_SOURCE;

    static {
        try (var in = BrowserTest.class.getResourceAsStream("/axe.min.js")) {
            AXE_SOURCE = new String(java.util.Objects.requireNonNull(in, "axe.min.js (com.deque.html.axe-core:playwright)")
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core on the current page: its whole default rule set (WCAG 2.x A/AA and best practices, which
     * hold the landmark rules) plus Label in Name, and remembers the violations described at
     * {@link #accessibilityProblems}.
     */
    protected void checkAccessibility(String where) {
        long started = System.nanoTime();
        // Colours are only final once opening animations (notifications, overlays) have finished.
        page.waitForFunction("() => document.getAnimations().every(a => a.playState !== 'running'"
                + " || a.effect?.getTiming().iterations === Infinity)");
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate(AXE_SOURCE);
        }
        // Vaadin's connection indicator hangs off <body> on every page, empty while connected. WCAG 2.5.3 Label in
        // Name: axe marks its rule experimental and leaves it off unless asked; voice control ("klik Openen") needs
        // the accessible name to start with the visible text. Only violations travel back.
        @SuppressWarnings("unchecked")
        var violations = (List<java.util.Map<String, Object>>) page.evaluate("""
                async () => {
                  const results = await axe.run({exclude: [['vaadin-connection-indicator']]}, {
                    resultTypes: ['violations'],
                    rules: {'label-content-name-mismatch': {enabled: true}}
                  });
                  return results.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      targets: JSON.stringify(v.nodes.map(n => n.target))}));
                }""");
        for (var violation : violations) {
            String id = (String) violation.get("id");
            Object impact = violation.get("impact");
            if ("serious".equals(impact) || "critical".equals(impact) || STRUCTURE_RULES.contains(id)) {
                accessibilityProblems.add(where + ": " + id + " " + violation.get("help") + " " + violation.get("targets"));
            }
        }
        timed("axe", started);
    }

    protected void waitVisible(String selector) {
        page.locator(selector).first().waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(WaitForSelectorState.VISIBLE));
    }
}
