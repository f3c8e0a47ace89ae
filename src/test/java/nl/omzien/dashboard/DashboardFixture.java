package nl.omzien.dashboard;

import nl.omzien.base.OrganisationId;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import nl.omzien.sessions.RegistrationId;
import nl.omzien.sessions.SessionId;
import nl.omzien.certificates.CertificateId;
import nl.omzien.certificates.CertificateIssued;
import nl.omzien.people.OrganisationChanged;
import nl.omzien.people.Sector;
import nl.omzien.people.PersonPlacementChanged;
import nl.omzien.sessions.SessionAttended;
import nl.omzien.sessions.TrainingSession;
import nl.omzien.sessions.SessionEvaluated;
import nl.omzien.training.ModuleCompleted;
import nl.omzien.training.ModuleStarted;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE;
import static nl.omzien.training.internal.db.Tables.MODULE_ATTEMPT;
import static nl.omzien.training.internal.db.Tables.MODULE_VERSION;
import static nl.omzien.people.internal.db.Tables.MUNICIPALITY;
import static nl.omzien.people.internal.db.Tables.ORGANISATION;
import static nl.omzien.sessions.internal.db.Tables.REGISTRATION;
import static nl.omzien.training.internal.db.Tables.SELF_ASSESSMENT;
import static nl.omzien.sessions.internal.db.Tables.SESSION_EVALUATION;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;
import static nl.omzien.people.internal.db.Tables.USER_ROLE;

/**
 * A small municipality of its own with hand-computed dashboard answers for 2025 (see
 * DashboardFiguresTest): three organisations, seven people, certificates around both ends of 2025
 * (one of them to be revoked), module attempts around midnight of New Year in Amsterdam time, and
 * sessions with attendance and evaluations. Source rows are written as the features write them and the
 * same events are published in the same transaction, so the dashboard's listeners do the rest.
 */
public final class DashboardFixture {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    public static final String PATH_X = "signaleerder";
    static final String PATH_Y = "signaleerder-met-training";

    public final MunicipalityId municipalityId;
    public final String municipalityName;
    public final String leadEmail;
    public final Map<String, OrganisationId> organisations = new HashMap<>();
    public final Map<String, PersonId> people = new HashMap<>();
    public final Map<String, CertificateId> certificates = new HashMap<>();
    final String moduleId;

    private final DSLContext db;
    private final ApplicationEventPublisher events;
    private final int moduleVersion;
    private int arrival;

