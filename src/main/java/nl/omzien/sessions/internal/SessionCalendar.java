package nl.omzien.sessions.internal;

import nl.omzien.sessions.SessionId;
import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.DaylightSavingsTime;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import biweekly.util.DateTimeComponents;
import biweekly.util.DayOfWeek;
import biweekly.util.Frequency;
import biweekly.util.Recurrence;
import biweekly.util.UtcOffset;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.sessions.TrainingSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

/**
 * iCalendar (RFC 5545) files for sessions, written by biweekly. Each session has one stable UID, so a
 * changed session (higher SEQUENCE) replaces the entry in Outlook, Google and Apple calendars and a
 * METHOD:CANCEL removes it. Times carry TZID Europe/Amsterdam with its VTIMEZONE, so 19:30 stays 19:30
 * on both sides of a clock change.
 */
@Component
public class SessionCalendar {

    public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8";

    private final String organizerAddress;
    private final String baseUrl;
    private final Clock clock;

    SessionCalendar(@Value("${omzien.sessions.organizer-address:noreply@omzien.example}") String organizerAddress,
                    @Value("${omzien.base-url}") String baseUrl, Clock clock) {
        this.organizerAddress = organizerAddress;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    public static String uid(SessionId sessionId) {
        return "session-" + sessionId + "@omzien";
    }

    /** An invitation (REQUEST) or, with {@code cancel}, a cancellation for one session. */
    public byte[] invitation(TrainingSession session, boolean cancel, int sequence) {
        // The file names no attendee, so everyone signing up for a session this minute gets the same one:
        // written once (DTSTAMP, "when this file was made", then stays within that minute).
        var key = new InvitationKey(session.id(), session.title(), session.startsAt(), session.endsAt(), session.place(),
                session.notes(), session.onlineUrl(), session.municipalityName(), cancel, sequence,
                clock.instant().truncatedTo(ChronoUnit.MINUTES));
        if (recentInvitations.size() > MAX_RECENT_INVITATIONS) {
            recentInvitations.clear();
        }
        return recentInvitations.computeIfAbsent(key, k -> write(session, cancel, sequence)).clone();
    }

    /** Everything an invitation is written from. */
    private record InvitationKey(SessionId sessionId, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, String place,
                                 String notes, String onlineUrl, String municipalityName, boolean cancel, int sequence,
                                 Instant minute) {
    }

    private static final int MAX_RECENT_INVITATIONS = 1000;
    private final Map<InvitationKey, byte[]> recentInvitations = new ConcurrentHashMap<>();

    private byte[] write(TrainingSession session, boolean cancel, int sequence) {
        ICalendar calendar = newCalendar();
        calendar.setMethod(cancel ? Method.cancel() : Method.request());
        VEvent event = event(session, sequence);
        if (cancel) {
            event.setStatus(Status.cancelled());
        }
        calendar.addEvent(event);
        return Biweekly.write(calendar).go().getBytes(StandardCharsets.UTF_8);
    }

    /** A person's feed: every session they hold a seat for; cancelled ones stay, marked cancelled. */
    public String feed(List<TrainingSession> sessions, String name) {
        ICalendar calendar = newCalendar();
        calendar.setMethod(Method.publish());
        calendar.setName(name);
        for (TrainingSession session : sessions) {
            VEvent event = event(session, session.icsSequence());
            if (session.isCancelled()) {
                event.setStatus(Status.cancelled());
            }
            calendar.addEvent(event);
        }
        return Biweekly.write(calendar).go();
    }

    private ICalendar newCalendar() {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Omzien//Sessions//NL");
        calendar.getTimezoneInfo().setDefaultTimezone(amsterdam());
        return calendar;
    }

    private VEvent event(TrainingSession session, int sequence) {
        VEvent event = new VEvent();
        // biweekly stamps the system time; the application's clock is the one tests can move.
        event.setDateTimeStamp(Date.from(clock.instant()));
        event.setUid(uid(session.id()));
        event.setSequence(sequence);
        event.setSummary(session.title());
        event.setDateStart(Date.from(session.startsAt().toInstant()), true);
        event.setDateEnd(Date.from(session.endsAt().toInstant()), true);
        event.setLocation(session.place());
        StringBuilder description = new StringBuilder();
        if (session.notes() != null) {
            description.append(session.notes()).append("\n\n");
        }
        description.append(baseUrl).append("/sessies");
        event.setDescription(description.toString());
        event.setUrl(session.onlineUrl() != null ? session.onlineUrl() : baseUrl + "/sessies");
        Organizer organizer = new Organizer("Omzien " + session.municipalityName(), organizerAddress);
        event.setOrganizer(organizer);
        return event;
    }

    /**
     * Europe/Amsterdam written out (CET/CEST, EU rules since 1996), so no download is needed; biweekly
     * converts times with the JDK's zone and writes this component with them.
     */
    private static TimezoneAssignment amsterdam() {
        VTimezone zone = new VTimezone(SessionTimes.ZONE.getId());
        DaylightSavingsTime summer = new DaylightSavingsTime();
        summer.setDateStart(new DateTimeComponents(1981, 3, 29, 2, 0, 0, false));
        summer.setTimezoneOffsetFrom(new UtcOffset(true, 1, 0));
        summer.setTimezoneOffsetTo(new UtcOffset(true, 2, 0));
        summer.addTimezoneName("CEST");
        summer.setRecurrenceRule(new Recurrence.Builder(Frequency.YEARLY).byMonth(3).byDay(-1, DayOfWeek.SUNDAY).build());
        StandardTime winter = new StandardTime();
        winter.setDateStart(new DateTimeComponents(1996, 10, 27, 3, 0, 0, false));
        winter.setTimezoneOffsetFrom(new UtcOffset(true, 2, 0));
        winter.setTimezoneOffsetTo(new UtcOffset(true, 1, 0));
        winter.addTimezoneName("CET");
        winter.setRecurrenceRule(new Recurrence.Builder(Frequency.YEARLY).byMonth(10).byDay(-1, DayOfWeek.SUNDAY).build());
        zone.addDaylightSavingsTime(summer);
        zone.addStandardTime(winter);
        return new TimezoneAssignment(TimeZone.getTimeZone(SessionTimes.ZONE), zone);
    }
}
