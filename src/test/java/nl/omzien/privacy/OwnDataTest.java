package nl.omzien.privacy;

import nl.omzien.base.PersonId;

import java.util.Locale;
import java.time.YearMonth;
import nl.omzien.dashboard.DashboardFilter;
import nl.omzien.dashboard.DashboardService;
import nl.omzien.onboarding.SignInLinkService;
import nl.omzien.people.ProfileService;
import nl.omzien.people.UserAccountService;
import nl.omzien.privacy.PeopleWithData.Person;
import nl.omzien.security.internal.LoginThrottle;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionService;
import nl.omzien.test.IntegrationTest;
import nl.omzien.training.FollowUpService;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.TrainingService;
import nl.omzien.training.internal.FollowUpMailer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE;
import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE_ATTENDANCE;
import static nl.omzien.training.internal.db.Tables.MODULE_ATTEMPT;
import static nl.omzien.people.internal.db.Tables.ORGANISATION;
import static nl.omzien.privacy.internal.db.Tables.PERSONAL_DATA_AUDIT;
import static nl.omzien.sessions.internal.db.Tables.REGISTRATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;

/**
 * "Download my data" holds everything the database has about a person and nothing of anyone else;
 * "delete my account" leaves no trace of the person in any table, while the coalition's figures stay.
 */
class OwnDataTest extends IntegrationTest {

    @Autowired DSLContext db;
    @Autowired DashboardService dashboard;
    @Autowired UserDetailsService accounts;
    @Autowired TrainingService training;
    @Autowired ModuleCatalog catalog;
    @Autowired FollowUpMailer followUpMailer;
    @Autowired FollowUpService followUps;
    @Autowired SessionService sessions;
    @Autowired RegistrationService registrations;
    @Autowired SignInLinkService signInLinks;
    @Autowired LoginThrottle loginThrottle;
    @Autowired ProfileService profiles;
    @Autowired OwnDataService ownData;
    @Autowired UserAccountService users;
    @Autowired AuditLogService auditLog;

    private final JsonMapper json = JsonMapper.builder().build();
    private SessionFixtures fx;
    private Person anna;
    private Person bert;

    @BeforeEach
    void twoPeopleWithDataInEveryFeature() {
        var people = new PeopleWithData(db, accounts, training, catalog, followUpMailer, followUps, sessions, registrations,
                signInLinks, loginThrottle, profiles);
        fx = people.fixtures();
        List<Person> both = people.twoPeople("Zoë Proefpersoon");
        anna = both.get(0);
        bert = both.get(1);
    }

    private record Unzipped(String json, Map<String, byte[]> files) {
    }

