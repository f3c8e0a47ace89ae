package nl.omzien.certificates.internal;

import nl.omzien.base.Translations;
import nl.omzien.notifications.MailOutbox;
import nl.omzien.notifications.OutgoingMail;
import nl.omzien.people.PersonProfile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Queues the "here is your certificate" mail, with the PDF attached, in the issuing transaction. */
@Component
class CertificateMailer {

    private final MailOutbox outbox;
    private final Translations translations;
    private final String baseUrl;

    CertificateMailer(MailOutbox outbox, Translations translations, @Value("${omzien.base-url}") String baseUrl) {
        this.outbox = outbox;
        this.translations = translations;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    void issued(PersonProfile holder, CertificateContent content, byte[] pdf) {
        if (holder.email() == null) {
            // A walk-in without an address: the trainer prints the session's certificates (issue 20).
            return;
        }
        var locale = holder.locale();
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(content.completedOn());
        String subject = translations.getTranslation("certificate.mail.subject", locale, content.pathTitle());
        String text = translations.getTranslation("certificate.mail.text", locale, holder.fullName(), content.pathTitle(),
                date, content.code(), content.verifyUrl(), baseUrl + "/mijn-certificaten");
        outbox.enqueue(new OutgoingMail(holder.email(), subject, text, null,
                new OutgoingMail.Attachment(fileName(content.code()), "application/pdf", pdf)));
    }

    static String fileName(String code) {
        return "certificaat-" + code + ".pdf";
    }
}
