package nl.omzien.api;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import nl.omzien.base.MunicipalityId;
import nl.omzien.base.SecretTokens;
import nl.omzien.dashboard.DashboardFilter;
import nl.omzien.dashboard.DashboardService;
import nl.omzien.dashboard.DashboardTable;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.api.internal.db.Tables.API_KEY;
import static nl.omzien.api.internal.db.Tables.API_KEY_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 22, decision 031: the read-only figures API over real HTTP (the app on its random port) with keys a lead
 * makes on the API keys page.
 */
class FiguresApiTest extends KaribuTest {

    @LocalServerPort
    private int port;
    @Autowired
    private ApiKeyService keys;
    @Autowired
    private DashboardService dashboard;
    @Autowired
    private DSLContext db;
    @Autowired
    private UserDetailsService accounts;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private SessionFixtures fx;
    private MunicipalityId coevorden;
    private MunicipalityId twenterand;

    @BeforeEach
    void fixtures() {
        fx = new SessionFixtures(db, accounts);
        coevorden = fx.municipality("Coevorden");
        twenterand = fx.municipality("Twenterand");
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (header != null) {
            request.header(header, value);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String figuresPath(MunicipalityId municipality, String query) {
        return "/api/v1/municipalities/" + municipality.value() + "/figures" + query;
    }

    private String newKey(String lead, MunicipalityId municipality) {
        return fx.as(lead, () -> keys.create(municipality, "Dashboard gemeentehuis")).secret();
    }

    @Test
    void aKeyGetsItsMunicipalitysFiguresWithEveryGroupUnderFiveHidden() throws Exception {
        String key = newKey(LEAD_COEVORDEN, coevorden);
        int year = LocalDate.now(clock).getYear();
        String period = "?from=" + (year - 1) + "-01&until=" + year + "-12";

        HttpResponse<String> response = get(figuresPath(coevorden, period), "X-Api-Key", key);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().allValues("Set-Cookie")).as("stateless: no session").isEmpty();
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("municipalityId").asLong()).isEqualTo(coevorden.value());
        assertThat(body.path("from").asString()).isEqualTo((year - 1) + "-01");
        assertThat(body.path("hiddenValue").asString()).isEqualTo("<5");
        List<String> names = new ArrayList<>();
        body.path("tables").forEach(t -> names.add(t.path("name").asString()));
        // The dashboard's tables, the effect section's and the campaign of the period included (issue 21), each as the
        // dashboard publishes it.
        assertThat(names).containsExactly("figures", "sector", "path", "module", "village", "over-time", "organisations", "targets",
                "effect", "effect-confidence", "effect-trend", "referrals", "stories", "campaign");

        // The same read model as the dashboard: wherever the lead's screen shows 1 to 4 people, the API says "<5".
        var filter = new DashboardFilter(coevorden, YearMonth.of(year - 1, 1), YearMonth.of(year, 12));
        List<DashboardTable> raw = fx.as(LEAD_COEVORDEN, () -> dashboard.tables(filter, Locale.of("nl"), false));
        int smallGroups = 0;
        for (DashboardTable table : raw) {
            JsonNode published = null;
            for (JsonNode t : body.path("tables")) {
                if (t.path("name").asString().equals(table.name())) {
                    published = t;
                }
            }
            if (table.name().equals("comments")) {
                assertThat(published).as("no free text in the API").isNull();
                continue;
            }
            assertThat(published).as(table.name()).isNotNull();
            assertThat(published.path("rows").size()).as(table.name()).isEqualTo(table.rows().size());
            for (int row = 0; row < table.rows().size(); row++) {
                for (int column : table.countColumns()) {
                    JsonNode cell = published.path("rows").path(row).path(column);
                    if (table.rows().get(row).get(column) instanceof Long people && people > 0 && people < 5) {
                        smallGroups++;
                        // "<5", or blank for a running total that would give a hidden month away.
                        assertThat(cell.isNumber()).as(table.name() + " row " + row + " column " + column).isFalse();
                    }
                    if (cell.isNumber()) {
                        assertThat(cell.asLong()).as(table.name() + " row " + row + " shows a small group").matches(n -> n == 0 || n >= 5);
                    }
                }
            }
        }
        assertThat(smallGroups).as("the demo data has small groups, so this test can fail").isPositive();

        HttpResponse<String> one = get(figuresPath(coevorden, "/sector" + period + "&lang=en"), "Authorization", "Bearer " + key);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(json.readTree(one.body()).path("title").asString()).isEqualTo(
                fx.as(LEAD_COEVORDEN, () -> dashboard.tables(filter, Locale.ENGLISH, true)).get(1).title());
        long keyId = db.select(API_KEY.ID).from(API_KEY).where(API_KEY.KEY_HASH.eq(SecretTokens.hash(key))).fetchSingle(API_KEY.ID);
        assertThat(db.fetchCount(API_KEY_EVENT, API_KEY_EVENT.KEY_ID.eq(keyId), API_KEY_EVENT.ACTION.eq("CALLED"),
                API_KEY_EVENT.DETAIL.eq("GET " + figuresPath(coevorden, "") + " 200"))).as("every call is logged").isEqualTo(1);
    }

