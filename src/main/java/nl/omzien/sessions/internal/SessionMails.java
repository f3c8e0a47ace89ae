package nl.omzien.sessions.internal;

import nl.omzien.base.PersonId;
import nl.omzien.sessions.RegistrationId;
import nl.omzien.base.Translations;
import nl.omzien.notifications.MailOutbox;
import nl.omzien.notifications.OutgoingMail;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.sessions.TrainingSession;
import nl.omzien.sessions.internal.PersonLookup.Person;
import nl.omzien.sessions.internal.JooqRegistrationRepository.Row;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every mail about sessions, in the recipient's language, as HTML and plain text, queued in the
 * caller's transaction through the outbox. The sender name carries the municipality ("Omzien Coevorden")
 * because people know their municipality's coalition, not the platform.
 */
@Component
public class SessionMails {

    private static final String ICS_EXTENSION = ".ics";

    private final MailOutbox outbox;
    private final Translations translations;
    private final JooqSessionRepository sessions;
    private final JooqRegistrationRepository registrations;
    private final PersonLookup people;
    private final SessionCalendar calendar;
    private final String baseUrl;
    private final java.time.Clock clock;

    SessionMails(MailOutbox outbox, Translations translations, JooqSessionRepository sessions,
                 JooqRegistrationRepository registrations, PersonLookup people, SessionCalendar calendar,
                 @Value("${omzien.base-url}") String baseUrl, java.time.Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.translations = translations;
        this.sessions = sessions;
        this.registrations = registrations;
        this.people = people;
        this.calendar = calendar;
        this.baseUrl = baseUrl;
    }

    private record Context(Row registration, TrainingSession session, Person person) {
    }

    private Context context(RegistrationId registrationId) {
        Row registration = registrations.find(registrationId).orElseThrow();
        return new Context(registration, sessions.find(registration.sessionId()).orElseThrow(),
                people.find(registration.userId()).orElseThrow());
    }

    /** A seat: the confirmation with a calendar invitation. */
    public void confirmed(TrainingSession session, Person person) {
        send(person, session, "confirmed", invite(session, false, session.icsSequence()), sessionsLink(person),
                when(person.locale(), session.registrationDeadline()));
    }

    public void confirmed(RegistrationId registrationId) {
        Context c = context(registrationId);
        confirmed(c.session(), c.person());
    }

    /** A place on the waitlist, naming the place in line (1 for the first). */
    public void waitlisted(TrainingSession session, Person person, int placeInLine) {
        send(person, session, "waitlisted", null, sessionsLink(person),
                NumberFormat.getIntegerInstance(person.locale()).format(placeInLine));
    }

    public void offered(RegistrationId registrationId, String token, OffsetDateTime expiresAt) {
        Context c = context(registrationId);
        offered(c.session(), c.person().id(), token, expiresAt);
    }

    public void offered(TrainingSession session, PersonId userId, String token, OffsetDateTime expiresAt) {
        Person person = people.find(userId).orElseThrow();
        send(person, session, "offered", null, link(person, "mail.accept-offer", baseUrl + "/aanbod/" + token),
                when(person.locale(), expiresAt));
    }

    public void offerExpired(RegistrationId registrationId) {
        Context c = context(registrationId);
        send(c.person(), c.session(), "offer-expired", null, sessionsLink(c.person()));
    }

    /** The person cancelled (or moved away); a held seat also gets a calendar cancellation. */
    public void cancelledByParticipant(TrainingSession session, Person person, boolean hadSeat) {
        send(person, session, "cancelled", hadSeat ? invite(session, true, session.icsSequence() + 1) : null,
                sessionsLink(person));
    }

    public void cancelledByParticipant(RegistrationId registrationId, boolean hadSeat) {
        Context c = context(registrationId);
        cancelledByParticipant(c.session(), c.person(), hadSeat);
    }

    private Link sessionsLink(Person person) {
        return link(person, "mail.open-sessions", baseUrl + "/sessies");
    }

    /** The trainer cancelled the session: everyone who had a place hears it, with the next occurrence if any. */
    public void sessionCancelled(TrainingSession session, List<Row> affected, TrainingSession next) {
        for (Row registration : affected) {
            Person person = people.find(registration.userId()).orElseThrow();
            String nextText = next == null ? translations.getTranslation("mail.no-next", person.locale())
                    : translations.getTranslation("mail.next-occurrence", person.locale(), next.title(),
                    when(person.locale(), next.startsAt()));
            send(person, session, "session-cancelled",
                    registration.status().holdsSeat() ? invite(session, true, session.icsSequence()) : null,
                    link(person, "mail.open-sessions", baseUrl + "/sessies"), nextText);
        }
    }

    /** The trainer changed time or place: seat holders get an updated invitation (same UID, higher SEQUENCE). */
    public void sessionMoved(TrainingSession session, List<Row> affected) {
        for (Row registration : affected) {
            Person person = people.find(registration.userId()).orElseThrow();
            send(person, session, "session-moved",
                    registration.status().holdsSeat() ? invite(session, false, session.icsSequence()) : null,
                    link(person, "mail.open-sessions", baseUrl + "/sessies"));
        }
    }

