package nl.omzien.sessions.internal;

import nl.omzien.sessions.SessionId;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionService;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.test.IntegrationTest;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;

import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

/** Every session mail writes times as people do ("14:26"), and a reminder says "Vandaag" or "Morgen" truthfully. */
class SessionMailTimesTest extends IntegrationTest {

    private static final Pattern SECONDS = Pattern.compile("\\d{1,2}:\\d{2}:\\d{2}|\\d{1,2}:\\d{2}\\.\\d");

    @Autowired SessionService sessions;
    @Autowired RegistrationService registrations;
    @Autowired JooqRegistrationRepository repository;
    @Autowired SessionMails mails;
    @Autowired DSLContext db;
    @Autowired UserDetailsService accounts;

    @Test
    void everySessionMailShowsHoursAndMinutesOnly() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Tijden in mails", 1, 3)));
        List<String> people = fx.participants(2, "Kapsalon Knip & Zo");
        fx.as(people.get(0), () -> registrations.signUp(session));
        fx.as(people.get(1), () -> registrations.signUp(session));
        var first = repository.findLive(session, fx.userId(people.get(0))).orElseThrow().id();
        var second = repository.findLive(session, fx.userId(people.get(1))).orElseThrow().id();
        // An offer held until a moment with seconds and nanoseconds, as the clock gives it.
        var until = LocalDateTime.of(2026, 12, 5, 14, 26, 35, 990_823_023).atZone(SessionTimes.ZONE).toOffsetDateTime();
        mails.offered(second, "a".repeat(43), until);
        mails.offerExpired(second);
        mails.reminder(first);
        mails.confirmed(first);
        mails.cancelledByParticipant(first, true);

        List<Record3<String, String, String>> sent = db.select(MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.BODY_TEXT, MAIL_OUTBOX.BODY_HTML)
                .from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.in(people)).fetch();
        assertThat(sent).hasSizeGreaterThanOrEqualTo(6);
        for (var mail : sent) {
            for (String part : List.of(mail.value1(), mail.value2(), mail.value3() == null ? "" : mail.value3())) {
                assertThat(SECONDS.matcher(part).find()).as(mail.value1() + ": " + part).isFalse();
            }
        }
        assertThat(sent).anySatisfy(mail -> assertThat(mail.value2()).contains("14:26", "19:30–21:00"));
    }

    @Test
    void aReminderSaysTodayTomorrowOrNeither() {
        LocalDate today = LocalDate.of(2026, 12, 4);
        assertThat(SessionMails.reminderKind(today, today)).isEqualTo("reminder-today");
        assertThat(SessionMails.reminderKind(today.plusDays(1), today)).isEqualTo("reminder");
        assertThat(SessionMails.reminderKind(today.plusDays(2), today)).isEqualTo("reminder-later");
    }

    @Test
    void timesAreWrittenAsHoursAndMinutes() {
        var at = LocalDateTime.of(2026, 12, 5, 9, 5, 59, 123_456_789).atZone(SessionTimes.ZONE).toOffsetDateTime();
        assertThat(SessionMails.time(at)).isEqualTo("09:05");
        assertThat(SessionMails.when(java.util.Locale.of("nl"), at)).isEqualTo("zaterdag 5 december 2026, 09:05");
    }
}