    @Test
    void refusedWithoutAKeyWithAWrongOneAnotherMunicipalitysOrARevokedOne() throws Exception {
        String path = figuresPath(coevorden, "");
        assertThat(get(path, null, null).statusCode()).isEqualTo(401);
        assertThat(get(path, "X-Api-Key", "omz_" + SecretTokens.newToken()).statusCode()).isEqualTo(401);
        assertThat(get(path, "Authorization", "Bearer nonsense").statusCode()).isEqualTo(401);
        HttpResponse<String> refused = get(path, null, null);
        assertThat(refused.body()).contains("\"status\":401");
        assertThat(refused.headers().firstValue("Location")).as("no redirect to the sign-in page").isEmpty();

        String twenterandKey = newKey(LEAD_TWENTERAND, twenterand);
        assertThat(get(figuresPath(twenterand, ""), "X-Api-Key", twenterandKey).statusCode()).isEqualTo(200);
        assertThat(get(path, "X-Api-Key", twenterandKey).statusCode()).as("another municipality's figures").isEqualTo(403);

        String key = newKey(LEAD_COEVORDEN, coevorden);
        assertThat(get(path, "X-Api-Key", key).statusCode()).isEqualTo(200);
        long id = db.select(API_KEY.ID).from(API_KEY).where(API_KEY.KEY_HASH.eq(SecretTokens.hash(key))).fetchSingle(API_KEY.ID);
        assertThatThrownBy(() -> fx.as(LEAD_TWENTERAND, () -> keys.revoke(id))).isInstanceOf(AccessDeniedException.class);
        fx.as(LEAD_COEVORDEN, () -> keys.revoke(id));
        assertThat(get(path, "X-Api-Key", key).statusCode()).as("revoked").isEqualTo(401);

        // A staff account is no way in: the API's chain knows no sessions or passwords.
        assertThat(get(path, "Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((LEAD_COEVORDEN + ":" + DEMO_PASSWORD).getBytes())).statusCode()).isEqualTo(401);
        assertThat(db.fetchCount(API_KEY, API_KEY.KEY_HASH.eq(key))).as("only the hash is stored").isZero();
    }

    @Test
    void aKeyMakesAtMostSixtyCallsAMinuteThenGets429UntilTheMinuteIsOver() throws Exception {
        String key = newKey(LEAD_COEVORDEN, coevorden);
        String path = figuresPath(coevorden, "/figures?from=2026-01&until=2026-01");
        for (int i = 0; i < 60; i++) {
            assertThat(get(path, "X-Api-Key", key).statusCode()).as("call " + (i + 1)).isEqualTo(200);
        }
        HttpResponse<String> limited = get(path, "X-Api-Key", key);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("60");
        assertThat(get(path, "X-Api-Key", newKey(LEAD_COEVORDEN, coevorden)).statusCode()).as("per key").isEqualTo(200);
        long keyId = db.select(API_KEY.ID).from(API_KEY).where(API_KEY.KEY_HASH.eq(SecretTokens.hash(key))).fetchSingle(API_KEY.ID);
        assertThat(db.fetchCount(API_KEY_EVENT, API_KEY_EVENT.KEY_ID.eq(keyId), API_KEY_EVENT.ACTION.eq("RATE_LIMITED"))).isEqualTo(1);

        clock.advance(Duration.ofSeconds(61));
        assertThat(get(path, "X-Api-Key", key).statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentIsPublicAndDescribesTheEndpointsAndTheKey() throws Exception {
        HttpResponse<String> response = get("/api/v1/openapi.json", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = json.readTree(response.body());
        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("info").path("title").asString()).isEqualTo("Omzien figures API");
        List<String> paths = new ArrayList<>(document.path("paths").propertyNames());
        assertThat(paths).containsExactlyInAnyOrder("/api/v1/municipalities/{municipalityId}/figures",
                "/api/v1/municipalities/{municipalityId}/figures/{table}");
        assertThat(document.path("paths").path("/api/v1/municipalities/{municipalityId}/figures").path("get")
                .path("responses").propertyNames()).contains("200", "401", "403", "429");
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("apiKey").path("in").asString()).isEqualTo("header");
        assertThat(schemes.path("apiKey").path("name").asString()).isEqualTo("X-Api-Key");
        assertThat(schemes.path("bearer").path("scheme").asString()).isEqualTo("bearer");
    }

    @Test
    void aLeadMakesAKeyOnTheKeysPageSeesItOnceAndRevokesIt() throws Exception {
        signInAs(LEAD_COEVORDEN);
        open("api-sleutels");
        TextField label = _get(TextField.class, spec -> spec.withId("api-key-label"));
        _click(_get(Button.class, spec -> spec.withId("create-api-key")));
        assertThat(label.isInvalid()).as("a key needs a name").isTrue();

        label.setValue("Dashboard gemeentehuis");
        _click(_get(Button.class, spec -> spec.withId("create-api-key")));
        String secret = _get(TextField.class, spec -> spec.withId("api-key-secret")).getValue();
        assertThat(secret).startsWith("omz_").hasSize(47);
        long id = db.select(API_KEY.ID).from(API_KEY).where(API_KEY.KEY_HASH.eq(SecretTokens.hash(secret))).fetchSingle(API_KEY.ID);
        Div card = _get(Div.class, spec -> spec.withId("api-key-" + id));
        assertThat(_get(card, Span.class, spec -> spec.withText("Werkt"))).isNotNull();
        assertThat(get(figuresPath(coevorden, ""), "X-Api-Key", secret).statusCode()).isEqualTo(200);

        open("profiel");
        open("api-sleutels");
        assertThat(_get(Div.class, spec -> spec.withId("created-api-key")).getChildren()).as("shown once").isEmpty();
        _click(_get(Button.class, spec -> spec.withId("revoke-api-key-" + id)));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt._getHeader(confirm)).isEqualTo("Sleutel \"Dashboard gemeentehuis\" intrekken?");
        ConfirmDialogKt._fireConfirm(confirm);
        assertThat(_get(_get(Div.class, spec -> spec.withId("api-key-" + id)), Span.class, spec -> spec.withText("Ingetrokken"))).isNotNull();
        assertThat(get(figuresPath(coevorden, ""), "X-Api-Key", secret).statusCode()).isEqualTo(401);
        assertThat(db.fetchCount(API_KEY_EVENT, API_KEY_EVENT.KEY_ID.eq(id), API_KEY_EVENT.ACTION.in("CREATED", "REVOKED"),
                API_KEY_EVENT.ACTOR_ID.eq(fx.userId(LEAD_COEVORDEN)))).as("creation and revocation logged with who").isEqualTo(2);
    }

    @Test
    void theKeysPageOpenedAgainShowsAKeyMadeMeanwhile_AndNoLongerTheSecretShownOnce() {
        signInAs(LEAD_COEVORDEN);
        open("api-sleutels");
        _get(TextField.class, spec -> spec.withId("api-key-label")).setValue("Eerste sleutel");
        _click(_get(Button.class, spec -> spec.withId("create-api-key")));
        assertThat(_find(TextField.class, spec -> spec.withId("api-key-secret"))).hasSize(1);
        int before = _find(Div.class, spec -> spec.withClasses("api-key-card")).size();
        var made = keys.create(coevorden, "Gemaakt in een ander venster");
        open("api-sleutels");
        assertThat(_find(Div.class, spec -> spec.withClasses("api-key-card"))).hasSize(before + 1);
        assertThat(_find(Div.class, spec -> spec.withId("api-key-" + made.key().id()))).hasSize(1);
        assertThat(_find(TextField.class, spec -> spec.withId("api-key-secret"))).as("shown once").isEmpty();
    }

    @Test
    void onlyLeadsAndAdminsManageKeysAndALeadOnlyTheirOwnMunicipalitys() {
        assertThatThrownBy(() -> fx.as(TRAINER, () -> keys.keys(coevorden))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(LEAD_TWENTERAND, () -> keys.create(coevorden, "Elders"))).isInstanceOf(AccessDeniedException.class);
        assertThat(fx.as(ADMIN, () -> keys.create(twenterand, "Provincie")).key().municipalityId()).isEqualTo(twenterand);
    }
}
