package nl.omzien.sessions.internal;

import nl.omzien.base.MunicipalityId;

import nl.omzien.base.OrganisationId;

import nl.omzien.base.PersonId;

import nl.omzien.sessions.RegistrationId;
import nl.omzien.sessions.SessionId;
import nl.omzien.people.Audience;
import nl.omzien.people.DemoPeople;
import nl.omzien.sessions.Attendance;
import nl.omzien.sessions.DemoSessions;
import nl.omzien.sessions.RegistrationStatus;
import nl.omzien.sessions.SessionDraft;
import nl.omzien.sessions.SessionsDemo;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.sessions.internal.JooqSessionRepository.Times;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.omzien.sessions.internal.db.Tables.REGISTRATION;
import static nl.omzien.sessions.internal.db.Tables.SESSION_TRAINER;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;

/**
 * Sessions for the demo municipalities on an empty sessions table: a past one with attendance and
 * evaluations, a full one with a waitlist, an open one, a closed one for the home-care organisation.
 * Written straight to the tables (no mails): the demo should not start with a flooded dev mailbox.
 */
@Component
class SessionsDemoData implements SessionsDemo {

    private static final Logger log = LoggerFactory.getLogger(SessionsDemoData.class);

    private final DSLContext db;
    private final JooqSessionRepository sessions;
    private final JooqRegistrationRepository registrations;
    private final Clock clock;

    SessionsDemoData(DSLContext db, JooqSessionRepository sessions, JooqRegistrationRepository registrations, Clock clock) {
        this.db = db;
        this.sessions = sessions;
        this.registrations = registrations;
        this.clock = clock;
    }

    @Override
    @Transactional
    public DemoSessions sessionsWithSignUpsAndAWaitingList(DemoPeople people) {
        MunicipalityId coevorden = people.municipality("Coevorden").orElse(null);
        MunicipalityId twenterand = people.municipality("Twenterand").orElse(null);
        if (!db.fetchExists(TRAINING_SESSION) && coevorden != null && twenterand != null) {
            load(people, coevorden, twenterand);
        }
        return asFound();
    }

    private void load(DemoPeople people, MunicipalityId coevorden, MunicipalityId twenterand) {
        log.info("Loading demo sessions");
        LocalDate today = LocalDate.now(clock.withZone(SessionTimes.ZONE));
        PersonId trainer = people.person("trainer@omzien.example").map(DemoPeople.Person::id).orElse(null);
        Set<PersonId> trainers = trainer == null ? Set.of() : Set.of(trainer);
        List<PersonId> coevordenPeople = people.peopleIn(coevorden);
        List<PersonId> twenterandPeople = people.peopleIn(twenterand);
        PersonId sanne = people.person("deelnemer@omzien.example").map(DemoPeople.Person::id).orElse(null);

        SessionId past = session(draft("Signalen herkennen", coevorden, trainers, 12).setDate(today.minusDays(21))
                .setLocation("Dorpshuis De Kiel, Hoofdstraat 1, Dalen").setModuleIds(Set.of("herkennen"))
                // Issue 22: accredited in PE-online (a made-up number), so its trainer can download the attendance file.
                .setAccreditationNumber("412345"));
        List<RegistrationId> pastIds = place(past, coevordenPeople.subList(0, 8), today.minusDays(30));
        for (int i = 0; i < pastIds.size(); i++) {
            Attendance attendance = i < 6 ? Attendance.PRESENT : i == 6 ? Attendance.ABSENT : Attendance.EXCUSED;
            registrations.setAttendance(pastIds.get(i), attendance, now());
        }
        registrations.saveEvaluation(pastIds.get(0), 9, "Ik vraag vaker door als een klant zegt dat het wel gaat.", "Fijne, open sfeer.", now());
        registrations.saveEvaluation(pastIds.get(1), 8, "Ik let op mensen die ineens niet meer komen.", null, now());
        registrations.saveEvaluation(pastIds.get(2), 7, "De sociale kaart van Coevorden bij de kassa leggen.", "Graag meer oefenen.", now());

        SessionId full = session(draft("Het gesprek aangaan", coevorden, trainers, 6).setDate(today.plusDays(10))
                .setLocation("Bibliotheek Coevorden, Kasteel 5, leeszaal").setModuleIds(Set.of("gesprek"))
                .setNotes("Koffie en thee staan klaar vanaf 19:15."));
        List<PersonId> fullPeople = new java.util.ArrayList<>(coevordenPeople.subList(8, 17));
        if (sanne != null) {
            fullPeople.remove(sanne);
            fullPeople.add(3, sanne);
        }
        place(full, fullPeople.subList(0, 9), today.minusDays(3));

        session(draft("Doorverwijzen: wie helpt waar?", coevorden, trainers, 15).setDate(today.plusDays(24))
                .setStartTime(LocalTime.of(14, 0)).setEndTime(LocalTime.of(15, 30)).setMinParticipants(6)
                .setLocation("Kulturhus Sleen, Brink 2").setModuleIds(Set.of("doorverwijzen")).setAudience(Audience.SHOP));
        OrganisationId homeCare = people.organisation("Thuiszorg Zuidoost-Drenthe").orElse(null);
        session(draft("Signalen herkennen voor het thuiszorgteam", coevorden, trainers, 10).setDate(today.plusDays(17))
                .setStartTime(LocalTime.of(13, 0)).setEndTime(LocalTime.of(14, 30)).setOrganisationId(homeCare)
                .setLocation("Thuiszorg Zuidoost-Drenthe, teamruimte").setAudience(Audience.PROFESSIONAL));

        SessionId twPast = session(draft("Signalen herkennen", twenterand, Set.of(), 10).setDate(today.minusDays(14))
                .setLocation("Het Kulturhus, Vriezenveen"));
        List<RegistrationId> twIds = place(twPast, twenterandPeople.subList(0, 5), today.minusDays(20));
        twIds.forEach(id -> registrations.setAttendance(id, Attendance.PRESENT, now()));
        SessionId twNext = session(draft("Het gesprek aangaan", twenterand, Set.of(), 12).setDate(today.plusDays(12))
                .setLocation("Eetcafé De Linde, Vriezenveen").setOnlineUrl("https://meet.example/omzien-twenterand"));
        place(twNext, twenterandPeople.subList(5, 9), today.minusDays(2));
    }

