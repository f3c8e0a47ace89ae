package nl.omzien.sessions.internal;

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
import java.util.function.IntFunction;
import java.util.function.Supplier;

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

    private Context context(long registrationId) {
        Row registration = registrations.find(registrationId).orElseThrow();
        return new Context(registration, sessions.findForMail(registration.sessionId()).orElseThrow(),
                people.find(registration.userId()).orElseThrow());
    }

    public void confirmed(long registrationId) {
        Context c = context(registrationId);
        outbox.queue(forSignUp(c.session(), c.person(), true).confirmed().get());
    }

    /**
     * The two mails a sign-up can lead to. The one the caller expects is composed before the session is
     * locked, so the seat decision only queues it; the other is composed when it turns out to be needed
     * (the waitlist mail always then, as it names the place in line).
     */
    public record SignUpMails(TrainingSession session, Supplier<OutgoingMail> confirmed, IntFunction<OutgoingMail> waitlisted) {
    }

    public SignUpMails forSignUp(long sessionId, long userId) {
        return forSignUp(sessions.findForMail(sessionId).orElseThrow(), people.find(userId).orElseThrow(), true);
    }

    public void queue(OutgoingMail mail) {
        outbox.queue(mail);
    }

    /** {@code seatExpected}: compose the confirmation (with its calendar invitation) now rather than under the lock. */
    public SignUpMails forSignUp(TrainingSession session, Person person, boolean seatExpected) {
        Link sessions = link(person, "mail.open-sessions", baseUrl + "/sessies");
        Supplier<OutgoingMail> confirmed = composedNowIf(seatExpected, () -> compose(person, session, "confirmed",
                invite(session, false, session.icsSequence()), sessions, deadline(person, session)));
        // The waitlist mail names the place in line, known only under the lock: composed now with a marker
        // that the decision replaces, so the serial part of a sign-up does not compose mail.
        OutgoingMail waitlisted = compose(person, session, "waitlisted", null, sessions, PLACE_IN_LINE);
        NumberFormat number = NumberFormat.getIntegerInstance(person.locale());
        return new SignUpMails(session, confirmed, position -> {
            String place = number.format(position);
            return new OutgoingMail(waitlisted.to(), waitlisted.subject(), waitlisted.text().replace(PLACE_IN_LINE, place),
                    waitlisted.html().replace(PLACE_IN_LINE, place), null, waitlisted.senderName());
        });
    }

    /** Stands for the place in line until it is known; no text or HTML escaping changes it. */
    private static final String PLACE_IN_LINE = "PLACEINLINE7f3a";

    public void offered(long registrationId, String token, OffsetDateTime expiresAt) {
        Context c = context(registrationId);
        offered(c.session(), c.person(), token, expiresAt);
    }

    /** For a caller that already has the session's details: reads only the person. */
    public void offered(TrainingSession session, long userId, String token, OffsetDateTime expiresAt) {
        offered(session, people.find(userId).orElseThrow(), token, expiresAt);
    }

    private void offered(TrainingSession session, Person person, String token, OffsetDateTime expiresAt) {
        send(person, session, "offered", null, link(person, "mail.accept-offer", baseUrl + "/aanbod/" + token),
                when(person.locale(), expiresAt));
    }

    public void offerExpired(long registrationId) {
        Context c = context(registrationId);
        send(c.person(), c.session(), "offer-expired", null, link(c.person(), "mail.open-sessions", baseUrl + "/sessies"));
    }

    /** The person cancelled (or moved away); a held seat also gets a calendar cancellation. */
    public void cancelledByParticipant(long registrationId, boolean hadSeat) {
        Context c = context(registrationId);
        outbox.queue(forCancellation(c.session(), c.person(), hadSeat).mail(hadSeat));
    }

    /**
     * The cancellation mail in both forms, like {@link SignUpMails}: the expected one composed before the
     * lock, the other only if the place changed in between (an offer accepted or lapsed meanwhile).
     */
    public record CancellationMails(TrainingSession session, Supplier<OutgoingMail> seatGivenBack, Supplier<OutgoingMail> leftWaitlist) {
        public OutgoingMail mail(boolean hadSeat) {
            return hadSeat ? seatGivenBack.get() : leftWaitlist.get();
        }
    }

    /** {@code seatExpected}: whether the person holds a seat now (their cancellation then carries a calendar cancel). */
    public CancellationMails forCancellation(TrainingSession session, Person person, boolean seatExpected) {
        Link sessions = link(person, "mail.open-sessions", baseUrl + "/sessies");
        return new CancellationMails(session,
                composedNowIf(seatExpected, () -> compose(person, session, "cancelled",
                        invite(session, true, session.icsSequence() + 1), sessions)),
                composedNowIf(!seatExpected, () -> compose(person, session, "cancelled", null, sessions)));
    }

    /** The mail composed now (and kept) when it is the one expected; otherwise composed only if it is needed. */
    private static Supplier<OutgoingMail> composedNowIf(boolean expected, Supplier<OutgoingMail> composition) {
        if (!expected) {
            return composition;
        }
        OutgoingMail composed = composition.get();
        return () -> composed;
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

    public void reminder(long registrationId) {
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

    public void goNoGo(TrainingSession session, long trainerId, String cancelToken) {
        Person trainer = people.find(trainerId).orElseThrow();
        send(trainer, session, "go-no-go", null,
                link(trainer, "mail.cancel-session", baseUrl + "/sessie-annuleren/" + cancelToken),
                session.confirmed(), session.minParticipants());
    }

    public void newSessionPlanned(TrainingSession session, long userId) {
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

    private String deadline(Person person, TrainingSession session) {
        return when(person.locale(), session.registrationDeadline());
    }

    /**
     * Subject key {@code mail.<kind>.subject} gets {0} title, {1} date and time; body key
     * {@code mail.<kind>.body} gets {0} name, {1} title, {2} when, {3} where, then the extra arguments.
     */
    private void send(Person person, TrainingSession session, String kind, OutgoingMail.Attachment attachment,
                      Link action, Object... extra) {
        outbox.queue(compose(person, session, kind, attachment, action, extra));
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
