package nl.omzien.privacy.internal;

import org.jooq.DSLContext;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.privacy.internal.db.Tables.PERSONAL_DATA_AUDIT;
import static nl.omzien.sessions.internal.db.Tables.REGISTRATION;
import static nl.omzien.sessions.internal.db.Tables.SESSION_TRAINER;

/**
 * A few entries in the log of staff actions, so an admin trying the demo sees what the page is for: the
 * demo trainer opened the participant list of their sessions, the Coevorden lead opened a person's account.
 * Runs after the other demo data, once (while the log is empty).
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty(name = "omzien.demo-data", matchIfMissing = true)
class PrivacyDemoData implements ApplicationRunner {

    private static final String TRAINER = "trainer@omzien.example";
    private static final String LEAD = "coalitie@coevorden.example";
    private static final String VIEWED_BY_LEAD = "deelnemer@omzien.example";

    private final DSLContext db;
    private final JooqPrivacyRepository repository;
    private final Clock clock;

    PrivacyDemoData(DSLContext db, JooqPrivacyRepository repository, Clock clock) {
        this.db = db;
        this.repository = repository;
        this.clock = clock;
    }

    private Long idOf(String email) {
        return db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOne(APP_USER.ID);
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (db.fetchExists(PERSONAL_DATA_AUDIT)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Long trainer = idOf(TRAINER);
        Long lead = idOf(LEAD);
        Long participant = idOf(VIEWED_BY_LEAD);
        if (trainer != null) {
            db.select(REGISTRATION.SESSION_ID, REGISTRATION.USER_ID).from(REGISTRATION)
                    .join(SESSION_TRAINER).on(SESSION_TRAINER.SESSION_ID.eq(REGISTRATION.SESSION_ID))
                    .where(SESSION_TRAINER.USER_ID.eq(trainer)).orderBy(REGISTRATION.ID).limit(6)
                    .forEach(r -> repository.audit(now.minusDays(2), trainer, r.value2(), "VIEWED",
                            "session-participants:" + r.value1(), "192.0.2.10"));
        }
        if (lead != null && participant != null) {
            repository.audit(now.minusDays(1), lead, participant, "VIEWED", "user-administration", "192.0.2.20");
        }
    }
}
