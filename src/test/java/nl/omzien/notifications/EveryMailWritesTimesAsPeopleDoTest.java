package nl.omzien.notifications;

import nl.omzien.base.PersonId;
import nl.omzien.certificates.internal.ExpiryReminders;
import nl.omzien.onboarding.internal.SignInLinkTokenService;
import nl.omzien.people.Audience;
import nl.omzien.people.ProfileService;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionService;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.sessions.TrainingSession;
import nl.omzien.sessions.internal.JooqRegistrationRepository;
import nl.omzien.sessions.internal.SessionMails;
import nl.omzien.test.IntegrationTest;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.ModuleWalker;
import nl.omzien.training.TrainingService;
import nl.omzien.training.internal.FollowUpMailer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE;
import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.training.internal.db.Tables.FOLLOW_UP;
import static nl.omzien.training.internal.db.Tables.MODULE_ATTEMPT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mail the application sends, in Dutch and in English, with real moments that carry seconds and
 * nanoseconds: times read "14:26", never "14:26:35.990823023", an ISO "2026-12-05T14:26" or a "PT15M";
 * a reminder says "Vandaag"/"Morgen" only when it is so; a Dutch mail has no English day or month and
 * the other way round. Which templates exist is read from the bundles, so a new mail without a case here fails.
 */
class EveryMailWritesTimesAsPeopleDoTest extends IntegrationTest {