    @Override
    @Transactional
    public void theWalkInWasAtThePastSession(PersonId walkInId) {
        if (db.fetchExists(REGISTRATION, REGISTRATION.USER_ID.eq(walkInId))) {
            return;
        }
        var past = db.select(TRAINING_SESSION.ID, TRAINING_SESSION.CREATED_BY, TRAINING_SESSION.STARTS_AT).from(TRAINING_SESSION)
                .where(TRAINING_SESSION.TITLE.eq("Signalen herkennen"), TRAINING_SESSION.STARTS_AT.lt(now()),
                        TRAINING_SESSION.CREATED_BY.isNotNull())
                .orderBy(TRAINING_SESSION.ID).limit(1).fetchOptional();
        if (past.isEmpty()) {
            return;
        }
        SessionId session = past.get().value1();
        PersonId trainer = past.get().value2();
        OffsetDateTime at = past.get().value3().plusMinutes(5);
        long arrival = sessions.nextArrival(session);
        // A full session still lets the person at the door in: one seat more, as SessionService.addWalkIn does.
        int capacity = db.select(TRAINING_SESSION.CAPACITY).from(TRAINING_SESSION).where(TRAINING_SESSION.ID.eq(session))
                .fetchOne(TRAINING_SESSION.CAPACITY);
        if (sessions.seatsHeld(session) >= capacity) {
            sessions.raiseCapacity(session, capacity + 1, at);
        }
        RegistrationId id = registrations.insert(session, walkInId, RegistrationStatus.CONFIRMED, arrival, trainer, at);
        registrations.audit(session, id, walkInId, trainer, "WALK_IN", arrival, "demo", at);
        registrations.setAttendance(id, Attendance.PRESENT, at);
        registrations.savePaperEvaluation(id, 8, "Vaker vragen hoe het echt gaat, ook bij de vaste klanten.", null, trainer, at.plusHours(2));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private DemoSessions asFound() {
        Map<SessionId, Set<PersonId>> trainers = new HashMap<>();
        db.select(SESSION_TRAINER.SESSION_ID, SESSION_TRAINER.USER_ID).from(SESSION_TRAINER)
                .forEach(r -> trainers.computeIfAbsent(r.value1(), id -> new HashSet<>()).add(r.value2()));
        List<DemoSessions.SignUp> signUps = db.select(REGISTRATION.SESSION_ID, REGISTRATION.USER_ID).from(REGISTRATION)
                .orderBy(REGISTRATION.ID)
                .fetch(r -> new DemoSessions.SignUp(r.value1(), r.value2(), trainers.getOrDefault(r.value1(), Set.of())));
        return new DemoSessions(db.select(TRAINING_SESSION.ID).from(TRAINING_SESSION).orderBy(TRAINING_SESSION.ID)
                .fetch(TRAINING_SESSION.ID), signUps);
    }

    private static SessionDraft draft(String title, MunicipalityId municipality, Set<PersonId> trainers, int capacity) {
        return new SessionDraft().setTitle(title).setMunicipalityId(municipality).setTrainerIds(trainers)
                .setCapacity(capacity).setStartTime(LocalTime.of(19, 30)).setEndTime(LocalTime.of(21, 0));
    }

    private SessionId session(SessionDraft draft) {
        ZonedDateTime start = draft.getDate().atTime(draft.getStartTime()).atZone(SessionTimes.ZONE);
        ZonedDateTime end = draft.getDate().atTime(draft.getEndTime()).atZone(SessionTimes.ZONE);
        return sessions.insert(draft, new Times(start.toOffsetDateTime(), end.toOffsetDateTime(),
                start.minusDays(1).toOffsetDateTime()), null, draft.getTrainerIds().stream().findFirst().orElse(null), now());
    }

    /** Signs people up in order: seats first, then the waitlist. Returns their registration ids. */
    private List<RegistrationId> place(SessionId sessionId, List<PersonId> userIds, LocalDate when) {
        int capacity = db.select(TRAINING_SESSION.CAPACITY).from(TRAINING_SESSION).where(TRAINING_SESSION.ID.eq(sessionId))
                .fetchOne(TRAINING_SESSION.CAPACITY);
        OffsetDateTime at = when.atTime(10, 0).atZone(SessionTimes.ZONE).toOffsetDateTime();
        List<RegistrationId> ids = new java.util.ArrayList<>();
        for (PersonId user : userIds) {
            RegistrationStatus status = ids.size() < capacity ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
            long arrival = sessions.nextArrival(sessionId);
            RegistrationId id = registrations.insert(sessionId, user, status, arrival, user, at);
            registrations.audit(sessionId, id, user, user, "SIGNED_UP_" + status.name(), arrival, "demo", at);
            ids.add(id);
            at = at.plusMinutes(37);
        }
        return ids;
    }
}
