package nl.omzien.sessions;

import nl.omzien.base.PersonId;

import nl.omzien.base.InvalidInputException;
import nl.omzien.notifications.MailOutbox;
import nl.omzien.notifications.OutboxMail;
import nl.omzien.sessions.internal.JooqRegistrationRepository;
import nl.omzien.sessions.internal.SessionJobs;
import nl.omzien.test.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.omzien.sessions.internal.db.Tables.REGISTRATION;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A session's life: planning, waitlist offers passing on, moving, cancelling, attendance, evaluation, mails. */
@RecordApplicationEvents
class SessionLifecycleTest extends IntegrationTest {

    @Autowired
    private SessionService sessions;
    @Autowired
    private RegistrationService registrations;
    @Autowired
    private JooqRegistrationRepository repository;
    @Autowired
    private SessionJobs jobs;
    @Autowired
    private MailOutbox outbox;
    @Autowired
    private DSLContext db;
    @Autowired
    private UserDetailsService accounts;
    @Autowired
    private ApplicationEvents events;
    private SessionFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SessionFixtures(db, accounts);
    }

    private SessionId plan(String title, int capacity, int daysAhead) {
        return fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft(title, capacity, daysAhead)));
    }

    private List<OutboxMail> mailsTo(String email) {
        return fx.as(ADMIN, () -> outbox.latestTo(email));
    }

    private RegistrationStatus statusOf(String email, SessionId session) {
        return repository.findLatest(session, fx.userId(email)).orElseThrow().status();
    }

    /** Moves a session in time by editing the database, as if the clock had moved on. */
    private void startsIn(SessionId session, Duration fromNow) {
        OffsetDateTime start = OffsetDateTime.now(clock).plus(fromNow);
        db.update(TRAINING_SESSION).set(TRAINING_SESSION.REGISTRATION_DEADLINE, start)
                .set(TRAINING_SESSION.STARTS_AT, start).set(TRAINING_SESSION.ENDS_AT, start.plusMinutes(90))
                .where(TRAINING_SESSION.ID.eq(session)).execute();
    }

    /** Issue 17: any trainer of the municipality could move or cancel a colleague's session. */
    @Test
    void onlyTheSessionsOwnTrainersTheLeadAndAdminsMayChangeOrCancelIt() {
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Van een collega", 12, 9)));
        String colleague = fx.participants(1, "Supermarkt De Brink").getFirst();
        PersonId colleagueId = fx.userId(colleague);
        db.update(nl.omzien.people.internal.db.Tables.APP_USER).set(nl.omzien.people.internal.db.Tables.APP_USER.MUNICIPALITY_ID, fx.municipality("Coevorden"))
                .where(nl.omzien.people.internal.db.Tables.APP_USER.ID.eq(colleagueId)).execute();
        db.insertInto(nl.omzien.people.internal.db.Tables.USER_ROLE).set(nl.omzien.people.internal.db.Tables.USER_ROLE.USER_ID, colleagueId)
                .set(nl.omzien.people.internal.db.Tables.USER_ROLE.ROLE, "TRAINER").execute();

        TrainingSession seen = fx.as(colleague, () -> sessions.get(session));
        assertThat(seen.title()).as("a colleague still sees it, to stand in at the door").isEqualTo("Van een collega");
        assertThat(fx.as(colleague, () -> sessions.mayChange(session))).as("no edit or cancel button for them").isFalse();
        assertThat(fx.as(TRAINER, () -> sessions.mayChange(session))).isTrue();
        assertThatThrownBy(() -> fx.as(colleague, () -> sessions.update(SessionDraft.of(seen).setLocation("Elders"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(colleague, () -> sessions.cancel(session))).isInstanceOf(AccessDeniedException.class);
        assertThat(fx.as(TRAINER, () -> sessions.get(session)).isCancelled()).isFalse();

        fx.as(LEAD_COEVORDEN, () -> sessions.update(SessionDraft.of(seen).setLocation("Bibliotheek Coevorden")));
        fx.as(TRAINER, () -> sessions.update(SessionDraft.of(fx.as(TRAINER, () -> sessions.get(session))).setLocation("Dorpshuis")));
        assertThatThrownBy(() -> fx.as(LEAD_TWENTERAND, () -> sessions.cancel(session))).isInstanceOf(AccessDeniedException.class);
        fx.as(LEAD_COEVORDEN, () -> sessions.cancel(session));
        assertThat(fx.as(TRAINER, () -> sessions.get(session)).isCancelled()).isTrue();
    }

    @Test
    void aSeriesOnEveryFirstTuesdayOfTheQuarterGetsOneSessionPerQuarterAndEachCanBeMovedAlone() {
        LocalDate nextYear = LocalDate.now().plusYears(1).withDayOfYear(1);
        SeriesRule rule = new SeriesRule(1, DayOfWeek.TUESDAY, 3, nextYear, nextYear.plusYears(1).minusDays(1));
        assertThat(rule.dates()).hasSize(4).allSatisfy(date -> {
            assertThat(date.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
            assertThat(date.getDayOfMonth()).isLessThanOrEqualTo(7);
            assertThat(date.getMonthValue()).isIn(1, 4, 7, 10);
        });
        List<SessionId> ids = fx.as(TRAINER, () -> sessions.createSeries(SessionFixtures.draft("Reeks Herkennen", 12, 1), rule));
        assertThat(ids).hasSize(4);
        List<TrainingSession> planned = fx.as(TRAINER, () -> ids.stream().map(sessions::get).toList());
        assertThat(planned).allSatisfy(s -> {
            assertThat(SessionTimes.local(s.startsAt()).toLocalTime()).hasToString("19:30");
            assertThat(s.seriesId()).isEqualTo(ids.getFirst().value());
        });
        // April is summer time, January winter time: the same local time, a different UTC offset.
        assertThat(planned.get(0).startsAt().withOffsetSameInstant(ZoneOffset.UTC).getHour()).isEqualTo(18);
        assertThat(planned.get(1).startsAt().withOffsetSameInstant(ZoneOffset.UTC).getHour()).isEqualTo(17);

        fx.as(TRAINER, () -> sessions.update(SessionDraft.of(planned.get(1)).setLocation("Bibliotheek Coevorden")));
        assertThat(fx.as(TRAINER, () -> sessions.get(ids.get(1))).location()).isEqualTo("Bibliotheek Coevorden");
        assertThat(fx.as(TRAINER, () -> sessions.get(ids.get(2))).location()).isEqualTo("Dorpshuis De Kiel, Dalen");
    }

    @Test
    void invalidPlanningGetsDutchMessagesAndSavesNothing() {
        int before = fx.as(TRAINER, () -> sessions.visible(true)).size();
        SessionDraft draft = SessionFixtures.draft("", 0, 3).setEndTime(java.time.LocalTime.of(19, 0)).setLocation("")
                .setOnlineUrl("http://niet-veilig.example");
        assertThatThrownBy(() -> fx.as(TRAINER, () -> sessions.create(draft)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsEntry("title", "validation.required")
                        .containsEntry("endTime", "session.end-before-start")
                        .containsEntry("capacity", "session.capacity-range")
                        .containsEntry("onlineUrl", "session.online-url-invalid"));
        assertThat(fx.as(TRAINER, () -> sessions.visible(true))).hasSize(before);
        assertThatThrownBy(() -> fx.as(PARTICIPANT, () -> sessions.create(SessionFixtures.draft("Stiekem", 5, 3))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anUnansweredOfferPassesToTheNextInLineAndAcceptingByLinkConfirms() {
        SessionId session = plan("Wachtlijst", 1, 5);
        List<String> people = fx.participants(3, "Kapsalon Knip & Zo");
        people.forEach(p -> fx.as(p, () -> registrations.signUp(session)));
        assertThat(statusOf(people.get(1), session)).isEqualTo(RegistrationStatus.WAITLISTED);

        var first = repository.findLive(session, fx.userId(people.get(0))).orElseThrow().id();
        fx.as(people.get(0), () -> registrations.cancel(first));
        assertThat(statusOf(people.get(1), session)).isEqualTo(RegistrationStatus.OFFERED);
        var offer = repository.findLive(session, fx.userId(people.get(1))).orElseThrow();
        assertThat(Duration.between(OffsetDateTime.now(), offer.offerExpiresAt())).isBetween(Duration.ofHours(23), Duration.ofHours(24));

        // 25 hours later: the job lets the offer lapse and offers the seat to the third person.
        clock.advance(Duration.ofHours(25));
        // Offers other tests of this class left open lapse as well: time moved for the whole database.
        jobs.expireOffers(); // the scheduled run may be first: the states below say what it did
        assertThat(jobs.expireOffers()).as("running again changes nothing").isZero();
        assertThat(statusOf(people.get(1), session)).isEqualTo(RegistrationStatus.OFFER_EXPIRED);
        assertThat(statusOf(people.get(2), session)).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(mailsTo(people.get(1)).getFirst().subject()).startsWith("Aanbod verlopen");

        OutboxMail offerMail = mailsTo(people.get(2)).getFirst();
        assertThat(offerMail.subject()).startsWith("Er is een plek vrij");
        Matcher link = Pattern.compile("/aanbod/([A-Za-z0-9_-]{43})").matcher(offerMail.text());
        assertThat(link.find()).isTrue();
        assertThat(registrations.offer(link.group(1))).get().extracting(RegistrationService.OfferDetails::status)
                .isEqualTo(RegistrationStatus.OFFERED);
        registrations.acceptOffer(link.group(1));
        registrations.acceptOffer(link.group(1));
        assertThat(statusOf(people.get(2), session)).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registrations.offer("x".repeat(43))).isEmpty();
        FifoReplay.check(repository.auditTrail(session), 1);
    }

    @Test
    void offersAreShorterCloseToTheStartAndNobodyIsPromotedAfterTheStart() {
        var soon = plan("Bijna", 1, 5);
        List<String> people = fx.participants(3, "Kapsalon Knip & Zo");
        people.forEach(p -> fx.as(p, () -> registrations.signUp(soon)));
        startsIn(soon, Duration.ofHours(6));
        var first = repository.findLive(soon, fx.userId(people.get(0))).orElseThrow().id();
        fx.as(people.get(0), () -> registrations.cancel(first));
        var offer = repository.findLive(soon, fx.userId(people.get(1))).orElseThrow();
        assertThat(Duration.between(OffsetDateTime.now(), offer.offerExpiresAt())).isBetween(Duration.ofMinutes(170), Duration.ofHours(3));

        startsIn(soon, Duration.ofMinutes(-5));
        db.update(REGISTRATION).set(REGISTRATION.OFFER_EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .where(REGISTRATION.ID.eq(offer.id())).execute();
        jobs.expireOffers();
        assertThat(statusOf(people.get(2), soon)).as("no promotion after the start").isEqualTo(RegistrationStatus.WAITLISTED);
    }

    @Test
    void reschedulingMovesToAFreeSeatInOneStepAndKeepsThePlaceWhenTheOtherIsFull() {
        var a = plan("Gesprek aangaan", 2, 6);
        var b = plan("Gesprek aangaan", 1, 8);
        var c = plan("Gesprek aangaan", 1, 9);
        List<String> people = fx.participants(2, "Huisartsenpraktijk Dalen");
        String me = people.get(0);
        fx.as(people.get(1), () -> registrations.signUp(c));
        var mine = fx.as(me, () -> registrations.signUp(a)).registrationId();
        assertThat(fx.as(me, () -> registrations.alternatives(mine))).extracting(TrainingSession::id).contains(b, c);

        assertThatThrownBy(() -> fx.as(me, () -> registrations.reschedule(mine, c)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsValue("session.full"));
        assertThat(statusOf(me, a)).as("kept the place").isEqualTo(RegistrationStatus.CONFIRMED);

        SignUpOutcome moved = fx.as(me, () -> registrations.reschedule(mine, b));
        assertThat(moved.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(statusOf(me, a)).isEqualTo(RegistrationStatus.MOVED);
        assertThat(statusOf(me, b)).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThatThrownBy(() -> fx.as(people.get(1), () -> registrations.reschedule(mine, c)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aClosedSessionExistsOnlyForItsOrganisation() {
        SessionDraft draft = SessionFixtures.draft("Alleen thuiszorg", 10, 7).setOrganisationId(fx.organisation("Thuiszorg Zuidoost-Drenthe"));
        var closed = fx.as(TRAINER, () -> sessions.create(draft));
        assertThat(fx.as(ORG_CONTACT, () -> registrations.upcoming(RegistrationService.Filter.NONE)))
                .extracting(TrainingSession::id).contains(closed);
        assertThat(fx.as(PARTICIPANT, () -> registrations.upcoming(RegistrationService.Filter.NONE)))
                .extracting(TrainingSession::id).doesNotContain(closed);
        assertThatThrownBy(() -> fx.as(PARTICIPANT, () -> registrations.signUp(closed)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsValue("session.unknown"));
        assertThat(fx.as("joost.vos@demo.example", () -> registrations.upcoming(RegistrationService.Filter.NONE)))
                .as("Twenterand sees nothing of Coevorden").noneMatch(s -> s.municipalityName().equals("Coevorden"));
        var open = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Open in Coevorden", 10, 7)));
        assertThatThrownBy(() -> fx.as("joost.vos@demo.example", () -> registrations.signUp(open)))
                .as("nor signs up for it").isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsValue("session.unknown"));
    }

    @Test
    void anOrganisationContactSignsUpSeveralColleaguesAtOnceButNoOutsiders() {
        SessionId session = plan("Voor collega's", 2, 7);
        var colleagues = fx.as(ORG_CONTACT, () -> registrations.colleagues());
        List<PersonId> three = colleagues.keySet().stream().limit(3).toList();
        List<SignUpOutcome> outcomes = fx.as(ORG_CONTACT, () -> registrations.signUpColleagues(session, three));
        assertThat(outcomes).extracting(SignUpOutcome::status)
                .containsExactly(RegistrationStatus.CONFIRMED, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED);
        PersonId outsider = fx.userId(PARTICIPANT);
        assertThatThrownBy(() -> fx.as(ORG_CONTACT, () -> registrations.signUpColleagues(session, List.of(outsider))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(PARTICIPANT, () -> registrations.signUpColleagues(session, List.of(outsider))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void cancellingASessionTellsEveryoneAndOffersTheNextOccurrence() {
        SessionId session = plan("Doorverwijzen", 1, 10);
        var next = plan("Doorverwijzen", 10, 20);
        List<String> people = fx.participants(2, "Bibliotheek Coevorden");
        people.forEach(p -> fx.as(p, () -> registrations.signUp(session)));
        fx.as(TRAINER, () -> sessions.cancel(session));
        fx.as(TRAINER, () -> sessions.cancel(session));
        assertThat(statusOf(people.get(0), session)).isEqualTo(RegistrationStatus.SESSION_CANCELLED);
        assertThat(statusOf(people.get(1), session)).isEqualTo(RegistrationStatus.SESSION_CANCELLED);
        for (String person : people) {
            OutboxMail mail = mailsTo(person).getFirst();
            assertThat(mail.subject()).startsWith("Gaat niet door: Doorverwijzen");
            assertThat(mail.text()).contains("De volgende keer is Doorverwijzen op");
        }
        assertThat(mailsTo(people.get(0)).getFirst().attachmentName()).isEqualTo("annulering.ics");
        assertThat(fx.as(people.get(0), () -> registrations.upcoming(RegistrationService.Filter.NONE)))
                .extracting(TrainingSession::id).contains(next).doesNotContain(session);
    }

    @Test
    void attendanceIsSavedOnceAndPublishesSessionAttendedOnlyTheFirstTime() {
        SessionId session = plan("Aanwezigheid", 5, 3);
        List<String> people = fx.participants(2, "Supermarkt De Brink");
        var reg = fx.as(people.get(0), () -> registrations.signUp(session)).registrationId();
        var other = fx.as(people.get(1), () -> registrations.signUp(session)).registrationId();
        assertThatThrownBy(() -> fx.as(TRAINER, () -> sessions.markAttendance(reg, Attendance.PRESENT)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsValue("attendance.too-early"));
        startsIn(session, Duration.ofMinutes(-30));
        fx.as(TRAINER, () -> sessions.markAttendance(reg, Attendance.PRESENT));
        fx.as(TRAINER, () -> sessions.markAttendance(reg, Attendance.PRESENT));
        fx.as(TRAINER, () -> sessions.markAttendance(other, Attendance.EXCUSED));
        assertThat(events.stream(SessionAttended.class).filter(e -> e.sessionId().equals(session)))
                .singleElement().satisfies(e -> assertThat(e.personId()).isEqualTo(fx.userId(people.get(0))));
        assertThat(fx.as(TRAINER, () -> sessions.participants(session))).extracting(SessionParticipant::attendance)
                .containsExactly(Attendance.PRESENT, Attendance.EXCUSED);
        assertThatThrownBy(() -> fx.as(LEAD_TWENTERAND, () -> sessions.markAttendance(reg, Attendance.ABSENT)))
                .isInstanceOf(AccessDeniedException.class);

        // The evaluation opens when the session is over.
        assertThatThrownBy(() -> fx.as(people.get(0), () -> registrations.evaluate(reg, 8, "Vaker vragen", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsValue("evaluation.too-early"));
        startsIn(session, Duration.ofMinutes(-120));
        // The one who was there evaluates; the one who was not cannot.
        assertThatThrownBy(() -> fx.as(people.get(0), () -> registrations.evaluate(reg, 11, "", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsEntry("score", "evaluation.score-range").containsEntry("doDifferently", "validation.required"));
        fx.as(people.get(0), () -> registrations.evaluate(reg, 8, "Vaker vragen hoe het echt gaat.", "Fijne groep"));
        fx.as(people.get(0), () -> registrations.evaluate(reg, 2, "Nog een keer", null));
        assertThatThrownBy(() -> fx.as(people.get(1), () -> registrations.evaluate(other, 9, "Niets", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsValue("evaluation.not-attended"));
        EvaluationSummary summary = fx.as(TRAINER, () -> sessions.evaluations(session));
        assertThat(summary.answers()).isEqualTo(1);
        assertThat(summary.average()).isEqualTo(8.0);
        assertThat(summary.doDifferently()).containsExactly("Vaker vragen hoe het echt gaat.");
        assertThat(summary.comments()).containsExactly("Fijne groep");
    }

    @Test
    void qrCheckInMarksPresentOnlyDuringTheSessionAndOnlyWithASeat() {
        SessionId session = plan("Inchecken", 5, 3);
        List<String> people = fx.participants(2, "Supermarkt De Brink");
        fx.as(people.get(0), () -> registrations.signUp(session));
        String link = fx.as(TRAINER, () -> sessions.newCheckInCode(session)).link();
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(fx.as(people.get(0), () -> sessions.checkIn(token))).isEqualTo(SessionService.CheckInResult.OUTSIDE_WINDOW);
        startsIn(session, Duration.ofMinutes(17));
        // Before the start a scan counts as arrival: present (and what that completes) only once it has begun.
        assertThat(fx.as(people.get(0), () -> sessions.checkIn(token))).isEqualTo(SessionService.CheckInResult.ARRIVED_EARLY);
        assertThat(repository.find(fx.as(people.get(0), () -> registrations.mine()).getFirst().registrationId()).orElseThrow().attendance())
                .isNull();
        assertThat(events.stream(SessionAttended.class).filter(e -> e.sessionId().equals(session))).isEmpty();
        assertThat(fx.as(people.get(0), () -> registrations.mine()).getFirst().checkedIn()).isTrue();
        jobs.confirmEarlyArrivals();
        assertThat(events.stream(SessionAttended.class).filter(e -> e.sessionId().equals(session))).as("not started yet").isEmpty();
        startsIn(session, Duration.ofMinutes(-1));
        jobs.confirmEarlyArrivals(); // the scheduled run may be first: the event below says what it did
        assertThat(fx.as(people.get(0), () -> sessions.checkIn(token))).isEqualTo(SessionService.CheckInResult.ALREADY_CHECKED_IN);
        assertThat(fx.as(people.get(1), () -> sessions.checkIn(token))).isEqualTo(SessionService.CheckInResult.NOT_REGISTERED);
        assertThat(fx.as(people.get(0), () -> sessions.checkIn("a".repeat(43)))).isEqualTo(SessionService.CheckInResult.UNKNOWN_CODE);
        assertThat(events.stream(SessionAttended.class).filter(e -> e.sessionId().equals(session))).hasSize(1);
        String newer = fx.as(TRAINER, () -> sessions.newCheckInCode(session)).link();
        assertThat(newer).isNotEqualTo(link);
        assertThat(fx.as(people.get(0), () -> sessions.checkIn(token))).as("old code stops working")
                .isEqualTo(SessionService.CheckInResult.UNKNOWN_CODE);
    }

    @Test
    void anOfferPassedOnFromItsMailLinkGoesToTheNextInLineAtOnce() {
        SessionId session = plan("Doorgeven", 1, 5);
        List<String> people = fx.participants(3, "Bakkerij Van der Veen");
        people.forEach(p -> fx.as(p, () -> registrations.signUp(session)));
        var first = repository.findLive(session, fx.userId(people.get(0))).orElseThrow().id();
        fx.as(people.get(0), () -> registrations.cancel(first));
        assertThat(repository.findLive(session, fx.userId(people.get(1))).orElseThrow().status()).isEqualTo(RegistrationStatus.OFFERED);
        String text = mailsTo(people.get(1)).stream().filter(m -> m.text().contains("/aanbod/")).findFirst().orElseThrow().text();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/aanbod/([A-Za-z0-9_-]{43})").matcher(text);
        assertThat(link.find()).isTrue();

        registrations.declineOffer(link.group(1));
        // The link is used up: a second tap changes nothing and says so.
        assertThatThrownBy(() -> registrations.declineOffer(link.group(1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsValue("offer.unknown"));

        assertThat(repository.findLatest(session, fx.userId(people.get(1))).orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(repository.findLive(session, fx.userId(people.get(2))).orElseThrow().status()).isEqualTo(RegistrationStatus.OFFERED);
        fx.assertCountersMatchTheRows(session, 1, 0);
    }

    @Test
    void aSelfCheckInNeverOverridesWhatTheTrainerRecorded() {
        SessionId session = plan("Trainer beslist", 5, 3);
        List<String> people = fx.participants(2, "Supermarkt De Brink");
        var excused = fx.as(people.get(0), () -> registrations.signUp(session)).registrationId();
        var early = fx.as(people.get(1), () -> registrations.signUp(session)).registrationId();
        String link = fx.as(TRAINER, () -> sessions.newCheckInCode(session)).link();
        String token = link.substring(link.lastIndexOf('/') + 1);
        startsIn(session, Duration.ofMinutes(17));
        fx.as(TRAINER, () -> sessions.markAttendance(excused, Attendance.EXCUSED));
        assertThat(fx.as(people.get(0), () -> sessions.checkIn(token))).isEqualTo(SessionService.CheckInResult.RECORDED_BY_TRAINER);
        assertThat(fx.as(people.get(1), () -> sessions.checkIn(token))).isEqualTo(SessionService.CheckInResult.ARRIVED_EARLY);
        // The trainer sees the early one is not coming after all: that decision stays when the session starts.
        fx.as(TRAINER, () -> sessions.markAttendance(early, Attendance.ABSENT));
        startsIn(session, Duration.ofMinutes(-5));
        jobs.confirmEarlyArrivals();
        assertThat(fx.as(people.get(0), () -> sessions.checkIn(token))).isEqualTo(SessionService.CheckInResult.RECORDED_BY_TRAINER);
        assertThat(repository.find(excused).orElseThrow().attendance()).isEqualTo(Attendance.EXCUSED);
        assertThat(repository.find(early).orElseThrow().attendance()).isEqualTo(Attendance.ABSENT);
        assertThat(events.stream(SessionAttended.class).filter(e -> e.sessionId().equals(session))).isEmpty();
    }

    @Test
    void remindersAndGoNoGoMailsGoOutOnceAndTheTrainerCancelsInOneClick() {
        // Nine in the morning in the Netherlands: a start 20 hours on is tomorrow whenever the suite runs
        // (from a run before 4 in the morning it would be "Vandaag": the suite failed at 00:11 once).
        clock.setTo(LocalDate.now(SessionTimes.ZONE).atTime(9, 0).atZone(SessionTimes.ZONE).toInstant());
        // Not due yet while people sign up: the scheduled run may come at any moment, and must count them all.
        SessionDraft draft = SessionFixtures.draft("Minimum", 10, 2).setMinParticipants(4).setGoNoGoDays(1)
                .setTrainerIds(Set.of(fx.userId(TRAINER)));
        SessionId session = fx.as(TRAINER, () -> sessions.create(draft));
        List<String> people = fx.participants(2, "Bakkerij Van der Veen");
        people.forEach(p -> fx.as(p, () -> registrations.signUp(session)));
        startsIn(session, Duration.ofHours(20));
        jobs.sendGoNoGo();
        assertThat(jobs.sendGoNoGo()).isZero();
        assertThat(mailsTo(TRAINER)).filteredOn(m -> m.subject().startsWith("Gaat het door? Minimum")).hasSize(1);
        OutboxMail goNoGo = mailsTo(TRAINER).stream().filter(m -> m.subject().startsWith("Gaat het door? Minimum"))
                .findFirst().orElseThrow();
        assertThat(goNoGo.text()).contains("zijn 2 mensen aangemeld. Het minimum is 4.");

        jobs.sendReminders();
        assertThat(jobs.sendReminders()).isZero();
        for (String person : people) {
            assertThat(mailsTo(person)).filteredOn(m -> m.subject().startsWith("Morgen: Minimum")).hasSize(1);
        }

        Matcher link = Pattern.compile("/sessie-annuleren/([A-Za-z0-9_-]{43})").matcher(goNoGo.text());
        assertThat(link.find()).isTrue();
        assertThat(sessions.sessionForCancelLink(link.group(1))).get().extracting(TrainingSession::confirmed).isEqualTo(2);
        sessions.cancelByLink(link.group(1));
        assertThat(statusOf(people.get(0), session)).isEqualTo(RegistrationStatus.SESSION_CANCELLED);
        assertThat(sessions.sessionForCancelLink(link.group(1))).as("link used up").isEmpty();
    }

    @Test
    void anOldGoNoGoLinkCannotCancelASessionThatHasStarted_norCanTheTrainer() {
        SessionDraft draft = SessionFixtures.draft("Al begonnen", 10, 2).setMinParticipants(4).setGoNoGoDays(3)
                .setTrainerIds(Set.of(fx.userId(TRAINER)));
        SessionId session = fx.as(TRAINER, () -> sessions.create(draft));
        String person = fx.participants(1, "Bakkerij Van der Veen").getFirst();
        fx.as(person, () -> registrations.signUp(session));
        jobs.sendGoNoGo();
        Matcher link = Pattern.compile("/sessie-annuleren/([A-Za-z0-9_-]{43})").matcher(mailsTo(TRAINER).stream()
                .filter(m -> m.subject().startsWith("Gaat het door? Al begonnen")).findFirst().orElseThrow().text());
        assertThat(link.find()).isTrue();

        startsIn(session, Duration.ofMinutes(-1));
        assertThatThrownBy(() -> sessions.cancelByLink(link.group(1))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).containsValue("session.already-started"));
        assertThatThrownBy(() -> fx.as(TRAINER, () -> sessions.cancel(session))).isInstanceOf(InvalidInputException.class);
        assertThat(statusOf(person, session)).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(fx.as(TRAINER, () -> sessions.get(session)).isCancelled()).isFalse();
        assertThat(mailsTo(person)).noneMatch(m -> m.subject().startsWith("Gaat niet door"));
    }

    @Autowired
    private nl.omzien.people.UserAccountService userAccounts;

    /** A closed session is for the organisation's own people: someone taken out of it gives back their place there. */
    @Test
    void someoneTakenOutOfTheirOrganisationGivesBackTheirPlaceInItsClosedSessionButKeepsOpenOnes() {
        var homeCare = fx.organisation("Thuiszorg Zuidoost-Drenthe");
        SessionId closed = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Alleen voor ons", 1, 10).setOrganisationId(homeCare)));
        SessionId open = plan("Voor iedereen", 5, 11);
        List<String> people = fx.participants(2, "Thuiszorg Zuidoost-Drenthe");
        String stranger = people.get(0);
        String colleague = people.get(1);
        fx.as(stranger, () -> registrations.signUp(closed));
        fx.as(colleague, () -> registrations.signUp(closed));
        fx.as(stranger, () -> registrations.signUp(open));
        assertThat(statusOf(colleague, closed)).isEqualTo(RegistrationStatus.WAITLISTED);

        // Still signed in: their session holds who they were at sign-in, with the organisation.
        var signedIn = accounts.loadUserByUsername(stranger);
        fx.as(ORG_CONTACT, () -> userAccounts.removeFromMyOrganisation(fx.userId(stranger)));

        assertThat(statusOf(stranger, closed)).isEqualTo(RegistrationStatus.CANCELLED);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.getAuthorities()));
        try {
            assertThatThrownBy(() -> registrations.signUp(closed)).as("the organisation as it is now decides")
                    .isInstanceOf(InvalidInputException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(statusOf(colleague, closed)).as("the seat goes to the waitlist").isEqualTo(RegistrationStatus.OFFERED);
        assertThat(statusOf(stranger, open)).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(mailsTo(stranger)).anyMatch(m -> m.subject().startsWith("Je bent afgemeld: Alleen voor ons"));
    }

    @Test
    void peopleOnTheInterestListAreMailedOnceWhenANewSessionIsPlanned() {
        String person = fx.participants(1, "Protestantse Gemeente Dalen").getFirst();
        fx.as(person, registrations::registerInterest);
        fx.as(person, registrations::registerInterest);
        assertThat(fx.as(person, () -> registrations.hasInterest())).isTrue();
        plan("Nieuw in Dalen", 12, 30);
        plan("Nog een", 12, 31);
        assertThat(mailsTo(person)).filteredOn(m -> m.subject().startsWith("Nieuwe bijeenkomst")).hasSize(1);
        assertThat(fx.as(person, () -> registrations.hasInterest())).isFalse();
    }

    @Test
    void nobodySeesOrChangesAnotherPersonsRegistration() {
        SessionId session = plan("Privé", 5, 4);
        List<String> people = fx.participants(2, "Kapsalon Knip & Zo");
        var theirs = fx.as(people.get(0), () -> registrations.signUp(session)).registrationId();
        assertThatThrownBy(() -> fx.as(people.get(1), () -> registrations.cancel(theirs))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(people.get(1), () -> registrations.acceptOffer(theirs))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(people.get(1), () -> sessions.participants(session))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(LEAD_TWENTERAND, () -> sessions.participants(session))).isInstanceOf(AccessDeniedException.class);
        assertThat(fx.as(people.get(1), () -> registrations.mine())).isEmpty();
    }

    @Test
    void cancellingIsRefusedAfterTheDeadlineButLeavingTheWaitlistIsNot() {
        SessionId session = plan("Deadline", 1, 4);
        List<String> people = fx.participants(2, "Kapsalon Knip & Zo");
        var seat = fx.as(people.get(0), () -> registrations.signUp(session)).registrationId();
        var waiting = fx.as(people.get(1), () -> registrations.signUp(session)).registrationId();
        db.update(TRAINING_SESSION).set(TRAINING_SESSION.REGISTRATION_DEADLINE, OffsetDateTime.now().minusMinutes(1))
                .where(TRAINING_SESSION.ID.eq(session)).execute();
        assertThatThrownBy(() -> fx.as(people.get(0), () -> registrations.cancel(seat)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsValue("registration.cancel-too-late"));
        fx.as(people.get(1), () -> registrations.cancel(waiting));
        assertThat(statusOf(people.get(1), session)).isEqualTo(RegistrationStatus.CANCELLED);
        String late = fx.participants(1, "Kapsalon Knip & Zo").getFirst();
        assertThatThrownBy(() -> fx.as(late, () -> registrations.signUp(session)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsValue("session.sign-up-closed"));
    }
}
