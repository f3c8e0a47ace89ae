package nl.omzien.requests.internal;

import nl.omzien.requests.TrainingRequestService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Requests made through the public form, by someone without an account, keep their requester's name, address,
 * remarks and IP address only as long as the coalition may still need them: {@code omzien.requests.retention-months} (default 12) after the
 * request's last step. Then they are erased as when a requester with an account deletes it (decision 024). One
 * statement, daily; running it twice, or on two instances at once, erases nothing more.
 */
@Component
public class RequestRetention {

    private static final Logger log = LoggerFactory.getLogger(RequestRetention.class);

    private final JooqRequestRepository repository;
    private final Clock clock;
    private final int months;

    RequestRetention(JooqRequestRepository repository, Clock clock, TrainingRequestService requests) {
        this.repository = repository;
        this.clock = clock;
        this.months = requests.retentionMonths();
    }

    /** @return how many requests lost their requester's data now */
    @Scheduled(cron = "${omzien.requests.retention-cron:0 40 3 * * *}")
    public int eraseQuietPublicRequests() {
        int erased = repository.eraseContactsOfPublicRequestsQuietSince(OffsetDateTime.now(clock).minusMonths(months));
        if (erased > 0) {
            log.info("Retention: erased the requester's data of {} public training requests quiet for {} months", erased, months);
        }
        return erased;
    }
}
