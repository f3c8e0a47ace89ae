package nl.omzien.sessions.internal;

import nl.omzien.base.PersonId;

import nl.omzien.sessions.RegistrationId;
import nl.omzien.sessions.SessionId;
import nl.omzien.base.SecretTokens;
import nl.omzien.sessions.TrainingSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Background work for sessions, each item in its own transaction so one failure does not hold up the
 * rest: lapsed offers pass to the next in line, reminders go out the day before, trainers get the
 * go/no-go mail. Every step claims its row first (a column set once), so a second run or a restart
 * never mails twice.
 */
@Component
public class SessionJobs {

    private static final Logger log = LoggerFactory.getLogger(SessionJobs.class);

    private final JooqSessionRepository sessions;
    private final JooqRegistrationRepository registrations;
    private final SeatAllocation seats;
    private final SessionMails mails;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<nl.omzien.sessions.SessionService> sessionService;

    SessionJobs(JooqSessionRepository sessions, JooqRegistrationRepository registrations, SeatAllocation seats,
                SessionMails mails, TransactionTemplate transactions, Clock clock,
                org.springframework.beans.factory.ObjectProvider<nl.omzien.sessions.SessionService> sessionService) {
        this.sessionService = sessionService;
        this.sessions = sessions;
        this.registrations = registrations;
        this.seats = seats;
        this.mails = mails;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @return how many offers lapsed */
    @Scheduled(fixedDelayString = "${omzien.sessions.job-interval:PT1M}", initialDelayString = "PT30S")
    public int expireOffers() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int expired = 0;
        for (var offer : registrations.expiredOffers(now, 100)) {
            Boolean done = transactions.execute(status -> seats.expire(offer, now));
            expired += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return expired;
    }

    /** Reminds everyone with a seat in the 24 hours before their session. @return how many were reminded */
    @Scheduled(fixedDelayString = "${omzien.sessions.job-interval:PT1M}", initialDelayString = "PT40S")
    public int sendReminders() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int sent = 0;
        for (RegistrationId id : registrations.dueForReminder(now, now.plus(Duration.ofHours(24)))) {
            Boolean claimed = transactions.execute(status -> {
                if (!registrations.claimReminder(id, OffsetDateTime.now(clock))) {
                    return false;
                }
                mails.reminder(id);
                return true;
            });
            sent += Boolean.TRUE.equals(claimed) ? 1 : 0;
        }
        return sent;
    }

    /** Early check-ins become attendance once their session has begun. */
    @Scheduled(fixedDelayString = "${omzien.sessions.job-interval:PT1M}", initialDelayString = "PT55S")
    public int confirmEarlyArrivals() {
        return sessionService.getObject().confirmEarlyArrivals();
    }

    /** Mails each trainer of a session with a minimum the count, N days before, with a one-click cancel. */
    @Scheduled(fixedDelayString = "${omzien.sessions.job-interval:PT1M}", initialDelayString = "PT50S")
    public int sendGoNoGo() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int sent = 0;
        for (SessionId id : sessions.dueForGoNoGo(now)) {
            Boolean claimed = transactions.execute(status -> {
                String token = SecretTokens.newToken();
                if (!sessions.claimGoNoGo(id, SecretTokens.hash(token), OffsetDateTime.now(clock))) {
                    return false;
                }
                TrainingSession session = sessions.find(id).orElseThrow();
                List<PersonId> trainers = session.trainerIds();
                if (trainers.isEmpty()) {
                    log.warn("Session {} has a minimum but no trainer to mail", id);
                }
                trainers.forEach(trainer -> mails.goNoGo(session, trainer, token));
                return true;
            });
            sent += Boolean.TRUE.equals(claimed) ? 1 : 0;
        }
        return sent;
    }
}