    public void reminder(RegistrationId registrationId) {
        Context c = context(registrationId);
        send(c.person(), c.session(), reminderKind(SessionTimes.local(c.session().startsAt()).toLocalDate(),
                java.time.LocalDate.now(clock.withZone(SessionTimes.ZONE))), null, link(c.person(), "mail.open-sessions", baseUrl + "/sessies"));
    }

    /** "Vandaag" for a session later the same day, "Morgen" for the next day, otherwise a plain reminder. */
    static String reminderKind(java.time.LocalDate sessionDay, java.time.LocalDate today) {
        if (sessionDay.equals(today)) {
            return "reminder-today";
        }
        return sessionDay.equals(today.plusDays(1)) ? "reminder" : "reminder-later";
    }

    public void goNoGo(TrainingSession session, PersonId trainerId, String cancelToken) {
        Person trainer = people.find(trainerId).orElseThrow();
        send(trainer, session, "go-no-go", null,
                link(trainer, "mail.cancel-session", baseUrl + "/sessie-annuleren/" + cancelToken),
                session.confirmed(), session.minParticipants());
    }

    public void newSessionPlanned(TrainingSession session, PersonId userId) {
        Person person = people.find(userId).orElseThrow();
        if (person.enabled()) {
            send(person, session, "interest", null, link(person, "mail.open-sessions", baseUrl + "/sessies"));
        }
    }

    private record Link(String label, String url) {
    }

    private Link link(Person person, String labelKey, String url) {
        return new Link(translations.getTranslation(labelKey, person.locale()), url);
    }

    private OutgoingMail.Attachment invite(TrainingSession session, boolean cancel, int sequence) {
        return new OutgoingMail.Attachment((cancel ? "annulering" : "uitnodiging") + ICS_EXTENSION, SessionCalendar.CONTENT_TYPE,
                calendar.invitation(session, cancel, sequence));
    }

    /**
     * Subject key {@code mail.<kind>.subject} gets {0} title, {1} date and time; body key
     * {@code mail.<kind>.body} gets {0} name, {1} title, {2} when, {3} where, then the extra arguments.
     */
    private void send(Person person, TrainingSession session, String kind, OutgoingMail.Attachment attachment,
                      Link action, Object... extra) {
        if (person.email() == null) {
            // A walk-in without an address (issue 20): nothing to send; what they need is handed out on paper.
            return;
        }
        outbox.enqueue(compose(person, session, kind, attachment, action, extra));
    }

    private OutgoingMail compose(Person person, TrainingSession session, String kind, OutgoingMail.Attachment attachment,
                                 Link action, Object... extra) {
        Locale locale = person.locale();
        String when = when(locale, session.startsAt()) + "–" + time(session.endsAt());
        List<Object> args = new ArrayList<>(List.of(person.fullName(), session.title(), when, session.place()));
        args.addAll(List.of(extra));
        String subject = translations.getTranslation("mail." + kind + ".subject", locale, session.title(),
                when(locale, session.startsAt()));
        String body = translations.getTranslation("mail." + kind + ".body", locale, args.toArray());
        String signature = translations.getTranslation("mail.signature", locale, session.municipalityName());
        String text = body + "\n\n" + action.label() + ": " + action.url() + "\n\n" + signature;
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"").append(locale.getLanguage())
                .append("\"><body style=\"font-family:sans-serif;font-size:16px;line-height:1.5;color:#1f2933\">");
        for (String paragraph : body.split("\n\n")) {
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph).replace("\n", "<br>")).append("</p>");
        }
        html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(action.url()))
                .append("\" style=\"display:inline-block;padding:12px 20px;background:#1a5e8a;color:#fff;"
                        + "text-decoration:none;border-radius:6px\">")
                .append(HtmlUtils.htmlEscape(action.label())).append("</a></p>")
                .append("<p>").append(HtmlUtils.htmlEscape(signature)).append("</p></body></html>");
        return new OutgoingMail(person.email(), subject, text, html.toString(), attachment,
                "Omzien " + session.municipalityName());
    }

    static String when(Locale locale, OffsetDateTime instant) {
        DateTimeFormatter fullDate = FULL_DATE.computeIfAbsent(locale, l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(l));
        return SessionTimes.local(instant).format(fullDate) + ", " + time(instant);
    }

    /** Hours and minutes as people write them ("14:26"), never seconds or their fractions. */
    static String time(OffsetDateTime instant) {
        return SessionTimes.local(instant).toLocalTime().format(HOURS_MINUTES);
    }

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    // A localized formatter looks up the locale's patterns when made: made once per language.
    private static final Map<Locale, DateTimeFormatter> FULL_DATE = new ConcurrentHashMap<>();
}
