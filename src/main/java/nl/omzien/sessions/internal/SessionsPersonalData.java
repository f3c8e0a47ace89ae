package nl.omzien.sessions.internal;

import nl.omzien.base.PersonId;

import nl.omzien.base.PersonalDataSection;
import nl.omzien.base.PersonalDataSubject;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static nl.omzien.sessions.internal.db.Tables.CALENDAR_FEED;
import static nl.omzien.sessions.internal.db.Tables.REGISTRATION;
import static nl.omzien.sessions.internal.db.Tables.SESSION_AUDIT;
import static nl.omzien.sessions.internal.db.Tables.SESSION_EVALUATION;
import static nl.omzien.sessions.internal.db.Tables.SESSION_INTEREST;
import static nl.omzien.sessions.internal.db.Tables.SESSION_TRAINER;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;
import static org.jooq.impl.DSL.select;

/**
 * Sign-ups, attendance, evaluations, interest and the calendar feed; for trainers, the sessions they run.
 * Erasing frees seats at sessions still to come (the waitlist moves up), keeps past registrations and
 * attendance for the coalition's figures, keeps evaluation scores and drops the written answers.
 */
@Component
class SessionsPersonalData implements PersonalDataSection {

    /** Evaluations need some text in "do differently"; this replaces what the person wrote. */
    static final String ERASED_TEXT = "-";

    private final DSLContext db;
    private final SeatAllocation seats;
    private final Clock clock;

    SessionsPersonalData(DSLContext db, SeatAllocation seats, Clock clock) {
        this.db = db;
        this.seats = seats;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sessions";
    }

    @Override
    public Map<String, ?> export(PersonalDataSubject subject) {
        PersonId id = subject.userId();
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("registration", db.select(REGISTRATION.ID, REGISTRATION.SESSION_ID, TRAINING_SESSION.TITLE,
                        TRAINING_SESSION.STARTS_AT, TRAINING_SESSION.LOCATION, REGISTRATION.STATUS, REGISTRATION.ARRIVAL,
                        REGISTRATION.OFFER_EXPIRES_AT, REGISTRATION.ATTENDANCE, REGISTRATION.ATTENDANCE_AT,
                        REGISTRATION.REMINDER_SENT_AT, REGISTRATION.CREATED_AT, REGISTRATION.UPDATED_AT)
                .from(REGISTRATION).join(TRAINING_SESSION).on(TRAINING_SESSION.ID.eq(REGISTRATION.SESSION_ID))
                .where(REGISTRATION.USER_ID.eq(id)).orderBy(REGISTRATION.ID).fetchMaps());
        tables.put("session_evaluation", db.selectFrom(SESSION_EVALUATION)
                .where(SESSION_EVALUATION.REGISTRATION_ID.in(select(REGISTRATION.ID).from(REGISTRATION)
                        .where(REGISTRATION.USER_ID.eq(id)))).fetchMaps());
        tables.put("session_audit", db.select(SESSION_AUDIT.SESSION_ID, SESSION_AUDIT.REGISTRATION_ID, SESSION_AUDIT.ACTION,
                        SESSION_AUDIT.ARRIVAL, SESSION_AUDIT.DETAIL, SESSION_AUDIT.AT)
                .from(SESSION_AUDIT).where(SESSION_AUDIT.USER_ID.eq(id)).orderBy(SESSION_AUDIT.ID).fetchMaps());
        tables.put("session_interest", db.selectFrom(SESSION_INTEREST).where(SESSION_INTEREST.USER_ID.eq(id)).fetchMaps());
        tables.put("calendar_feed", db.select(CALENDAR_FEED.CREATED_AT).from(CALENDAR_FEED)
                .where(CALENDAR_FEED.USER_ID.eq(id)).fetchMaps());
        tables.put("session_trainer", db.select(SESSION_TRAINER.SESSION_ID, TRAINING_SESSION.TITLE, TRAINING_SESSION.STARTS_AT)
                .from(SESSION_TRAINER).join(TRAINING_SESSION).on(TRAINING_SESSION.ID.eq(SESSION_TRAINER.SESSION_ID))
                .where(SESSION_TRAINER.USER_ID.eq(id)).orderBy(TRAINING_SESSION.STARTS_AT).fetchMaps());
        tables.put("training_session", db.select(TRAINING_SESSION.ID, TRAINING_SESSION.TITLE, TRAINING_SESSION.CREATED_AT)
                .from(TRAINING_SESSION).where(TRAINING_SESSION.CREATED_BY.eq(id)).orderBy(TRAINING_SESSION.ID).fetchMaps());
        return tables;
    }

    @Override
    public void erase(PersonalDataSubject subject) {
        PersonId id = subject.userId();
        seats.giveBackPlaces(id, session -> true, OffsetDateTime.now(clock));
        db.update(REGISTRATION).set(REGISTRATION.OFFER_TOKEN_HASH, (String) null).where(REGISTRATION.USER_ID.eq(id)).execute();
        db.update(SESSION_EVALUATION).set(SESSION_EVALUATION.DO_DIFFERENTLY, ERASED_TEXT)
                .set(SESSION_EVALUATION.COMMENT, (String) null)
                .where(SESSION_EVALUATION.REGISTRATION_ID.in(select(REGISTRATION.ID).from(REGISTRATION)
                        .where(REGISTRATION.USER_ID.eq(id)))).execute();
        db.deleteFrom(SESSION_INTEREST).where(SESSION_INTEREST.USER_ID.eq(id)).execute();
        db.deleteFrom(CALENDAR_FEED).where(CALENDAR_FEED.USER_ID.eq(id)).execute();
    }

    /** Before notifications: cancelling a seat queues mails, which that section then clears. */
    @Override
    public int erasureOrder() {
        return -100;
    }
}
