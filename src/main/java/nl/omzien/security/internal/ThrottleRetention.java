package nl.omzien.security.internal;

import nl.omzien.security.Throttle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The throttle keeps what was typed (e-mail addresses, a stranger's among them) and from where. Its windows are
 * an hour at most, so after {@code omzien.throttle.keep-days} (default 30, enough to look into an attack) the
 * attempts are deleted. One statement, nightly; twice or on two instances at once deletes nothing more.
 */
@Component
public class ThrottleRetention {

    private static final Logger log = LoggerFactory.getLogger(ThrottleRetention.class);

    private final Throttle throttle;
    private final Clock clock;
    private final int keepDays;

    ThrottleRetention(Throttle throttle, Clock clock, @Value("${omzien.throttle.keep-days:30}") int keepDays) {
        this.throttle = throttle;
        this.clock = clock;
        this.keepDays = keepDays;
    }

    /** @return how many attempts were deleted */
    @Scheduled(cron = "${omzien.throttle.retention-cron:0 50 3 * * *}")
    public int deleteOldAttempts() {
        int deleted = throttle.forgetBefore(OffsetDateTime.now(clock).minusDays(keepDays));
        if (deleted > 0) {
            log.info("Retention: deleted {} sign-in and form attempts older than {} days", deleted, keepDays);
        }
        return deleted;
    }
}
