package nl.omzien.sessions.ui;

import nl.omzien.sessions.SessionTimes;
import nl.omzien.sessions.TrainingSession;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as people read them, always in Dutch local time. */
final class SessionFormat {

    private SessionFormat() {
    }

    /** "dinsdag 3 maart 2026, 19:30–21:00" */
    static String when(TrainingSession session, Locale locale) {
        return SessionTimes.local(session.startsAt()).format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", locale))
                + "–" + SessionTimes.local(session.endsAt()).format(DateTimeFormatter.ofPattern("HH:mm", locale));
    }

    /** "di 3 mrt, 19:30" */
    static String shortWhen(OffsetDateTime instant, Locale locale) {
        return SessionTimes.local(instant).format(DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", locale));
    }
}