    private static final Pattern SECONDS = Pattern.compile("\\d{1,2}:\\d{2}:\\d{2}|\\d{1,2}:\\d{2}\\.\\d");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T|\\b)|\\bPT\\d|\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}|\\[Europe/");
    /** Links and certificate codes are random: "OMZ-PT7K-…" or a token "-PT3…" is no machine time. */
    private static final Pattern LINKS_AND_CODES = Pattern.compile("https?://[^\\s\"'<>]+|OMZ(-[0-9A-Z]{4}){3}");
    private static final Pattern ENGLISH_WORDS = Pattern.compile(
            "\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)\\b");
    private static final Pattern DUTCH_WORDS = Pattern.compile(
            "\\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|januari|februari|maart|mei|juni|juli|augustus|oktober)\\b");
    private static final Pattern CONFIRM_LINK = Pattern.compile("/profiel/e-mail\\?token=([A-Za-z0-9_-]{43})");

    @Autowired SessionService sessions;
    @Autowired RegistrationService registrations;
    @Autowired JooqRegistrationRepository registrationRows;
    @Autowired SessionMails sessionMails;
    @Autowired SignInLinkTokenService signInLinks;
    @Autowired ProfileService profiles;
    @Autowired FollowUpMailer followUps;
    @Autowired ExpiryReminders expiryReminders;
    @Autowired nl.omzien.trainers.TrainerService trainers;
    @Autowired nl.omzien.trainers.internal.TrainerJobs trainerJobs;
    @Autowired TrainingService training;
    @Autowired ModuleCatalog catalog;
    @Autowired TransactionTemplate transactions;
    @Autowired DSLContext db;
    @Autowired UserDetailsService accounts;
    @Autowired nl.omzien.requests.TrainingRequestService requests;
    @Autowired nl.omzien.campaigns.CampaignService campaigns;
    @Autowired nl.omzien.campaigns.internal.CampaignMailer campaignMailer;

    private record Sent(String recipient, String subject, String text, String html) {
        List<String> parts() {
            return html == null ? List.of(subject, text) : List.of(subject, text, html);
        }
    }

    @Test
    void everyMailInDutchAndEnglishWritesDatesAndTimesAsPeopleDo() throws IOException {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        List<String> dutch = fx.participants(2, "Kapsalon Knip & Zo");
        List<String> english = fx.participants(2, "Kapsalon Knip & Zo");
        english.forEach(email -> db.update(APP_USER).set(APP_USER.LOCALE, "en").where(APP_USER.EMAIL.eq(email)).execute());
        PersonId trainerId = fx.userId(TRAINER);

        // Session mails: a session for one, a seat for one person of each language and a waitlist place for the other.
        for (List<String> people : List.of(dutch, english)) {
            var id = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Tijden in mails", 1, 3).setMinParticipants(1)));
            fx.as(people.get(0), () -> registrations.signUp(id));
            fx.as(people.get(1), () -> registrations.signUp(id));
            TrainingSession session = fx.as(TRAINER, () -> sessions.get(id));
            var seat = registrationRows.findLive(id, fx.userId(people.get(0))).orElseThrow();
            var waiting = registrationRows.findLive(id, fx.userId(people.get(1))).orElseThrow();
            OffsetDateTime heldUntil = LocalDateTime.of(2026, 12, 5, 14, 26, 35, 990_823_023)
                    .atZone(SessionTimes.ZONE).toOffsetDateTime();
            transactions.executeWithoutResult(s -> {
                sessionMails.offered(waiting.id(), "a".repeat(43), heldUntil);
                sessionMails.offerExpired(waiting.id());
                sessionMails.cancelledByParticipant(seat.id(), true);
                sessionMails.sessionMoved(session, List.of(seat));
                sessionMails.sessionCancelled(session, List.of(seat), session);
                sessionMails.sessionCancelled(session, List.of(seat), null);
                sessionMails.newSessionPlanned(session, seat.userId());
            });
            // The reminder on the session's own morning, the evening before, and three days before.
            LocalDateTime start = SessionTimes.local(session.startsAt()).toLocalDateTime();
            for (LocalDateTime at : List.of(start.with(LocalTime.of(8, 0, 12, 345_678_901)),
                    start.minusDays(1).with(LocalTime.of(19, 0, 7)), start.minusDays(3).with(LocalTime.of(9, 0, 1)))) {
                clock.setTo(at.atZone(SessionTimes.ZONE).toInstant());
                transactions.executeWithoutResult(s -> sessionMails.reminder(seat.id()));
            }
            clock.reset();
            // The trainer hears whether the session goes ahead (the go-no-go mail goes to whoever is named).
            PersonId trainer = people == dutch ? trainerId : fx.userId(people.get(1));
            transactions.executeWithoutResult(s -> sessionMails.goNoGo(session, trainer, "b".repeat(43)));
        }

        for (String person : concat(dutch, english)) {
            // Sign-in and registration links.
            signInLinks.sendAfterRegistration(person, false, null);
            signInLinks.sendAfterRegistration(person, true, null);
        }
        for (List<String> people : List.of(dutch, english)) {
            String holder = people.get(0);
            // A certificate (mailed with its PDF), the follow-up question three months on, the expiry reminder.
            fx.as(holder, () -> {
                ModuleWalker walker = new ModuleWalker(training, catalog);
                walker.complete("herkennen", Audience.SHOP);
                walker.complete("gesprek", Audience.SHOP);
                walker.complete("doorverwijzen", Audience.SHOP);
            });
            PersonId holderId = fx.userId(holder);
            OffsetDateTime due = db.select(org.jooq.impl.DSL.max(FOLLOW_UP.DUE_AT)).from(FOLLOW_UP).join(MODULE_ATTEMPT)
                    .on(MODULE_ATTEMPT.ID.eq(FOLLOW_UP.ATTEMPT_ID)).where(MODULE_ATTEMPT.USER_ID.eq(holderId)).fetchOne().value1();
            clock.setTo(due.toInstant().plusSeconds(61).plusNanos(123_456_789));
            followUps.mailDue();
            OffsetDateTime expires = db.select(CERTIFICATE.EXPIRES_AT).from(CERTIFICATE)
                    .where(CERTIFICATE.USER_ID.eq(holderId)).fetchAny().value1();
            clock.setTo(expires.toInstant().minus(java.time.Duration.ofDays(20)).plusNanos(987_654_321));
            expiryReminders.remindDue();
            clock.reset();
            // The trainer's reminder 60 days before their qualification ends (issue 20).
            fx.as(LEAD_COEVORDEN, () -> trainers.recordExternal(null, holderId,
                    "Certificaat train-de-trainer gezien.", java.time.LocalDate.now(SessionTimes.ZONE).plusDays(30)));
            trainerJobs.remindDue();

            // The e-mail change: the confirmation link, the notice to the old address, and a taken address.
            fx.as(holder, () -> profiles.requestEmailChange("nieuw-" + holder));
            String confirm = db.select(MAIL_OUTBOX.BODY_TEXT).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq("nieuw-" + holder))
                    .fetchOne().value1();
            Matcher token = CONFIRM_LINK.matcher(confirm);
            assertThat(token.find()).as(confirm).isTrue();
            profiles.confirmEmailChange(token.group(1));
            fx.as(people.get(1), () -> profiles.requestEmailChange(TRAINER));
        }

        // Trainings on request (issue 20): every step mails the requester in the language they asked in; one
        // request is planned (its proposal names a day and times), one declined.
        var coevorden = fx.municipality("Coevorden");
        var thuiszorg = fx.organisation("Thuiszorg Zuidoost-Drenthe");
        int address = 1;
        for (String requester : List.of(dutch.get(1), english.get(1))) {
            java.util.Locale locale = english.contains(requester) ? java.util.Locale.ENGLISH : java.util.Locale.of("nl");
            for (boolean planned : List.of(true, false)) {
                requests.submitPublic(coevorden, new nl.omzien.requests.RequestDraft("Thuiszorg Zuidoost-Drenthe",
                        Audience.PROFESSIONAL, 6, "In de ochtend", "Markt 1", null, "Tester", requester), locale,
                        "198.51.100." + address++);
                var request = newRequestOf(fx, coevorden, requester);
                if (!planned) {
                    fx.as(LEAD_COEVORDEN, () -> requests.decline(request.id(), request.version(), "Geen trainer vrij."));
                    continue;
                }
                fx.as(LEAD_COEVORDEN, () -> requests.assign(request.id(), request.version(), trainerId, thuiszorg));
                var assigned = requestOf(fx, coevorden, request.id());
                fx.as(TRAINER, () -> requests.propose(request.id(), assigned.version(), new nl.omzien.requests.Proposal(
                        java.time.LocalDate.now(SessionTimes.ZONE).plusDays(20), LocalTime.of(14, 0), LocalTime.of(15, 30), "Kantine")));
                var proposed = requestOf(fx, coevorden, request.id());
                fx.as(LEAD_COEVORDEN, () -> requests.accept(request.id(), proposed.version()));
            }
        }
        // The campaign mail (issue 21) to the certificate holders of a municipality while its campaign runs.
        java.time.LocalDate today = java.time.LocalDate.now(SessionTimes.ZONE);
        var campaign = fx.as(LEAD_COEVORDEN, () -> campaigns.create(coevorden, "Week van de Ontmoeting", today, today.plusDays(6)));
        fx.as(LEAD_COEVORDEN, () -> campaigns.addActivity(campaign, new nl.omzien.campaigns.ActivityDraft("Koffieochtend",
                today.plusDays(2), LocalTime.of(10, 0), LocalTime.of(12, 0), "Dorpshuis", "Welzijn", "Koffie.", null)));
        campaignMailer.mailDue();

        List<Sent> sent = db.select(MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.BODY_TEXT, MAIL_OUTBOX.BODY_HTML)
                .from(MAIL_OUTBOX).fetch(r -> new Sent(r.value1(), r.value2(), r.value3(), r.value4()));
        List<String> englishAddresses = concat(english, english.stream().map(e -> "nieuw-" + e).toList());
        List<Sent> inEnglish = sent.stream().filter(m -> englishAddresses.contains(m.recipient())
                || m.recipient().equals(TRAINER) && m.subject().startsWith("Someone")).toList();
        List<Sent> inDutch = sent.stream().filter(m -> !inEnglish.contains(m)).toList();

        for (Sent mail : sent) {
            for (String part : mail.parts().stream().map(p -> LINKS_AND_CODES.matcher(p).replaceAll("")).toList()) {
                assertThat(SECONDS.matcher(part).find()).as("seconds in " + mail.subject() + ": " + part).isFalse();
                assertThat(ISO.matcher(part).find()).as("machine time in " + mail.subject() + ": " + part).isFalse();
            }
        }
        for (Sent mail : inDutch) {
            mail.parts().forEach(part -> assertThat(ENGLISH_WORDS.matcher(part).find()).as("English in " + part).isFalse());
        }
        for (Sent mail : inEnglish) {
            mail.parts().forEach(part -> assertThat(DUTCH_WORDS.matcher(part).find()).as("Dutch in " + part).isFalse());
        }

        // Every mail template of both bundles was rendered at least once in its language.
        assertEveryTemplateSent("i18n/messages.properties", inDutch);
        assertEveryTemplateSent("i18n/messages_en.properties", inEnglish);

        // "Vandaag" only on the day itself, "Morgen" only the day before.
        assertThat(inDutch).filteredOn(m -> m.subject().startsWith("Vandaag:")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("vandaag", ", 19:30–21:00"));
        assertThat(inDutch).filteredOn(m -> m.subject().startsWith("Morgen:")).hasSize(1);
        assertThat(inDutch).filteredOn(m -> m.subject().startsWith("Herinnering:")).hasSize(1);
        assertThat(inEnglish).filteredOn(m -> m.subject().startsWith("Today:")).hasSize(1);
        assertThat(inEnglish).filteredOn(m -> m.subject().startsWith("Tomorrow:")).hasSize(1);
        // The held seat's deadline, to the minute, in the person's language.
        assertThat(inDutch).anySatisfy(m -> assertThat(m.text()).contains("tot zaterdag 5 december 2026, 14:26."));
        assertThat(inEnglish).anySatisfy(m -> assertThat(m.text()).contains("Saturday, December 5, 2026, 14:26")
                .doesNotContain("14:26:"));
    }

    /** Each subject template ({@code mail.*.subject}, {@code *.mail.subject}, {@code certificate.reminder.subject}) matches a sent subject. */
    private static void assertEveryTemplateSent(String bundle, List<Sent> sent) throws IOException {
        Properties texts = new Properties();
        try (var in = EveryMailWritesTimesAsPeopleDoTest.class.getClassLoader().getResourceAsStream(bundle)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        TreeSet<String> keys = new TreeSet<>();
        for (String key : texts.stringPropertyNames()) {
            if (key.matches("mail\\.[a-z-]+\\.subject|[a-z.]+\\.mail(\\.[a-z]+)?\\.subject|certificate\\.reminder\\.subject")) {
                keys.add(key);
            }
        }
        assertThat(keys).hasSizeGreaterThanOrEqualTo(20);
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            String template = texts.getProperty(key).replace("''", "'");
            String regex = java.util.Arrays.stream(template.split("\\{\\d}", -1)).map(Pattern::quote)
                    .collect(java.util.stream.Collectors.joining(".+"));
            if (sent.stream().noneMatch(m -> m.subject().matches(regex))) {
                missing.add(key + " = " + template);
            }
        }
        assertThat(missing).as(bundle + ": templates no mail used").isEmpty();
    }

    private nl.omzien.requests.TrainingRequest newRequestOf(SessionFixtures fx, nl.omzien.base.MunicipalityId municipality, String requester) {
        return fx.as(LEAD_COEVORDEN, () -> requests.requests(municipality)).stream()
                .filter(r -> r.contactEmail().equals(requester) && r.status() == nl.omzien.requests.RequestStatus.NEW)
                .findFirst().orElseThrow();
    }

    private nl.omzien.requests.TrainingRequest requestOf(SessionFixtures fx, nl.omzien.base.MunicipalityId municipality,
                                                       nl.omzien.requests.RequestId id) {
        return fx.as(LEAD_COEVORDEN, () -> requests.requests(municipality)).stream().filter(r -> r.id().equals(id))
                .findFirst().orElseThrow();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
