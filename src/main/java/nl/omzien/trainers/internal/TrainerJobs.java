package nl.omzien.trainers.internal;

import nl.omzien.base.Translations;
import nl.omzien.notifications.MailOutbox;
import nl.omzien.notifications.OutgoingMail;
import nl.omzien.people.MailRecipient;
import nl.omzien.people.MailRecipients;
import nl.omzien.trainers.Qualification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Background work on qualifications: qualifies candidates once their first session beside a qualified trainer has
 * taken place, and mails a trainer once, {@link TrainerRegister#REMINDER_DAYS} days before their qualification
 * ends. The reminder and its mark are written in one transaction with the rows locked (SKIP LOCKED), so a restart or
 * a second instance never mails twice.
 */
@Component
public class TrainerJobs {

    private static final Logger log = LoggerFactory.getLogger(TrainerJobs.class);

    private final TrainerRegister register;
    private final JooqTrainerRepository repository;
    private final MailRecipients recipients;
    private final MailOutbox outbox;
    private final Translations translations;
    private final String baseUrl;

    TrainerJobs(TrainerRegister register, JooqTrainerRepository repository, MailRecipients recipients, MailOutbox outbox,
                Translations translations, @Value("${omzien.base-url}") String baseUrl) {
        this.register = register;
        this.repository = repository;
        this.recipients = recipients;
        this.outbox = outbox;
        this.translations = translations;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Scheduled(fixedDelayString = "${omzien.trainers.job-interval:PT15M}", initialDelayString = "PT1M")
    public int qualifyCandidates() {
        int qualified = register.qualifyCandidates();
        if (qualified > 0) {
            log.info("Qualified {} trainers after their first session", qualified);
        }
        return qualified;
    }

    /** @return how many reminders were queued */
    @Scheduled(fixedDelayString = "${omzien.trainers.job-interval:PT15M}", initialDelayString = "PT2M")
    @Transactional
    public int remindDue() {
        LocalDate today = register.today();
        int mailed = 0;
        for (Qualification due : repository.lockRemindersDue(today, today.plusDays(TrainerRegister.REMINDER_DAYS), 50)) {
            repository.markReminded(due.id(), register.now());
            Optional<MailRecipient> to = recipients.of(due.personId()).filter(MailRecipient::enabled);
            if (to.isPresent()) {
                outbox.enqueue(reminder(to.get(), due));
                mailed++;
            }
        }
        return mailed;
    }

    private OutgoingMail reminder(MailRecipient to, Qualification due) {
        Locale locale = to.locale();
        String date = due.expiresOn().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
        int minimum = register.rule(due.municipalityId()).minSessionsPerYear();
        return new OutgoingMail(to.email(), translations.getTranslation("mail.trainer-expiry.subject", locale, date),
                translations.getTranslation("mail.trainer-expiry.text", locale, to.fullName(), date, minimum,
                        baseUrl + "/mijn-trainerschap"));
    }
}
