package nl.omzien.training.internal;

import nl.omzien.base.SecretTokens;
import nl.omzien.base.Translations;
import nl.omzien.notifications.MailOutbox;
import nl.omzien.notifications.OutgoingMail;
import nl.omzien.people.MailRecipient;
import nl.omzien.people.MailRecipients;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.internal.JooqFollowUpRepository.Due;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Mails the follow-up question when it is due. The mail and the "mailed" mark are written in one
 * transaction with the due rows locked (SKIP LOCKED), so a restart or a second app instance never
 * mails a question twice.
 */
@Component
public class FollowUpMailer {

    private static final Logger log = LoggerFactory.getLogger(FollowUpMailer.class);
    private static final int BATCH_SIZE = 50;

    private final JooqFollowUpRepository followUps;
    private final MailRecipients recipients;
    private final ModuleCatalog catalog;
    private final MailOutbox outbox;
    private final Translations translations;
    private final Clock clock;
    private final String baseUrl;

    FollowUpMailer(JooqFollowUpRepository followUps, MailRecipients recipients, ModuleCatalog catalog, MailOutbox outbox,
                   Translations translations, Clock clock, @Value("${omzien.base-url}") String baseUrl) {
        this.followUps = followUps;
        this.recipients = recipients;
        this.catalog = catalog;
        this.outbox = outbox;
        this.translations = translations;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** @return how many questions were mailed */
    @Scheduled(fixedDelayString = "${omzien.follow-up.poll-interval:PT15M}", initialDelayString = "PT1M")
    @Transactional
    public int mailDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int mailed = 0;
        for (Due due : followUps.lockDue(now, BATCH_SIZE)) {
            Optional<MailRecipient> recipient = recipients.of(due.userId()).filter(MailRecipient::enabled);
            if (recipient.isEmpty()) {
                // Marked without a token: nobody to ask, and nothing to retry.
                followUps.markMailed(due.attemptId(), null, now);
                continue;
            }
            String token = SecretTokens.newToken();
            outbox.enqueue(mail(recipient.get(), due, token));
            followUps.markMailed(due.attemptId(), SecretTokens.hash(token), now);
            mailed++;
        }
        if (mailed > 0) {
            log.info("Mailed {} follow-up questions", mailed);
        }
        return mailed;
    }

    private OutgoingMail mail(MailRecipient to, Due due, String token) {
        Locale locale = to.locale();
        String module = catalog.version(due.moduleId(), due.version()).title().in(locale);
        String date = due.completedAt().atZoneSameInstant(clock.getZone())
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
        String link = baseUrl + "/terugblik/" + token;
        String yes = link + "?answer=yes";
        String no = link + "?answer=no";
        String subject = t(locale, "followup.mail.subject", module);
        String text = t(locale, "followup.mail.text", to.fullName(), module, date, yes, no);
        String html = """
                <p>%s</p><p>%s</p>
                <p><a href="%s" style="display:inline-block;padding:12px 28px;margin:0 12px 12px 0;background:#1d5e3a;color:#fff;text-decoration:none;border-radius:6px;font-size:18px">%s</a>
                <a href="%s" style="display:inline-block;padding:12px 28px;margin:0 12px 12px 0;background:#44525e;color:#fff;text-decoration:none;border-radius:6px;font-size:18px">%s</a></p>
                <p>%s</p>
                """.formatted(
                escape(t(locale, "followup.mail.greeting", to.fullName())),
                escape(t(locale, "followup.mail.question", module, date)),
                escape(yes), escape(t(locale, "followup.answer.yes")),
                escape(no), escape(t(locale, "followup.answer.no")),
                escape(t(locale, "followup.mail.after")));
        return new OutgoingMail(to.email(), subject, text, html, null);
    }

    private String t(Locale locale, String key, Object... params) {
        return translations.getTranslation(key, locale, params);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
