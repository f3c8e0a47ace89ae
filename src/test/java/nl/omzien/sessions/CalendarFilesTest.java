package nl.omzien.sessions;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import nl.omzien.sessions.internal.SessionCalendar;
import nl.omzien.test.IntegrationTest;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar files people put in their own calendars: the cancellation a participant gets when they
 * give back their seat, and the personal feed a calendar app polls over HTTP.
 */
class CalendarFilesTest extends IntegrationTest {

    @Autowired
    private SessionService sessions;
    @Autowired
    private RegistrationService registrations;
    @Autowired
    private DSLContext db;
    @Autowired
    private UserDetailsService accounts;
    @LocalServerPort
    private int port;
    private SessionFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new SessionFixtures(db, accounts);
    }

    private SessionId plan(String title, int capacity, int daysAhead) {
        return fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft(title, capacity, daysAhead)));
    }

    /** The newest queued mail's attachment for a person: name and content. */
    private Record2<String, byte[]> latestAttachment(String email) {
        return db.select(MAIL_OUTBOX.ATTACHMENT_NAME, MAIL_OUTBOX.ATTACHMENT).from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.RECIPIENT.eq(email)).orderBy(MAIL_OUTBOX.ID.desc()).limit(1).fetchSingle();
    }

    private HttpResponse<String> fetch(String webcalUrl) throws Exception {
        String path = URI.create(webcalUrl.replaceFirst("^webcal://", "http://")).getPath();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aParticipantWhoGivesBackTheirSeatGetsACancellationThatRemovesTheSameCalendarEntry() {
        SessionId session = plan("Gesprek aangaan", 2, 12);
        String person = fx.participants(1, "Bibliotheek Coevorden").getFirst();
        fx.as(person, () -> registrations.signUp(session));
        Record2<String, byte[]> invitation = latestAttachment(person);
        assertThat(invitation.value1()).isEqualTo("uitnodiging.ics");
        VEvent invited = Biweekly.parse(new String(invitation.value2())).first().getEvents().getFirst();

        RegistrationId registration = fx.as(person, () -> registrations.mine()).stream()
                .filter(r -> r.session().id().equals(session)).findFirst().orElseThrow().registrationId();
        fx.as(person, () -> registrations.cancel(registration));

        Record2<String, byte[]> cancellation = latestAttachment(person);
        assertThat(cancellation.value1()).isEqualTo("annulering.ics");
        ICalendar cancel = Biweekly.parse(new String(cancellation.value2())).first();
        assertThat(cancel.getMethod().getValue()).isEqualTo("CANCEL");
        VEvent cancelled = cancel.getEvents().getFirst();
        assertThat(cancelled.getUid().getValue()).isEqualTo(invited.getUid().getValue())
                .isEqualTo(SessionCalendar.uid(session));
        assertThat(cancelled.getSequence().getValue())
                .as("a higher SEQUENCE, so calendar apps apply it over the invitation")
                .isGreaterThan(invited.getSequence().getValue());
        assertThat(cancelled.getStatus().isCancelled()).isTrue();
    }

    @Test
    void leavingTheWaitlistSendsNoCalendarFileBecauseNothingWasInTheCalendar() {
        SessionId session = plan("Doorverwijzen", 1, 12);
        List<String> people = fx.participants(2, "Bibliotheek Coevorden");
        people.forEach(p -> fx.as(p, () -> registrations.signUp(session)));
        var waiting = fx.as(people.get(1), () -> registrations.mine()).stream()
                .filter(r -> r.session().id().equals(session)).findFirst().orElseThrow().registrationId();
        fx.as(people.get(1), () -> registrations.cancel(waiting));
        assertThat(latestAttachment(people.get(1)).value1()).isNull();
    }

    @Test
    void thePersonalFeedServesTheSessionsWithASeatFollowsChangesAndDiesWhenReplaced() throws Exception {
        var seat = plan("Signalen herkennen", 1, 14);
        var waitlisted = plan("Signalen herkennen", 1, 21);
        List<String> people = fx.participants(2, "Supermarkt De Brink");
        String me = people.get(0);
        String other = people.get(1);
        fx.as(me, () -> registrations.signUp(seat));
        fx.as(other, () -> registrations.signUp(waitlisted));
        fx.as(me, () -> registrations.signUp(waitlisted));
        String url = fx.as(me, () -> registrations.newCalendarFeed());

        HttpResponse<String> response = fetch(url);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        List<VEvent> events = Biweekly.parse(response.body()).first().getEvents();
        assertThat(events).extracting(e -> e.getUid().getValue())
                .as("only the session with a seat; the waitlist is not a date in the calendar")
                .containsExactly(SessionCalendar.uid(seat));
        assertThat(response.body()).contains("BEGIN:VTIMEZONE").contains("TZID:Europe/Amsterdam")
                .doesNotContain(other);

        TrainingSession planned = fx.as(TRAINER, () -> sessions.get(seat));
        fx.as(TRAINER, () -> sessions.update(SessionDraft.of(planned).setStartTime(LocalTime.of(14, 0)).setEndTime(LocalTime.of(15, 30))));
        VEvent moved = Biweekly.parse(fetch(url).body()).first().getEvents().getFirst();
        assertThat(moved.getDateStart().getValue().toInstant().atZone(ZoneId.of("Europe/Amsterdam")).toLocalTime())
                .isEqualTo(LocalTime.of(14, 0));

        fx.as(TRAINER, () -> sessions.cancel(seat));
        VEvent cancelled = Biweekly.parse(fetch(url).body()).first().getEvents().getFirst();
        assertThat(cancelled.getStatus().isCancelled()).as("stays in the feed, marked cancelled").isTrue();

        String replacement = fx.as(me, () -> registrations.newCalendarFeed());
        assertThat(fetch(url).statusCode()).as("the old address stops working").isEqualTo(404);
        assertThat(fetch(replacement).statusCode()).isEqualTo(200);
        assertThat(fetch("webcal://localhost/kalender/" + "A".repeat(43) + ".ics").statusCode()).isEqualTo(404);
        assertThat(fetch("webcal://localhost/kalender/kort.ics").statusCode()).isEqualTo(404);

        // A closed account's feed stops, as its sign-in does.
        db.update(nl.omzien.people.internal.db.Tables.APP_USER).set(nl.omzien.people.internal.db.Tables.APP_USER.ENABLED, false)
                .where(nl.omzien.people.internal.db.Tables.APP_USER.EMAIL.eq(me)).execute();
        assertThat(fetch(replacement).statusCode()).isEqualTo(404);
    }
}
