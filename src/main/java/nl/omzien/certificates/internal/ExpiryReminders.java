package nl.omzien.certificates.internal;

import nl.omzien.base.Translations;
import nl.omzien.certificates.LearningPath;
import nl.omzien.certificates.LearningPaths;
import nl.omzien.certificates.internal.JooqCertificateRepository.ReminderDue;
import nl.omzien.notifications.MailOutbox;
import nl.omzien.notifications.OutgoingMail;
import nl.omzien.people.MailRecipient;
import nl.omzien.people.MailRecipients;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.content.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Mails holders 30 days before their certificate expires, with links to the modules that renew it. The
 * mail and the certificate's "reminded" mark are written in one transaction with the due rows locked
 * (SKIP LOCKED), like the follow-up question in training: a restart or a second instance never mails twice.
 */
@Component
public class ExpiryReminders {

    public static final Duration BEFORE_EXPIRY = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(ExpiryReminders.class);
    private static final int BATCH_SIZE = 50;

    private final JooqCertificateRepository certificates;
    private final LearningPaths paths;
    private final ModuleCatalog catalog;
    private final MailRecipients recipients;
    private final MailOutbox outbox;
    private final Translations translations;
    private final Clock clock;
    private final String baseUrl;

    ExpiryReminders(JooqCertificateRepository certificates, LearningPaths paths, ModuleCatalog catalog, MailRecipients recipients,
                    MailOutbox outbox, Translations translations, Clock clock, @Value("${omzien.base-url}") String baseUrl) {
        this.certificates = certificates;
        this.paths = paths;
        this.catalog = catalog;
        this.recipients = recipients;
        this.outbox = outbox;
        this.translations = translations;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** @return how many reminders were queued */
    @Scheduled(fixedDelayString = "${omzien.certificates.reminder-interval:PT1H}", initialDelayString = "PT2M")
    @Transactional
    public int remindDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int mailed = 0;
        for (ReminderDue due : certificates.lockRemindersDue(now, now.plus(BEFORE_EXPIRY), BATCH_SIZE)) {
            Optional<MailRecipient> recipient = recipients.of(due.userId()).filter(MailRecipient::enabled)
                    .filter(r -> r.email() != null);
            // Marked either way: a disabled account has nobody to remind, and nothing to retry.
            certificates.markReminded(due.id(), now);
            if (recipient.isPresent()) {
                outbox.enqueue(mail(recipient.get(), due));
                mailed++;
            }
        }
        if (mailed > 0) {
            log.info("Queued {} certificate expiry reminders", mailed);
        }
        return mailed;
    }

    private OutgoingMail mail(MailRecipient to, ReminderDue due) {
        Locale locale = to.locale();
        String path = new Text(due.pathTitleNl(), due.pathTitleEn()).in(locale);
        String date = due.expiresAt().atZoneSameInstant(clock.getZone())
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
        Optional<LearningPath> learningPath = paths.find(due.pathId());
        String modules = learningPath.map(p -> p.renewalModules().stream()
                        .map(m -> "- " + catalog.current(m.moduleId()).map(module -> module.title().in(locale)).orElse(m.moduleId())
                                + ": " + baseUrl + "/training/" + m.moduleId())
                        .collect(Collectors.joining("\n")))
                .orElse(baseUrl + "/mijn-training");
        String session = learningPath.filter(LearningPath::attendanceRequired)
                .map(p -> "\n" + t(locale, "certificate.reminder.session", baseUrl + "/sessies") + "\n")
                .orElse("");
        String subject = t(locale, "certificate.reminder.subject", path, date);
        String text = t(locale, "certificate.reminder.text", to.fullName(), path, date, modules, session, due.code(),
                baseUrl + "/mijn-certificaten");
        return new OutgoingMail(to.email(), subject, text);
    }

    private String t(Locale locale, String key, Object... params) {
        return translations.getTranslation(key, locale, params);
    }
}
