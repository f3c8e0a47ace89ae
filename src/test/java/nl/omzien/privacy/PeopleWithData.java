package nl.omzien.privacy;

import nl.omzien.base.PersonId;

import nl.omzien.sessions.RegistrationId;
import nl.omzien.sessions.SessionId;
import nl.omzien.onboarding.SignInLinkService;
import nl.omzien.people.Audience;
import nl.omzien.people.ProfileService;
import nl.omzien.security.internal.LoginThrottle;
import nl.omzien.sessions.Attendance;
import nl.omzien.sessions.MyRegistration;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionParticipant;
import nl.omzien.sessions.SessionService;
import nl.omzien.training.Attempt;
import nl.omzien.training.FollowUpService;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.ModuleWalker;
import nl.omzien.training.SelfAssessment;
import nl.omzien.training.TrainingService;
import nl.omzien.training.content.ReflectionStep;
import nl.omzien.training.internal.FollowUpMailer;
import org.jooq.DSLContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.omzien.training.internal.db.Tables.FOLLOW_UP;
import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;

/**
 * Two fresh participants with data in every feature, made through the features' public services the
 * way the app would: training with a reflection, certificates, a follow-up story, a session attended
 * and evaluated, a future sign-up, a calendar feed, interest, sign-in link and attempt, a pending e-mail
 * change, and a trainer who opened their participant list. Each person's texts carry a unique marker.
 */
final class PeopleWithData {

    record Person(PersonId id, String email, String fullName, String marker, String newEmail, SessionId pastSession,
                  SessionId futureSession) {
    }

    private static final Pattern YES_LINK = Pattern.compile("/terugblik/([A-Za-z0-9_-]{43})\\?answer=yes");

    private final DSLContext db;
    private final SessionFixtures fx;
    private final TrainingService training;
    private final ModuleCatalog catalog;
    private final FollowUpMailer followUpMailer;
    private final FollowUpService followUps;
    private final SessionService sessions;
    private final RegistrationService registrations;
    private final SignInLinkService signInLinks;
    private final LoginThrottle loginThrottle;
    private final ProfileService profiles;

    PeopleWithData(DSLContext db, UserDetailsService accounts, TrainingService training, ModuleCatalog catalog,
                   FollowUpMailer followUpMailer, FollowUpService followUps, SessionService sessions,
                   RegistrationService registrations, SignInLinkService signInLinks, LoginThrottle loginThrottle,
                   ProfileService profiles) {
        this.db = db;
        this.fx = new SessionFixtures(db, accounts);
        this.training = training;
        this.catalog = catalog;
        this.followUpMailer = followUpMailer;
        this.followUps = followUps;
        this.sessions = sessions;
        this.registrations = registrations;
        this.signInLinks = signInLinks;
        this.loginThrottle = loginThrottle;
        this.profiles = profiles;
    }

    SessionFixtures fixtures() {
        return fx;
    }

    /** Two people at the same sessions, so the sessions hold data of both. */
    List<Person> twoPeople(String namePrefix) {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<String> emails = fx.participants(2, "Supermarkt De Brink");
        var past = fx.as(PrivacyTestSupport.TRAINER, () -> sessions.create(SessionFixtures.draft("Signaleren in de praktijk", 10, 3)));
        var future = fx.as(PrivacyTestSupport.TRAINER, () -> sessions.create(SessionFixtures.draft("Terugkomavond", 10, 20)));
        List<Person> people = new java.util.ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            String email = emails.get(i);
            String name = namePrefix + " " + (char) ('A' + i) + " " + batch;
            String marker = "merkteken-" + (char) ('a' + i) + "-" + batch;
            fx.as(email, () -> profiles.changeName(name));
            people.add(new Person(fx.userId(email), email, name, marker, "nieuw-" + i + "-" + batch + "@test.example", past, future));
        }
        people.forEach(p -> fx.as(p.email(), () -> {
            registrations.signUp(past);
            registrations.signUp(future);
        }));
        // The first session ended half an hour ago (its evaluation opens at the end).
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(120);
        db.update(TRAINING_SESSION).set(TRAINING_SESSION.REGISTRATION_DEADLINE, start).set(TRAINING_SESSION.STARTS_AT, start)
                .set(TRAINING_SESSION.ENDS_AT, start.plusMinutes(90)).where(TRAINING_SESSION.ID.eq(past)).execute();
        for (SessionParticipant participant : fx.as(PrivacyTestSupport.TRAINER, () -> sessions.participants(past))) {
            fx.as(PrivacyTestSupport.TRAINER, () -> sessions.markAttendance(participant.registrationId(), Attendance.PRESENT));
        }
        people.forEach(this::fill);
        return people;
    }

    private void fill(Person person) {
        ModuleWalker walker = new ModuleWalker(training, catalog);
        fx.as(person.email(), () -> {
            Attempt attempt = walker.allStepsDone("herkennen", Audience.SHOP);
            String reflectionStep = catalog.current("herkennen").orElseThrow().stepsFor(Audience.SHOP).stream()
                    .filter(ReflectionStep.class::isInstance).map(s -> s.id()).findFirst().orElse("reflectie");
            training.saveReflection(attempt.id(), reflectionStep, "Mijn buurman " + person.marker());
            training.finish(attempt.id(), new SelfAssessment(4, 5, 4));
            walker.complete("gesprek", Audience.SHOP);
            walker.complete("doorverwijzen", Audience.SHOP);
            RegistrationId registration = registrations.mine().stream().filter(r -> r.session().id().equals(person.pastSession()))
                    .map(MyRegistration::registrationId).findFirst().orElseThrow();
            registrations.evaluate(registration, 8, "Meer oefenen " + person.marker(), "Fijne avond " + person.marker());
            registrations.registerInterest();
            registrations.newCalendarFeed();
            profiles.requestEmailChange(person.newEmail());
        });
        answerFollowUp(person);
        signInLinks.request(person.email(), "203.0.113.7");
        loginThrottle.begin(person.email(), "203.0.113.7");
    }

    private void answerFollowUp(Person person) {
        db.update(FOLLOW_UP).set(FOLLOW_UP.DUE_AT, OffsetDateTime.now().minusMinutes(1))
                .where(FOLLOW_UP.ATTEMPT_ID.in(db.select(nl.omzien.training.internal.db.Tables.MODULE_ATTEMPT.ID).from(nl.omzien.training.internal.db.Tables.MODULE_ATTEMPT)
                        .where(nl.omzien.training.internal.db.Tables.MODULE_ATTEMPT.USER_ID.eq(person.id())))).execute();
        followUpMailer.mailDue();
        String text = db.select(MAIL_OUTBOX.BODY_TEXT).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(person.email()),
                MAIL_OUTBOX.BODY_TEXT.contains("/terugblik/")).orderBy(MAIL_OUTBOX.ID.desc()).limit(1).fetchOne(MAIL_OUTBOX.BODY_TEXT);
        Matcher yes = YES_LINK.matcher(text);
        if (!yes.find()) {
            throw new IllegalStateException("No follow-up link in " + text);
        }
        followUps.answer(yes.group(1), true);
        followUps.tellStory(yes.group(1), "Ik zag mevrouw Jansen " + person.marker());
    }
}
