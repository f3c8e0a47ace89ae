package nl.omzien.requests.internal;

import nl.omzien.base.Translations;
import nl.omzien.notifications.MailOutbox;
import nl.omzien.notifications.OutgoingMail;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * The mails to a requester, one per step, in the language they asked in, queued in the step's transaction. Plain
 * text: a requester may have no account, and every mail client reads it. A request whose address was erased gets
 * nothing.
 */
@Component
public class RequestMails {

    /** The steps a requester hears about. */
    public enum Step { RECEIVED, ASSIGNED, PROPOSED, DECLINED, PLANNED }

    private final MailOutbox outbox;
    private final Translations translations;

    RequestMails(MailOutbox outbox, Translations translations) {
        this.outbox = outbox;
        this.translations = translations;
    }

    /**
     * @param args the step's text arguments after the organisation's name ({@code {0}} in every text)
     */
    public void send(String to, String name, Locale locale, String municipality, String organisation, Step step, Object... args) {
        if (to == null || to.isBlank()) {
            return;
        }
        String key = "requests.mail." + step.name().toLowerCase(Locale.ROOT);
        Object[] all = new Object[args.length + 1];
        all[0] = organisation;
        System.arraycopy(args, 0, all, 1, args.length);
        String text = t(locale, "requests.mail.greeting", name) + "\n\n" + t(locale, key + ".text", all) + "\n\n"
                + t(locale, "requests.mail.signature", municipality);
        String sender = ("Omzien " + municipality);
        outbox.enqueue(new OutgoingMail(to, t(locale, key + ".subject", organisation), text, null, null,
                sender.length() > 100 ? "Omzien" : sender));
    }

    private String t(Locale locale, String key, Object... args) {
        return translations.getTranslation(key, locale, args);
    }
}