    private static Unzipped unzip(byte[] zip) throws IOException {
        String document = null;
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals(OwnDataService.JSON_NAME)) {
                    document = new String(bytes, StandardCharsets.UTF_8);
                } else {
                    files.put(entry.getName(), bytes);
                }
            }
        }
        return new Unzipped(document, files);
    }

    private static List<JsonNode> rows(JsonNode root, String section, String table) {
        List<JsonNode> rows = new ArrayList<>();
        root.path("sections").path(section).path(table).forEach(rows::add);
        return rows;
    }

    /** Tables with a foreign key to app_user: each must be in the export, whichever feature added it. */
    private Set<String> tablesPointingAtPeople() {
        return new HashSet<>(db.fetch("""
                select distinct tc.table_name from information_schema.table_constraints tc
                join information_schema.constraint_column_usage ccu
                  on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
                where tc.constraint_type = 'FOREIGN KEY' and ccu.table_schema = 'people' and ccu.table_name = 'app_user'
                """).getValues(0, String.class));
    }

    @Test
    void theExportHoldsEverythingAboutThePersonAndNothingOfAnyoneElse() throws IOException {
        Unzipped export = unzip(fx.as(anna.email(), () -> ownData.exportMine()).zip());
        JsonNode root = json.readTree(export.json());

        assertThat(root.path("userId").asLong()).isEqualTo(anna.id().value());
        assertThat(rows(root, "account", "app_user")).singleElement().satisfies(user -> {
            assertThat(user.path("full_name").asString()).isEqualTo(anna.fullName());
            assertThat(user.path("email").asString()).isEqualTo(anna.email());
            assertThat(user.path("organisation").asString()).isEqualTo("Supermarkt De Brink");
        });
        assertThat(rows(root, "account", "email_change")).extracting(r -> r.path("new_email").asString()).containsExactly(anna.newEmail());
        assertThat(rows(root, "training", "module_attempt")).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(a -> assertThat(a.path("user_id").asLong()).isEqualTo(anna.id().value()));
        assertThat(rows(root, "training", "step_progress")).isNotEmpty();
        assertThat(rows(root, "training", "scenario_choice")).isNotEmpty();
        assertThat(rows(root, "training", "quiz_submission")).isNotEmpty();
        assertThat(rows(root, "training", "self_assessment")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(rows(root, "training", "reflection_answer")).extracting(r -> r.path("answer").asString())
                .containsExactly("Mijn buurman " + anna.marker());
        assertThat(rows(root, "training", "follow_up")).extracting(r -> r.path("story").asString())
                .contains("Ik zag mevrouw Jansen " + anna.marker());
        assertThat(rows(root, "sessions", "registration")).extracting(r -> r.path("session_id").asLong())
                .contains(anna.pastSession().value(), anna.futureSession().value());
        assertThat(rows(root, "sessions", "registration")).anySatisfy(r -> assertThat(r.path("attendance").asString()).isEqualTo("PRESENT"));
        assertThat(rows(root, "sessions", "session_evaluation")).singleElement()
                .satisfies(e -> assertThat(e.path("comment").asString()).isEqualTo("Fijne avond " + anna.marker()));
        assertThat(rows(root, "dashboard", "dashboard_comment")).as("the dashboard's copy, found through sessions' v_registration")
                .singleElement().satisfies(c -> assertThat(c.path("comment").asString()).isEqualTo("Fijne avond " + anna.marker()));
        assertThat(rows(root, "sessions", "session_interest")).isNotEmpty();
        assertThat(rows(root, "sessions", "calendar_feed")).hasSize(1);
        assertThat(rows(root, "sessions", "session_audit")).isNotEmpty();
        List<JsonNode> certificates = rows(root, "certificates", "certificate");
        assertThat(certificates).isNotEmpty();
        assertThat(rows(root, "certificates", "certificate_attendance")).isNotEmpty();
        assertThat(export.files().keySet()).as("every certificate's PDF is in the ZIP")
                .containsAll(certificates.stream().map(c -> "certificaten/" + c.path("code").asString() + ".pdf").toList());
        assertThat(export.files().values()).allSatisfy(pdf -> assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-"));
        assertThat(rows(root, "mail", "mail_outbox")).isNotEmpty()
                .allSatisfy(m -> assertThat(m.path("recipient").asString()).isIn(anna.email(), anna.newEmail()))
                .anySatisfy(m -> assertThat(m.path("recipient").asString()).isEqualTo(anna.newEmail()));
        assertThat(rows(root, "sign-in-links", "sign_in_link")).isNotEmpty();
        assertThat(rows(root, "sign-in", "sign_in_request")).isNotEmpty();
        assertThat(rows(root, "sign-in", "login_attempt")).isNotEmpty();
        assertThat(rows(root, "privacy", "personal_data_audit")).as("the trainer opened the participant list")
                .anySatisfy(a -> assertThat(a.path("detail").asString()).startsWith("session-participants:"));

        Set<String> exportedTables = new HashSet<>();
        root.path("sections").forEach(section -> exportedTables.addAll(section.propertyNames()));
        assertThat(exportedTables).containsAll(tablesPointingAtPeople());

        assertThat(export.json()).doesNotContain(bert.fullName(), bert.email(), bert.marker(), bert.newEmail())
                .doesNotContain("token_hash", "password_hash", "$2a$", "{bcrypt}");
    }

    /** Values in every column of every table of every feature's schema (except binary ones) that mention {@code needle}. */
    private List<String> placesMentioning(String needle) {
        List<String> found = new ArrayList<>();
        for (org.jooq.Record column : db.fetch("""
                select c.table_schema::text, c.table_name::text, c.column_name::text
                from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema not in ('pg_catalog', 'information_schema') and c.data_type <> 'bytea'
                  and t.table_type = 'BASE TABLE'
                """)) {
            String schemaName = column.get(0, String.class);
            String tableName = column.get(1, String.class);
            String columnName = column.get(2, String.class);
            int hits = db.fetchCount(table(name(schemaName, tableName)),
                    condition("position(lower({0}) in lower({1}::text)) > 0", val(needle), field(name(columnName))));
            if (hits > 0) {
                found.add(schemaName + "." + tableName + "." + columnName + " (" + hits + ")");
            }
        }
        return found;
    }

    private Map<String, Object> coalitionFigures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        var municipality = coalesce(ORGANISATION.MUNICIPALITY_ID, APP_USER.MUNICIPALITY_ID);
        figures.put("completions per municipality", db.select(municipality, count()).from(MODULE_ATTEMPT)
                .join(APP_USER).on(APP_USER.ID.eq(MODULE_ATTEMPT.USER_ID))
                .leftJoin(ORGANISATION).on(ORGANISATION.ID.eq(APP_USER.ORGANISATION_ID))
                .where(MODULE_ATTEMPT.PASSED.isTrue()).groupBy(municipality).orderBy(municipality)
                .fetchMap(municipality, count()));
        figures.put("attendance", db.fetchCount(REGISTRATION, REGISTRATION.ATTENDANCE.eq("PRESENT")));
        figures.put("certificate attendance", db.fetchCount(CERTIFICATE_ATTENDANCE));
        figures.put("certificates including revoked", db.fetchCount(CERTIFICATE));
        // What the coalition dashboard shows, nationally, over all time: a deleted account still counts.
        var allTime = new DashboardFilter(null, YearMonth.of(2000, 1),
                YearMonth.of(2100, 12));
        figures.put("dashboard headline", fx.as(ADMIN, () -> dashboard.figures(allTime)));
        figures.put("dashboard by path", fx.as(ADMIN, () -> dashboard.byPath(allTime, Locale.of("nl"))));
        figures.put("dashboard organisations", fx.as(ADMIN, () -> dashboard.organisations(allTime)));
        return figures;
    }

    @Test
    void deletingAnAccountLeavesNoPersonalDataInAnyTableYetTheCoalitionFiguresStay() {
        for (String needle : List.of(anna.fullName(), anna.email(), anna.newEmail(), anna.marker())) {
            assertThat(placesMentioning(needle)).as("before: %s is stored", needle).isNotEmpty();
        }
        Map<String, Object> before = coalitionFigures();
        assertThat(db.fetchCount(CERTIFICATE, CERTIFICATE.USER_ID.eq(anna.id()))).as("anna holds a certificate").isPositive();

        fx.as(anna.email(), () -> ownData.deleteMine());

        for (String needle : List.of(anna.fullName(), anna.email(), anna.newEmail(), anna.marker())) {
            assertThat(placesMentioning(needle)).as("after deletion, %s is nowhere", needle).isEmpty();
        }
        assertThat(coalitionFigures()).isEqualTo(before);
        assertThat(placesMentioning(bert.marker())).as("the other person's data stays").isNotEmpty();
        assertThat(placesMentioning(bert.fullName())).isNotEmpty();

        var account = db.selectFrom(APP_USER).where(APP_USER.ID.eq(anna.id())).fetchOne();
        assertThat(account.getEnabled()).isFalse();
        assertThat(account.getPasswordHash()).isNull();
        assertThat(account.getAnonymisedAt()).isNotNull();
        assertThat(db.select(CERTIFICATE.STATUS, CERTIFICATE.REVOKED_KIND).from(CERTIFICATE).where(CERTIFICATE.USER_ID.eq(anna.id()))
                .fetch(r -> r.value1() + "/" + r.value2())).isNotEmpty().containsOnly("REVOKED/ACCOUNT_DELETED");
        assertThat(db.select(REGISTRATION.STATUS).from(REGISTRATION)
                .where(REGISTRATION.USER_ID.eq(anna.id()), REGISTRATION.SESSION_ID.eq(anna.futureSession())).fetchOne(REGISTRATION.STATUS))
                .as("the seat at the coming session is given back").isEqualTo(nl.omzien.sessions.RegistrationStatus.CANCELLED);
        assertThat(db.fetchCount(PERSONAL_DATA_AUDIT, PERSONAL_DATA_AUDIT.SUBJECT_ID.eq(anna.id())))
                .as("the log of staff looking at her data outlives the account").isPositive();

        // Her address is gone, so she cannot sign in again; an admin repeating the deletion changes nothing.
        fx.as(ADMIN, () -> ownData.delete(anna.id()));
        assertThat(coalitionFigures()).as("deleting twice changes nothing").isEqualTo(before);
        assertThat(db.select(APP_USER.ANONYMISED_AT).from(APP_USER).where(APP_USER.ID.eq(anna.id())).fetchOne(APP_USER.ANONYMISED_AT))
                .isEqualTo(account.getAnonymisedAt());
    }

    @Test
    void aParticipantCannotExportOrDeleteSomeoneElseButAnAdminCanOnRequestAndItIsLogged() {
        assertThatThrownBy(() -> fx.as(bert.email(), () -> ownData.export(anna.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(bert.email(), () -> ownData.delete(anna.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(TRAINER, () -> ownData.delete(anna.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(bert.email(), () -> auditLog.entries(null))).isInstanceOf(AccessDeniedException.class);
        assertThat(placesMentioning(anna.fullName())).isNotEmpty();

        PersonId admin = fx.userId(ADMIN);
        assertThat(fx.as(ADMIN, () -> users.open(anna.id())).email()).isEqualTo(anna.email());
        assertThat(fx.as(ADMIN, () -> ownData.export(anna.id())).zip()).isNotEmpty();
        fx.as(ADMIN, () -> ownData.delete(anna.id()));
        assertThat(placesMentioning(anna.fullName())).isEmpty();

        List<AuditEntry> log = fx.as(ADMIN, () -> auditLog.entries(String.valueOf(anna.id())));
        assertThat(log).allSatisfy(entry -> {
            assertThat(entry.subjectId()).isEqualTo(anna.id());
            assertThat(entry.subjectName()).as("a deleted person is only a number").isNull();
        });
        assertThat(log).filteredOn(e -> e.actorId() != null && admin.equals(e.actorId())).extracting(AuditEntry::action)
                .contains("VIEWED", "EXPORTED", "DELETED");
        assertThat(log).filteredOn(e -> e.actorId() != null && fx.userId(TRAINER).equals(e.actorId())).extracting(AuditEntry::action)
                .contains("VIEWED", "CHANGED");
        assertThat(log).extracting(AuditEntry::detail).allSatisfy(detail ->
                assertThat(detail).doesNotContain(anna.fullName(), anna.email()));
        assertThat(fx.as(ADMIN, () -> auditLog.entries(bert.fullName()))).isNotEmpty()
                .allSatisfy(e -> assertThat(e.subjectId()).isEqualTo(bert.id()));
    }
}
