package nl.omzien.privacy.internal;

import nl.omzien.privacy.PrivacyDemo;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import static nl.omzien.privacy.internal.db.Tables.PERSONAL_DATA_AUDIT;

/** Example entries in the log of staff actions on personal data. */
@Component
class PrivacyDemoData implements PrivacyDemo {

    private final DSLContext db;
    private final JooqPrivacyRepository repository;
    private final Clock clock;

    PrivacyDemoData(DSLContext db, JooqPrivacyRepository repository, Clock clock) {
        this.db = db;
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void staffActionsLog(List<OnParticipantList> onTheTrainersLists, List<AccountOpened> accountsOpened) {
        if (db.fetchExists(PERSONAL_DATA_AUDIT)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        onTheTrainersLists.stream().limit(6).forEach(on -> repository.audit(now.minusDays(2), on.trainerId(), on.personId(),
                "VIEWED", "session-participants:" + on.sessionId(), "192.0.2.10"));
        accountsOpened.forEach(opened -> repository.audit(now.minusDays(1), opened.staffId(), opened.personId(),
                "VIEWED", "user-administration", "192.0.2.20"));
    }
}
