package nl.omzien.training.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import nl.omzien.base.SecretTokens;
import nl.omzien.training.HelpKind;
import nl.omzien.training.ReferralAction;
import org.jooq.impl.DSL;
import nl.omzien.people.DemoPeople;
import nl.omzien.people.DemoPeople.Person;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.ModuleCompleted;
import nl.omzien.training.SelfAssessment;
import nl.omzien.training.TrainingDemo;
import nl.omzien.training.TrainingService;
import nl.omzien.training.content.QuizStep;
import nl.omzien.training.content.Step;
import nl.omzien.training.content.TrainingModule;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static nl.omzien.people.published.Tables.V_PERSON;
import static nl.omzien.training.internal.db.Tables.FOLLOW_UP;
import static nl.omzien.training.internal.db.Tables.MODULE_ATTEMPT;
import static nl.omzien.training.internal.db.Tables.REFERRAL_TAP;
import static nl.omzien.training.internal.db.Tables.STORY_RELEASE;

/** Gives the demo people training history, so "Mijn training", reports and the follow-up answers show something on a first start. */
@Component
class TrainingDemoData implements TrainingDemo {

    private static final Logger log = LoggerFactory.getLogger(TrainingDemoData.class);

    /** Who completed what, how many days ago. Church people only did module 1, so they can still start module 2. */
    private record Completion(String email, String moduleId, int daysAgo) { }

    private static final List<Completion> COMPLETIONS = List.of(
            new Completion("deelnemer@omzien.example", "herkennen", 36),
            new Completion("mehmet.yilmaz@demo.example", "herkennen", 240),
            new Completion("mehmet.yilmaz@demo.example", "gesprek", 232),
            new Completion("mehmet.yilmaz@demo.example", "doorverwijzen", 225),
            new Completion("kees.brouwer@demo.example", "herkennen", 200),
            new Completion("kees.brouwer@demo.example", "gesprek", 150),
            new Completion("kees.brouwer@demo.example", "doorverwijzen", 140),
            new Completion("marieke.post@demo.example", "herkennen", 180),
            new Completion("marieke.post@demo.example", "gesprek", 176),
            new Completion("marieke.post@demo.example", "doorverwijzen", 120),
            new Completion("anouk.kuipers@demo.example", "herkennen", 95),
            new Completion("jannie.schepers@demo.example", "herkennen", 130),
            new Completion("ds.albert.koster@demo.example", "herkennen", 128),
            new Completion("lukasz.nowak@demo.example", "herkennen", 60),
            new Completion("bram.nijhuis@demo.example", "herkennen", 210),
            new Completion("bram.nijhuis@demo.example", "gesprek", 205),
            new Completion("bram.nijhuis@demo.example", "doorverwijzen", 201),
            new Completion("marian.rolink@demo.example", "herkennen", 21),
            new Completion("jose.pereira@demo.example", "herkennen", 12));

    /** Follow-up stories as people would write them: no names, nothing that identifies a resident. */
    private static final List<String> STORIES = List.of(
            "Een vaste klant kwam steeds vaker zomaar binnen. Ik heb gevraagd hoe het echt ging. Ze vertelde dat haar man vorig jaar is overleden.",
            "Ik zag dat een meneer op mijn route nooit bezoek krijgt. Ik heb het aan de wijkverpleegkundige verteld, met zijn toestemming.",
            "Na de kerkdienst bleef iemand alleen bij de koffie zitten. Ik ben erbij gaan zitten. We hebben nu elke week een praatje.");

