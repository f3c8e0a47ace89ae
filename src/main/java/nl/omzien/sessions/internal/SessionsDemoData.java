package nl.omzien.sessions.internal;

import nl.omzien.sessions.RegistrationId;
import nl.omzien.sessions.SessionId;
import nl.omzien.people.Audience;
import nl.omzien.sessions.Attendance;
import nl.omzien.sessions.RegistrationStatus;
import nl.omzien.sessions.SessionDraft;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.sessions.internal.JooqSessionRepository.Times;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import static nl.omzien.people.published.Tables.V_PERSON;
import static nl.omzien.people.published.Tables.V_MUNICIPALITY;
import static nl.omzien.people.published.Tables.V_ORGANISATION;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;

/**
 * Sessions for the demo municipalities on an empty sessions table: a past one with attendance and
 * evaluations, a full one with a waitlist, an open one, a closed one for the home-care organisation.
 * Written straight to the tables (no mails): the demo should not start with a flooded dev mailbox.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty(name = "omzien.demo-data", matchIfMissing = true)
class SessionsDemoData implements ApplicationRunner {

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
    public void run(ApplicationArguments args) {
        if (db.fetchExists(TRAINING_SESSION) || !db.fetchExists(V_MUNICIPALITY)) {
            return;
        }
        log.info("Loading demo sessions");
        LocalDate today = LocalDate.now(clock.withZone(SessionTimes.ZONE));
        Long coevorden = municipality("Coevorden");
        Long twenterand = municipality("Twenterand");
        if (coevorden == null || twenterand == null) {
            return;
        }
        Long trainer = db.select(V_PERSON.ID).from(V_PERSON).where(V_PERSON.EMAIL.eq("trainer@omzien.example")).fetchOne(V_PERSON.ID);
        Set<Long> trainers = trainer == null ? Set.of() : Set.of(trainer);
        List<Long> coevordenPeople = people(coevorden);
        List<Long> twenterandPeople = people(twenterand);
        Long sanne = db.select(V_PERSON.ID).from(V_PERSON).where(V_PERSON.EMAIL.eq("deelnemer@omzien.example")).fetchOne(V_PERSON.ID);

        SessionId past = session(draft("Signalen herkennen", coevorden, trainers, 12).setDate(today.minusDays(21))
                .setLocation("Dorpshuis De Kiel, Hoofdstraat 1, Dalen").setModuleIds(Set.of("herkennen")));
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
        List<Long> fullPeople = new java.util.ArrayList<>(coevordenPeople.subList(8, 17));
        if (sanne != null) {
            fullPeople.remove(sanne);
            fullPeople.add(3, sanne);
        }
        place(full, fullPeople.subList(0, 9), today.minusDays(3));

        session(draft("Doorverwijzen: wie helpt waar?", coevorden, trainers, 15).setDate(today.plusDays(24))
                .setStartTime(LocalTime.of(14, 0)).setEndTime(LocalTime.of(15, 30)).setMinParticipants(6)
                .setLocation("Kulturhus Sleen, Brink 2").setModuleIds(Set.of("doorverwijzen")).setAudience(Audience.SHOP));
        Long homeCare = organisation("Thuiszorg Zuidoost-Drenthe");
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

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private Long municipality(String name) {
        return db.select(V_MUNICIPALITY.ID).from(V_MUNICIPALITY).where(V_MUNICIPALITY.NAME.eq(name)).fetchOne(V_MUNICIPALITY.ID);
    }

    private Long organisation(String name) {
        return db.select(V_ORGANISATION.ID).from(V_ORGANISATION).where(V_ORGANISATION.NAME.eq(name)).fetchOne(V_ORGANISATION.ID);
    }

    private List<Long> people(long municipalityId) {
        return db.select(V_PERSON.ID).from(V_PERSON).join(V_ORGANISATION).on(V_ORGANISATION.ID.eq(V_PERSON.ORGANISATION_ID))
                .where(V_ORGANISATION.MUNICIPALITY_ID.eq(municipalityId)).orderBy(V_PERSON.ID).fetch(V_PERSON.ID);
    }

    private static SessionDraft draft(String title, long municipality, Set<Long> trainers, int capacity) {
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
    private List<RegistrationId> place(SessionId sessionId, List<Long> userIds, LocalDate when) {
        int capacity = db.select(TRAINING_SESSION.CAPACITY).from(TRAINING_SESSION).where(TRAINING_SESSION.ID.eq(sessionId))
                .fetchOne(TRAINING_SESSION.CAPACITY);
        OffsetDateTime at = when.atTime(10, 0).atZone(SessionTimes.ZONE).toOffsetDateTime();
        List<RegistrationId> ids = new java.util.ArrayList<>();
        for (Long user : userIds) {
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
