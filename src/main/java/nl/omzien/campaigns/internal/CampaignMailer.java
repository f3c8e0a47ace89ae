package nl.omzien.campaigns.internal;

import nl.omzien.base.SecretTokens;
import nl.omzien.base.Translations;
import nl.omzien.campaigns.Activity;
import nl.omzien.campaigns.Campaign;
import nl.omzien.base.PersonId;
import nl.omzien.notifications.MailOutbox;
import nl.omzien.notifications.OutgoingMail;
import nl.omzien.people.MailRecipient;
import nl.omzien.people.MailRecipients;
import nl.omzien.sessions.SessionTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * During a campaign, mails each trained person of its municipality once: an invitation to practise a conversation
 * again (a refresher) or to go to one of the campaign's activities, with a link to stop campaign mail. The mark
 * (campaigns.campaign_mail, one row per person and campaign) and the mail are written in one transaction, the mark
 * first by an insert that skips people already marked; so a second run, a restart or a second instance running the
 * job at the same moment never mails anyone twice for a campaign (decision 026).
 */
@Component
public class CampaignMailer {

    private static final Logger log = LoggerFactory.getLogger(CampaignMailer.class);
    static final int BATCH_SIZE = 100;
    private static final int ACTIVITIES_IN_MAIL = 5;

    private final JooqCampaignRepository repository;
    private final AgendaSlugs slugs;
    private final MailRecipients recipients;
    private final MailOutbox outbox;
    private final Translations translations;
    private final Clock clock;
    private final String baseUrl;

    CampaignMailer(JooqCampaignRepository repository, AgendaSlugs slugs, MailRecipients recipients, MailOutbox outbox,
                   Translations translations, Clock clock, @Value("${omzien.base-url}") String baseUrl) {
        this.repository = repository;
        this.slugs = slugs;
        this.recipients = recipients;
        this.outbox = outbox;
        this.translations = translations;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** @return how many campaign mails were queued in this run */
    @Scheduled(fixedDelayString = "${omzien.campaigns.mail-interval:PT15M}", initialDelayString = "PT3M")
    @Transactional
    public int mailDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.atZoneSameInstant(SessionTimes.ZONE).toLocalDate();
        int mailed = 0;
        for (Campaign campaign : repository.runningOn(today)) {
            List<Activity> activities = repository.activities(campaign.id()).stream()
                    .filter(a -> a.endsAt().isAfter(now)).limit(ACTIVITIES_IN_MAIL).toList();
            String agenda = baseUrl + "/agenda/" + slugs.slugOf(campaign.municipalityId()).orElse("");
            for (PersonId person : repository.claimRecipients(campaign.id(), campaign.municipalityId(), now, BATCH_SIZE)) {
                Optional<MailRecipient> to = recipients.of(person).filter(MailRecipient::enabled);
                if (to.isEmpty()) {
                    continue; // marked all the same: nobody to write to, nothing to retry
                }
                String token = SecretTokens.newToken();
                repository.setOptOutToken(campaign.id(), person, SecretTokens.hash(token));
                outbox.enqueue(mail(to.get(), campaign, activities, agenda, baseUrl + "/campagnemail/" + token));
                mailed++;
            }
        }
        if (mailed > 0) {
            log.info("Queued {} campaign mails", mailed);
        }
        return mailed;
    }

    private OutgoingMail mail(MailRecipient to, Campaign campaign, List<Activity> activities, String agenda, String stop) {
        Locale locale = to.locale();
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("EEEE d MMMM HH:mm", locale);
        StringBuilder list = new StringBuilder();
        for (Activity a : activities) {
            list.append("- ").append(a.title()).append(", ")
                    .append(SessionTimes.local(a.startsAt()).format(time)).append(", ").append(a.place()).append('\n');
        }
        if (activities.isEmpty()) {
            list.append(t(locale, "campaigns.mail.no-activities")).append('\n');
        }
        String subject = t(locale, "campaigns.mail.subject", campaign.name());
        String text = t(locale, "campaigns.mail.text", to.fullName(), campaign.name(), campaign.startsOn().format(day),
                campaign.endsOn().format(day), baseUrl + "/mijn-training", list.toString(), agenda, stop);
        return new OutgoingMail(to.email(), subject, text);
    }

    private String t(Locale locale, String key, Object... params) {
        return translations.getTranslation(key, locale, params);
    }
}