    private final DSLContext db;
    private final ModuleCatalog catalog;
    private final JooqTrainingRepository progress;
    private final JooqFollowUpRepository followUps;
    private final JooqReferralRepository referrals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TrainingDemoData(DSLContext db, ModuleCatalog catalog, JooqTrainingRepository progress, JooqFollowUpRepository followUps,
                     JooqReferralRepository referrals, ApplicationEventPublisher events, Clock clock) {
        this.referrals = referrals;
        this.db = db;
        this.catalog = catalog;
        this.progress = progress;
        this.followUps = followUps;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void trainingHistory(DemoPeople people) {
        if (db.fetchExists(MODULE_ATTEMPT)) {
            return;
        }
        if (people.person("deelnemer@omzien.example").isEmpty()) {
            return;
        }
        log.info("Loading demo training progress");
        OffsetDateTime now = OffsetDateTime.now(clock);
        Random random = new Random(42);
        int storyIndex = 0;
        for (Completion completion : COMPLETIONS) {
            Person person = people.person(completion.email()).orElse(null);
            TrainingModule module = catalog.current(completion.moduleId()).orElse(null);
            if (person == null || module == null) {
                continue;
            }
            OffsetDateTime finishedAt = now.minusDays(completion.daysAgo()).withHour(10 + random.nextInt(8)).withMinute(random.nextInt(60));
            long attemptId = complete(person, module, finishedAt, random);
            OffsetDateTime dueAt = finishedAt.plus(TrainingService.FOLLOW_UP_AFTER);
            followUps.schedule(person.id(), attemptId, dueAt);
            if (dueAt.isBefore(now)) {
                // Mailed long ago (to a link nobody has); most people answered.
                followUps.markMailed(attemptId, SecretTokens.hash(SecretTokens.newToken()), dueAt);
                if (random.nextInt(10) < 7) {
                    boolean noticed = random.nextInt(10) < 6;
                    followUps.answer(attemptId, noticed, dueAt.plusHours(3));
                    if (noticed && storyIndex < STORIES.size()) {
                        followUps.saveStory(attemptId, STORIES.get(storyIndex++));
                    }
                }
            }
        }
        halfway(people.person("deelnemer@omzien.example").orElseThrow(), "gesprek", now.minusDays(2));
    }

    private long complete(Person person, TrainingModule module, OffsetDateTime finishedAt, Random random) {
        List<Step> steps = module.stepsFor(person.audience());
        OffsetDateTime at = finishedAt.minusMinutes(module.minutes() + 5L);
        long attemptId = progress.openAttempt(person.id(), module.id(), module.version(), person.audience(), steps.getFirst().id(), at);
        int before = 2 + random.nextInt(2);
        progress.saveSelfAssessment(attemptId, "PRE", new SelfAssessment(before, before - 1 + random.nextInt(2), before - 1), at);
        int correct = 0;
        int total = 0;
        for (Step step : steps) {
            int seconds = 60 + random.nextInt(240);
            at = at.plusSeconds(seconds);
            if (step instanceof QuizStep quiz) {
                total = quiz.questions().size();
                correct = Math.max((int) Math.ceil(total * module.passMark() / 100.0), total - random.nextInt(2));
                progress.addQuizSubmission(attemptId, quiz.id(), correct, total, true, "demo", at);
            }
            progress.completeStep(attemptId, step.id(), seconds, at);
        }
        progress.moveTo(attemptId, steps.getLast().id(), at);
        progress.saveSelfAssessment(attemptId, "POST", new SelfAssessment(Math.min(5, before + 2), Math.min(5, before + 1),
                Math.min(5, before + 1 + random.nextInt(2))), finishedAt);
        int score = total == 0 ? 100 : Math.round(100f * correct / total);
        progress.complete(attemptId, score, finishedAt);
        events.publishEvent(new ModuleCompleted(attemptId, person.id(), module.id(), module.version(), score, finishedAt));
        return attemptId;
    }

    /** The original names a resident; the lead's copy does not (what "remove names before showing" means). */
    private static final String NAMED_STORY = "Mevrouw De Boer uit de Kerkstraat zei bij de kassa dat ze al weken niemand had gesproken. "
            + "Ik heb haar het nummer van het meldpunt gegeven en gevraagd of ik iemand mocht laten bellen.";
    private static final String NAMED_STORY_SHOWN = "Een klant zei bij de kassa dat ze al weken niemand had gesproken. "
            + "Ik heb haar het nummer van het meldpunt gegeven en gevraagd of ik iemand mocht laten bellen.";
    private static final String PRIVATE_STORY = "Mijn buurvrouw uit de zaak vertelde dat haar zoon nooit meer langskomt. "
            + "Ik weet nog niet goed wat ik ermee moet.";

    @Override
    @Transactional
    public void storiesAndReferralTaps(DemoPeople people) {
        if (db.fetchExists(REFERRAL_TAP)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Random random = new Random(21);
        var colleague = V_PERSON.as("colleague");
        var size = DSL.field(DSL.selectCount().from(colleague).where(colleague.ORGANISATION_ID.eq(V_PERSON.ORGANISATION_ID)));
        for (MunicipalityId municipality : people.municipalities().values()) {
            List<PersonId> there = people.peopleIn(municipality);
            // Answered follow-ups there, larger organisations and "yes" first (a story of a small one is never shown).
            List<Long> answered = db.select(FOLLOW_UP.ATTEMPT_ID).from(FOLLOW_UP)
                    .join(MODULE_ATTEMPT).on(MODULE_ATTEMPT.ID.eq(FOLLOW_UP.ATTEMPT_ID))
                    .join(V_PERSON).on(V_PERSON.ID.eq(MODULE_ATTEMPT.USER_ID))
                    .where(MODULE_ATTEMPT.USER_ID.in(there), FOLLOW_UP.ANSWERED_AT.isNotNull())
                    .orderBy(size.desc(), FOLLOW_UP.NOTICED.desc(), FOLLOW_UP.ATTEMPT_ID)
                    .fetch(FOLLOW_UP.ATTEMPT_ID);
            if (!answered.isEmpty()) {
                long shown = answered.getFirst();
                followUps.answer(shown, true, now.minusDays(20));
                followUps.saveStory(shown, NAMED_STORY);
                db.insertInto(STORY_RELEASE).set(STORY_RELEASE.ATTEMPT_ID, shown).set(STORY_RELEASE.SHOWN_TEXT, NAMED_STORY_SHOWN)
                        .set(STORY_RELEASE.APPROVED_AT, now.minusDays(10)).onConflictDoNothing().execute();
            }
            if (answered.size() > 1) {
                long kept = answered.get(1);
                followUps.answer(kept, true, now.minusDays(15));
                followUps.saveStory(kept, PRIVATE_STORY);
            }
            List<PersonId> trained = db.selectDistinct(MODULE_ATTEMPT.USER_ID).from(MODULE_ATTEMPT)
                    .where(MODULE_ATTEMPT.USER_ID.in(there), MODULE_ATTEMPT.PASSED.isTrue())
                    .orderBy(MODULE_ATTEMPT.USER_ID).fetch(MODULE_ATTEMPT.USER_ID);
            for (int i = 0; !trained.isEmpty() && i < 14; i++) {
                PersonId who = trained.get(random.nextInt(trained.size()));
                ReferralAction action = random.nextInt(3) == 0 ? ReferralAction.NOTICED : ReferralAction.REFERRED;
                HelpKind kind = HelpKind.values()[random.nextInt(10) < 5 ? 0 : random.nextInt(HelpKind.values().length)];
                OffsetDateTime at = now.minusDays(3 + random.nextInt(170)).withHour(9 + random.nextInt(9));
                referrals.insert(new UUID(random.nextLong(), random.nextLong()), who, action, kind, at);
            }
        }
    }

    /** An attempt stopped at the third step, as if the person closed their phone between clients. */
    private void halfway(Person person, String moduleId, OffsetDateTime startedAt) {
        TrainingModule module = catalog.current(moduleId).orElse(null);
        if (person == null || module == null) {
            return;
        }
        List<Step> steps = module.stepsFor(person.audience());
        long attemptId = progress.openAttempt(person.id(), moduleId, module.version(), person.audience(), steps.getFirst().id(), startedAt);
        progress.saveSelfAssessment(attemptId, "PRE", new SelfAssessment(3, 2, 2), startedAt);
        int stop = Math.min(2, steps.size() - 1);
        for (int i = 0; i < stop; i++) {
            progress.completeStep(attemptId, steps.get(i).id(), 150, startedAt.plusMinutes(3L * (i + 1)));
        }
        progress.moveTo(attemptId, steps.get(stop).id(), startedAt.plusMinutes(3L * stop));
    }
}
