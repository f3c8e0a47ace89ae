package nl.omzien.sessions;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import nl.omzien.notifications.internal.MailDispatcher;
import nl.omzien.test.SmtpIntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session mails over real SMTP (GreenMail): sender name, both bodies, language, and the calendar file
 * parsed back with biweekly, with the right local time on both sides of the October clock change.
 */
class SessionMailSmtpTest extends SmtpIntegrationTest {

    private static GreenMail smtp;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired
    private SessionService sessions;
    @Autowired
    private RegistrationService registrations;
    @Autowired
    private MailDispatcher dispatcher;
    @Autowired
    private DSLContext db;
    @Autowired
    private UserDetailsService accounts;

    private List<MimeMessage> deliveredTo(String email) throws Exception {
        while (dispatcher.dispatchDue() > 0) {
            // deliver everything queued so far
        }
        List<MimeMessage> result = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(email))) {
                result.add(message);
            }
        }
        return result;
    }

    private record Parts(String text, String html, String ics, String icsName) {
    }

    private static Parts parts(MimeMessage message) throws Exception {
        String[] found = new String[4];
        collect(message, found);
        return new Parts(found[0], found[1], found[2], found[3]);
    }

    private static void collect(Part part, String[] found) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), found);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            part.getDataHandler().writeTo(bytes);
            found[2] = bytes.toString(StandardCharsets.UTF_8);
            found[3] = ((BodyPart) part).getFileName();
        } else if (part.isMimeType("text/plain")) {
            found[0] = ((String) part.getContent()).replace("\r\n", "\n");
        } else if (part.isMimeType("text/html")) {
            found[1] = ((String) part.getContent()).replace("\r\n", "\n");
        }
    }

    private static ZonedDateTime localStart(VEvent event) {
        return event.getDateStart().getValue().toInstant().atZone(SessionTimes.ZONE);
    }

    @Test
    void confirmationMovedAndCancelledMailsCarryOneCalendarEntryThatStaysAtLocalTimeAcrossTheClockChange() throws Exception {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        // Summer time ends on the last Sunday of October: plan the Thursday before, move to the Thursday after.
        LocalDate lastSunday = LocalDate.now().plusYears(1).withMonth(10).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        LocalDate before = lastSunday.minusDays(3);
        LocalDate after = lastSunday.plusDays(4);
        SessionDraft draft = SessionFixtures.draft("Signalen herkennen", 10, 1).setDate(before)
                .setNotes("Koffie staat klaar.");
        SessionId session = fx.as(TRAINER, () -> sessions.create(draft));
        String person = fx.participants(1, "Kapsalon Knip & Zo").getFirst();
        fx.as(person, () -> registrations.signUp(session));

        MimeMessage confirmation = deliveredTo(person).getLast();
        InternetAddress from = (InternetAddress) confirmation.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Omzien Coevorden");
        assertThat(confirmation.getSubject()).startsWith("Je bent aangemeld: Signalen herkennen op ");
        Parts parts = parts(confirmation);
        assertThat(parts.text()).contains("Je bent aangemeld voor Signalen herkennen.", "Waar: Dorpshuis De Kiel, Dalen",
                "19:30–21:00", "Met vriendelijke groet,\nOmzien Coevorden");
        assertThat(parts.html()).contains("<p>Hoi Deelnemer 0", "href=\"http://localhost:8080/sessies\"");
        assertThat(parts.icsName()).isEqualTo("uitnodiging.ics");

        ICalendar invite = Biweekly.parse(parts.ics()).first();
        assertThat(invite.getMethod().getValue()).isEqualTo("REQUEST");
        assertThat(parts.ics()).contains("BEGIN:VTIMEZONE", "TZID:Europe/Amsterdam", "DTSTART;TZID=Europe/Amsterdam:");
        VEvent event = invite.getEvents().getFirst();
        String uid = event.getUid().getValue();
        assertThat(uid).isEqualTo("session-" + session + "@omzien");
        assertThat(event.getSequence().getValue()).isZero();
        assertThat(localStart(event).toLocalDate()).isEqualTo(before);
        assertThat(localStart(event).toLocalTime()).isEqualTo(LocalTime.of(19, 30));
        assertThat(localStart(event).getOffset().getTotalSeconds()).isEqualTo(7200);
        assertThat(event.getLocation().getValue()).isEqualTo("Dorpshuis De Kiel, Dalen");

        TrainingSession planned = fx.as(TRAINER, () -> sessions.get(session));
        fx.as(TRAINER, () -> sessions.update(SessionDraft.of(planned).setDate(after)));
        MimeMessage moved = deliveredTo(person).getLast();
        assertThat(moved.getSubject()).startsWith("Gewijzigd: Signalen herkennen, nu op ");
        VEvent update = Biweekly.parse(parts(moved).ics()).first().getEvents().getFirst();
        assertThat(update.getUid().getValue()).isEqualTo(uid);
        assertThat(update.getSequence().getValue()).isEqualTo(1);
        assertThat(localStart(update).toLocalDate()).isEqualTo(after);
        assertThat(localStart(update).toLocalTime()).as("still 19:30 in winter time").isEqualTo(LocalTime.of(19, 30));
        assertThat(localStart(update).getOffset().getTotalSeconds()).isEqualTo(3600);

        fx.as(TRAINER, () -> sessions.cancel(session));
        MimeMessage cancelled = deliveredTo(person).getLast();
        assertThat(cancelled.getSubject()).startsWith("Gaat niet door: Signalen herkennen");
        ICalendar cancel = Biweekly.parse(parts(cancelled).ics()).first();
        assertThat(cancel.getMethod().getValue()).isEqualTo("CANCEL");
        assertThat(cancel.getEvents().getFirst().getUid().getValue()).isEqualTo(uid);
        assertThat(cancel.getEvents().getFirst().getSequence().getValue()).isEqualTo(2);
        assertThat(parts(cancelled).icsName()).isEqualTo("annulering.ics");
    }

    @Test
    void anEnglishSpeakingParticipantGetsEnglishMailAndAWaitlistNotice() throws Exception {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Raising it", 1, 9)));
        List<String> people = fx.participants(2, "Supermarkt De Brink");
        db.update(APP_USER).set(APP_USER.LOCALE, "en").where(APP_USER.EMAIL.eq(people.get(1))).execute();
        people.forEach(p -> fx.as(p, () -> registrations.signUp(session)));
        MimeMessage waitlisted = deliveredTo(people.get(1)).getLast();
        assertThat(waitlisted.getSubject()).startsWith("You are on the waitlist: Raising it on ");
        Parts parts = parts(waitlisted);
        assertThat(parts.text()).contains("You are on the waitlist, at position 1.", "Kind regards,\nOmzien Coevorden");
        assertThat(parts.html()).contains("<html lang=\"en\">", "at position 1.");
        assertThat(parts.ics()).as("no calendar entry without a seat").isNull();
    }
}