    private DashboardFixture(DSLContext db, ApplicationEventPublisher events) {
        this.db = db;
        this.events = events;
        String tag = UUID.randomUUID().toString().substring(0, 8);
        municipalityName = "Fixtuurstad " + tag;
        municipalityId = db.insertInto(MUNICIPALITY).set(MUNICIPALITY.NAME, municipalityName).returning(MUNICIPALITY.ID).fetchOne().getId();
        leadEmail = "lead-" + tag + "@fixture.example";
        String hash = db.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.EMAIL.eq("deelnemer@omzien.example")).fetchOne().value1();
        var lead = db.insertInto(APP_USER).set(APP_USER.EMAIL, leadEmail).set(APP_USER.FULL_NAME, "Lead " + tag)
                .set(APP_USER.PASSWORD_HASH, hash).set(APP_USER.MUNICIPALITY_ID, municipalityId).returning(APP_USER.ID).fetchOne().getId();
        db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, lead).set(USER_ROLE.ROLE, "COALITION_LEAD").execute();
        events.publishEvent(new PersonPlacementChanged(lead, null, municipalityId));
        var module = db.select(MODULE_VERSION.MODULE_ID, MODULE_VERSION.VERSION).from(MODULE_VERSION)
                .orderBy(MODULE_VERSION.MODULE_ID, MODULE_VERSION.VERSION).limit(1).fetchOne();
        moduleId = module.value1();
        moduleVersion = module.value2();

        organisation("A", "Kapsalon Fixture " + tag, "HAIRDRESSER", "Dalen");
        organisation("B", "Thuiszorg Fixture " + tag, "HOME_CARE", "Sleen");
        organisation("C", "Bakker Fixture " + tag, "BAKERY", null);
        person("p1", "A", tag);
        person("p2", "A", tag);
        person("p3", "B", tag);
        person("p4", "B", tag);
        person("p5", "B", tag);
        person("p6", "B", tag);
        person("p7", "C", tag);
    }

    /** Builds the whole fixture in one transaction, publishing what the features would publish. */
    public static DashboardFixture create(DSLContext db, ApplicationEventPublisher events, TransactionTemplate tx) {
        return tx.execute(status -> {
            DashboardFixture f = new DashboardFixture(db, events);
            f.fill();
            return f;
        });
    }

    private void fill() {
        certificate("p1", PATH_X, LocalDate.of(2025, 3, 10));
        certificate("p2", PATH_X, LocalDate.of(2025, 1, 1));
        certificate("p3", PATH_X, LocalDate.of(2024, 12, 31));
        certificate("p3", PATH_Y, LocalDate.of(2025, 2, 5));
        certificate("p4", PATH_X, LocalDate.of(2025, 6, 15));
        certificate("p5", PATH_X, LocalDate.of(2025, 12, 31));
        certificate("p6", PATH_X, LocalDate.of(2026, 1, 1));

        attempt("p1", at(2025, 2, 20, 10, 0), at(2025, 3, 1, 11, 0), new int[]{2, 2, 2}, new int[]{4, 4, 4});
        attempt("p2", at(2024, 12, 20, 10, 0), at(2025, 1, 1, 10, 0), new int[]{1, 2, 3}, new int[]{3, 3, 3});
        attempt("p7", at(2025, 4, 1, 9, 0), null, new int[]{3, 3, 3}, null);
        attempt("p5", at(2025, 12, 31, 23, 30), null, new int[]{2, 3, 4}, null);
        attempt("p6", at(2026, 1, 1, 0, 30), null, new int[]{2, 3, 4}, null);

        var s1 = session("Training Fixture mei", at(2025, 5, 10, 19, 30), false);
        var r1 = registration(s1, "p1", "CONFIRMED", "PRESENT");
        var r2 = registration(s1, "p2", "CONFIRMED", "PRESENT");
        registration(s1, "p3", "CONFIRMED", "ABSENT");
        registration(s1, "p4", "CANCELLED", null);
        evaluation(s1, r1, 8, "Meer oefenen met gesprekken", "Heel leerzaam", at(2025, 5, 11, 9, 0));
        evaluation(s1, r2, 6, "Kortere pauze", null, at(2025, 5, 12, 9, 0));
        attended(s1, "p1");

        var s2 = session("Training Fixture september", at(2025, 9, 1, 19, 30), false);
        var r5 = registration(s2, "p5", "CONFIRMED", "PRESENT");
        registration(s2, "p6", "CONFIRMED", null);
        evaluation(s2, r5, 10, "Niets", "Top avond", at(2025, 9, 2, 9, 0));
        attended(s2, "p5");

        var s3 = session("Training Fixture oktober", at(2025, 10, 1, 19, 30), false);
        registration(s3, "p7", "CONFIRMED", null);
        attended(s3, "p7");

        var s4 = session("Training Fixture januari", at(2026, 1, 2, 19, 30), false);
        var r9 = registration(s4, "p1", "CONFIRMED", "PRESENT");
        evaluation(s4, r9, 2, "Buiten de periode", "Buiten de periode", at(2026, 1, 3, 9, 0));
        attended(s4, "p1");

        var s5 = session("Training Fixture afgelast", at(2025, 11, 1, 19, 30), true);
        registration(s5, "p7", "SESSION_CANCELLED", null);
        attended(s5, "p7");
    }

    static OffsetDateTime at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(AMSTERDAM).toOffsetDateTime();
    }

    /** One more organisation with {@code staff} people and no training: with five or more, not a small one. */
    public void organisationWithStaff(String key, String name, int staff) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        organisation(key, name, "BAKERY", "Dalen");
        for (int i = 1; i <= staff; i++) {
            person(key + "-staff" + i, key, tag);
        }
    }

    private void organisation(String key, String name, String sector, String village) {
        var id = db.insertInto(ORGANISATION).set(ORGANISATION.MUNICIPALITY_ID, municipalityId)
                .set(ORGANISATION.NAME, name).set(ORGANISATION.SECTOR, Sector.valueOf(sector).code()).set(ORGANISATION.VILLAGE, village)
                .returning(ORGANISATION.ID).fetchOne().getId();
        organisations.put(key, id);
        events.publishEvent(new OrganisationChanged(id, municipalityId, sector, village));
    }

    private void person(String key, String organisation, String tag) {
        var id = db.insertInto(APP_USER).set(APP_USER.EMAIL, key + "-" + tag + "@fixture.example")
                .set(APP_USER.FULL_NAME, "Persoon " + key + " " + tag)
                .set(APP_USER.ORGANISATION_ID, organisations.get(organisation)).returning(APP_USER.ID).fetchOne().getId();
        db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, "PARTICIPANT").execute();
        people.put(key, id);
        events.publishEvent(new PersonPlacementChanged(id, organisations.get(organisation), null));
    }

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static String code() {
        StringBuilder code = new StringBuilder("OMZ");
        for (int group = 0; group < 3; group++) {
            code.append('-');
            for (int i = 0; i < 4; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return code.toString();
    }

    /** A certificate as the issuer stores it (without a PDF), and its event. */
    CertificateId certificate(String person, String path, LocalDate completedOn) {
        String code = code();
        CertificateId id = db.insertInto(CERTIFICATE).set(CERTIFICATE.CODE, code).set(CERTIFICATE.USER_ID, people.get(person))
                .set(CERTIFICATE.PATH_ID, path).set(CERTIFICATE.CYCLE, 1).set(CERTIFICATE.HOLDER_NAME, "Persoon " + person)
                .set(CERTIFICATE.MUNICIPALITY_ID, municipalityId).set(CERTIFICATE.MUNICIPALITY_NAME, municipalityName)
                .set(CERTIFICATE.PATH_TITLE_NL, path).set(CERTIFICATE.PATH_TITLE_EN, path)
                .set(CERTIFICATE.COMPLETED_ON, completedOn).set(CERTIFICATE.ISSUED_AT, completedOn.atStartOfDay(AMSTERDAM).toOffsetDateTime())
                .set(CERTIFICATE.PDF_SHA256, "0".repeat(64))
                .returning(CERTIFICATE.ID).fetchOne().getId();
        certificates.put(person + "/" + path, id);
        events.publishEvent(new CertificateIssued(id, people.get(person), path, code));
        return id;
    }

    private void attempt(String person, OffsetDateTime started, OffsetDateTime completed, int[] pre, int[] post) {
        PersonId userId = people.get(person);
        long id = db.insertInto(MODULE_ATTEMPT).set(MODULE_ATTEMPT.USER_ID, userId).set(MODULE_ATTEMPT.MODULE_ID, moduleId)
                .set(MODULE_ATTEMPT.VERSION, moduleVersion).set(MODULE_ATTEMPT.AUDIENCE, "PROFESSIONAL")
                .set(MODULE_ATTEMPT.STARTED_AT, started).set(MODULE_ATTEMPT.COMPLETED_AT, completed)
                .set(MODULE_ATTEMPT.SCORE_PERCENT, completed == null ? null : 90).set(MODULE_ATTEMPT.PASSED, completed == null ? null : true)
                .returning(MODULE_ATTEMPT.ID).fetchOne().getId();
        assessment(id, "PRE", pre, started);
        events.publishEvent(new ModuleStarted(id, userId, moduleId));
        if (completed != null) {
            assessment(id, "POST", post, completed);
            events.publishEvent(new ModuleCompleted(id, userId, moduleId, moduleVersion, 90, completed));
        }
    }

    private void assessment(long attemptId, String phase, int[] scores, OffsetDateTime at) {
        db.insertInto(SELF_ASSESSMENT).set(SELF_ASSESSMENT.ATTEMPT_ID, attemptId).set(SELF_ASSESSMENT.PHASE, phase)
                .set(SELF_ASSESSMENT.RECOGNISE, (short) scores[0]).set(SELF_ASSESSMENT.RAISE, (short) scores[1])
                .set(SELF_ASSESSMENT.REFER, (short) scores[2]).set(SELF_ASSESSMENT.ANSWERED_AT, at).execute();
    }

    private SessionId session(String title, OffsetDateTime startsAt, boolean cancelled) {
        return db.insertInto(TRAINING_SESSION).set(TRAINING_SESSION.TITLE, title).set(TRAINING_SESSION.STARTS_AT, startsAt)
                .set(TRAINING_SESSION.ENDS_AT, startsAt.plusHours(2)).set(TRAINING_SESSION.REGISTRATION_DEADLINE, startsAt)
                .set(TRAINING_SESSION.LOCATION, "Dorpshuis").set(TRAINING_SESSION.CAPACITY, 10)
                .set(TRAINING_SESSION.MUNICIPALITY_ID, municipalityId).set(TRAINING_SESSION.STATUS, cancelled ? TrainingSession.Status.CANCELLED : TrainingSession.Status.PLANNED)
                .set(TRAINING_SESSION.CREATED_AT, startsAt.minusDays(30)).set(TRAINING_SESSION.UPDATED_AT, startsAt.minusDays(30))
                .returning(TRAINING_SESSION.ID).fetchOne().getId();
    }

    private RegistrationId registration(SessionId sessionId, String person, String status, String attendance) {
        OffsetDateTime now = OffsetDateTime.now();
        return db.insertInto(REGISTRATION).set(REGISTRATION.SESSION_ID, sessionId).set(REGISTRATION.USER_ID, people.get(person))
                .set(REGISTRATION.STATUS, nl.omzien.sessions.RegistrationStatus.valueOf(status)).set(REGISTRATION.ARRIVAL, (long) ++arrival)
                .set(REGISTRATION.ATTENDANCE, attendance).set(REGISTRATION.ATTENDANCE_AT, attendance == null ? null : now)
                .set(REGISTRATION.CREATED_AT, now).set(REGISTRATION.UPDATED_AT, now)
                .returning(REGISTRATION.ID).fetchOne().getId();
    }

    private void evaluation(SessionId sessionId, RegistrationId registrationId, int score, String doDifferently, String comment, OffsetDateTime at) {
        db.insertInto(SESSION_EVALUATION).set(SESSION_EVALUATION.REGISTRATION_ID, registrationId).set(SESSION_EVALUATION.SCORE, (short) score)
                .set(SESSION_EVALUATION.DO_DIFFERENTLY, doDifferently).set(SESSION_EVALUATION.COMMENT, comment)
                .set(SESSION_EVALUATION.ANSWERED_AT, at).execute();
        events.publishEvent(new SessionEvaluated(sessionId, registrationId));
    }

    private void attended(SessionId sessionId, String person) {
        events.publishEvent(new SessionAttended(people.get(person), sessionId, List.of(moduleId), OffsetDateTime.now(), OffsetDateTime.now()));
    }
}
