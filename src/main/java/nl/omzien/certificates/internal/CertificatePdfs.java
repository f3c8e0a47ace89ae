package nl.omzien.certificates.internal;

import com.ibm.icu.text.ListFormatter;
import nl.omzien.base.SecretTokens;
import nl.omzien.base.Translations;
import nl.omzien.certificates.CertificateId;
import nl.omzien.certificates.CertificateIssued;
import nl.omzien.certificates.internal.db.tables.records.CertificateRecord;
import nl.omzien.people.PersonProfile;
import nl.omzien.people.PersonProfiles;
import nl.omzien.sessions.SessionFacts;
import nl.omzien.sessions.TrainingSession;
import nl.omzien.training.content.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders a certificate's PDF and mails it after the issuing transaction has committed, each in its own
 * transaction, and retries with a growing pause when rendering fails (a logo PDFBox cannot read, say):
 * the learner's completion and certificate stand whatever happens to the PDF. Rendering runs on the
 * completing thread right after the commit, so the learner normally has the PDF when the page answers;
 * the retry job catches failures and a crash between commit and rendering. Like the mail outbox, this
 * is safe with several app instances: a PDF is claimed with SKIP LOCKED.
 */
@Component
public class CertificatePdfs {

    /** A new certificate is left to its after-commit rendering this long before the retry job may take it. */
    static final Duration FIRST_RETRY_AFTER = Duration.ofMinutes(2);
    private static final Duration LONGEST_PAUSE = Duration.ofHours(6);
    private static final Logger log = LoggerFactory.getLogger(CertificatePdfs.class);

    private final JooqCertificateRepository certificates;
    private final PersonProfiles profiles;
    private final CertificatePdfRenderer renderer;
    private final CertificateMailer mailer;
    private final SessionFacts sessions;
    private final LogoCache logos;
    private final Translations translations;
    private final CertificateIssuer issuer;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CertificatePdfs(JooqCertificateRepository certificates, PersonProfiles profiles, CertificatePdfRenderer renderer,
                    CertificateMailer mailer, SessionFacts sessions, LogoCache logos, Translations translations,
                    CertificateIssuer issuer, PlatformTransactionManager transactions, Clock clock) {
        this.certificates = certificates;
        this.profiles = profiles;
        this.renderer = renderer;
        this.mailer = mailer;
        this.sessions = sessions;
        this.logos = logos;
        this.translations = translations;
        this.issuer = issuer;
        // After a commit the finished transaction's resources are still bound: only a new one writes.
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void issued(CertificateIssued issued) {
        render(issued.certificateId());
    }

    /** Retries every PDF that is due; also run by tests after moving the clock. */
    @Scheduled(fixedDelayString = "${omzien.certificates.pdf-retry-every:PT1M}")
    public void renderDue() {
        for (CertificateId id : certificates.pdfDue(OffsetDateTime.now(clock), 50)) {
            render(id);
        }
    }

    /** Renders, stores and mails one PDF; on failure records it and when to try again. Never throws. */
    public boolean render(CertificateId certificateId) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> renderLocked(certificateId)));
        } catch (RuntimeException e) {
            log.warn("Certificate {}: rendering its PDF failed; will retry", certificateId, e);
            try {
                transaction.executeWithoutResult(status -> {
                    int attempts = certificates.pdfAttempts(certificateId) + 1;
                    Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
                    String error = e.getMessage() + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
                    certificates.pdfFailed(certificateId, OffsetDateTime.now(clock).plus(pauseAfter(attempts)),
                            error.substring(0, Math.min(500, error.length())));
                });
            } catch (RuntimeException again) {
                log.error("Certificate {}: could not record the failed rendering", certificateId, again);
            }
            return false;
        }
    }

    /** 1, 2, 4, … minutes, at most six hours: a fixed logo is picked up soon, a lasting fault costs little. */
    static Duration pauseAfter(int attempts) {
        Duration pause = Duration.ofMinutes(1L << Math.min(attempts - 1, 20));
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    private boolean renderLocked(CertificateId certificateId) {
        Optional<CertificateRecord> pending = certificates.lockPendingPdf(certificateId);
        if (pending.isEmpty()) {
            return false;
        }
        CertificateRecord record = pending.get();
        Optional<PersonProfile> holder = record.getUserId() == null ? Optional.empty() : profiles.of(record.getUserId());
        if (holder.isEmpty()) {
            return false; // account deleted meanwhile: the certificate was revoked and its name erased
        }
        CertificateContent content = content(record, holder.get().locale());
        byte[] pdf = renderer.render(content);
        certificates.storePdf(certificateId, pdf, SecretTokens.sha256Hex(pdf));
        mailer.issued(holder.get(), content, pdf);
        return true;
    }

    private CertificateContent content(CertificateRecord c, Locale locale) {
        PreparedLogo logo = logos.of(c.getMunicipalityId())
                .map(l -> l.withAltText(translations.getTranslation("certificate.pdf.logo-alt", locale, c.getMunicipalityName())))
                .orElse(null);
        String sessionLine = c.getSessionId() == null ? null
                : sessions.of(c.getSessionId()).map(s -> sessionLine(s, locale)).orElse(null);
        return new CertificateContent(c.getHolderName(), new Text(c.getPathTitleNl(), c.getPathTitleEn()).in(locale),
                c.getCompletedOn(), c.getExpiresAt() == null ? null : c.getExpiresAt().atZoneSameInstant(clock.getZone()).toLocalDate(),
                c.getOrganisationName(), c.getMunicipalityName(), sessionLine, c.getCode(), issuer.verifyUrl(c.getCode()), locale, logo);
    }

    /** E.g. "Training op 12 maart 2026 in Dorpshuis De Brink, trainer Anna de Vries". */
    String sessionLine(TrainingSession session, Locale locale) {
        String date = session.startsAt().atZoneSameInstant(clock.getZone())
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
        String line = session.location() != null
                ? translations.getTranslation("certificate.pdf.session", locale, date, session.location())
                : translations.getTranslation("certificate.pdf.session.online", locale, date);
        List<String> trainers = session.trainerNames();
        if (trainers.isEmpty()) {
            return line;
        }
        String names = ListFormatter.getInstance(locale).format(trainers);
        return translations.getTranslation(trainers.size() == 1 ? "certificate.pdf.session.trainer" : "certificate.pdf.session.trainers",
                locale, line, names);
    }
}
