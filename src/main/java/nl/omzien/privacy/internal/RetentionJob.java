package nl.omzien.privacy.internal;

import nl.omzien.base.PersonId;
import nl.omzien.privacy.PersonalDataSubjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The retention rule: accounts nobody used for {@code omzien.retention.inactive-years} years (default 5)
 * are anonymised like a deleted account. Runs daily; an account already anonymised is skipped, so
 * running twice changes nothing. One transaction per account, so one failure does not stop the rest.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final PersonalDataSubjects subjects;
    private final PersonalDataEraser eraser;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int inactiveYears;

    RetentionJob(PersonalDataSubjects subjects, PersonalDataEraser eraser, TransactionTemplate transactions, Clock clock,
                 @Value("${omzien.retention.inactive-years:5}") int inactiveYears) {
        if (inactiveYears < 1) {
            throw new IllegalArgumentException("omzien.retention.inactive-years must be at least 1");
        }
        this.subjects = subjects;
        this.eraser = eraser;
        this.transactions = transactions;
        this.clock = clock;
        this.inactiveYears = inactiveYears;
    }

    /** @return how many accounts were anonymised now */
    @Scheduled(cron = "${omzien.retention.cron:0 30 3 * * *}")
    public int anonymiseInactiveAccounts() {
        OffsetDateTime before = OffsetDateTime.now(clock).minusYears(inactiveYears);
        int done = 0;
        for (PersonId userId : subjects.inactiveSince(before)) {
            try {
                Boolean erased = transactions.execute(status ->
                        eraser.erase(userId, "retention:" + inactiveYears));
                if (Boolean.TRUE.equals(erased)) {
                    done++;
                }
            } catch (RuntimeException e) {
                log.error("Retention: could not anonymise account {}", userId, e);
            }
        }
        if (done > 0) {
            log.info("Retention: anonymised {} accounts inactive since {}", done, before);
        }
        return done;
    }
}
