package nl.omzien.campaigns;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import nl.omzien.campaigns.internal.CampaignMailer;
import nl.omzien.certificates.PdfReading;
import nl.omzien.dashboard.DashboardFilter;
import nl.omzien.dashboard.DashboardService;
import nl.omzien.dashboard.PublishedTableCheck;
import nl.omzien.onboarding.InviteRegistrationService;
import nl.omzien.onboarding.internal.SignInLinkTokenService;
import nl.omzien.sessions.Attendance;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionId;
import nl.omzien.sessions.SessionService;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.test.KaribuTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.campaigns.internal.db.Tables.AGENDA_SIGN_UP;
import static nl.omzien.campaigns.internal.db.Tables.CAMPAIGN_MAIL;
import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.coalesce;

/**
 * Issue 21, campaigns: the Week tegen Eenzaamheid's days, the lead's campaigns and activities with their checks, the
 * public agenda as iCalendar feed and website snippet (no sign-in, no personal data), sign-ups through the agenda,
 * the one campaign mail per person per campaign, and the campaign figures on the dashboard.
 */
class CampaignsTest extends KaribuTest {

    @Autowired CampaignService campaigns;
    @Autowired DashboardService dashboard;
    @Autowired CampaignMailer mailer;
    @Autowired SessionService sessions;
    @Autowired RegistrationService registrations;
    @Autowired InviteRegistrationService inviteRegistrations;
    @Autowired SignInLinkTokenService signInTokens;
    @Autowired DSLContext db;
    @Autowired UserDetailsService accounts;
    @LocalServerPort int port;

    private SessionFixtures fx() {
        return new SessionFixtures(db, accounts);
    }

    private static LocalDate today() {
        return LocalDate.now(SessionTimes.ZONE);
    }

    private HttpResponse<String> get(String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static ActivityDraft activity(String title, LocalDate day, String link) {
        return new ActivityDraft(title, day, LocalTime.of(10, 0), LocalTime.of(12, 0), "Dorpshuis De Kiel, Dalen",
                "Welzijn Coevorden", "Koffie en een praatje.", link);
    }

    // --- the Week tegen Eenzaamheid ---

    @Test
    void theWeekStartsOnTheLastThursdayOfSeptemberAndLastsSevenDaysAsInTheSeeds() {
        // Seed 000 §4.3 (Coevorden): "van 25 september tot en met 1 oktober 2025".
        assertThat(WeekAgainstLoneliness.firstDay(2025)).isEqualTo(LocalDate.of(2025, Month.SEPTEMBER, 25));
        assertThat(WeekAgainstLoneliness.lastDay(2025)).isEqualTo(LocalDate.of(2025, Month.OCTOBER, 1));
        assertThat(WeekAgainstLoneliness.firstDay(2026)).isEqualTo(LocalDate.of(2026, Month.SEPTEMBER, 24));
        assertThat(WeekAgainstLoneliness.firstDay(2027)).isEqualTo(LocalDate.of(2027, Month.SEPTEMBER, 30));
        assertThat(WeekAgainstLoneliness.yearFor(LocalDate.of(2026, Month.SEPTEMBER, 30))).isEqualTo(2026);
        assertThat(WeekAgainstLoneliness.yearFor(LocalDate.of(2026, Month.OCTOBER, 1))).isEqualTo(2027);
    }

    // --- authorisation and input ---

    @Test
    void aLeadWorksOnlyInTheirOwnMunicipality_OthersAreRefusedByTheService() {
        var fx = fx();
        CampaignId coevorden = fx.as(LEAD_COEVORDEN, () -> campaigns.create(null, "Eigen week", today(), today().plusDays(6)));
        MunicipalityId twenterand = fx.municipality("Twenterand");
        assertThatThrownBy(() -> fx.as(LEAD_COEVORDEN, () -> campaigns.create(twenterand, "Andermans week", today(), today())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(LEAD_TWENTERAND, () -> campaigns.change(coevorden, "Overgenomen", today(), today())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(LEAD_TWENTERAND, () -> campaigns.addActivity(coevorden, activity("Stiekem", today(), null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(LEAD_TWENTERAND, () -> campaigns.delete(coevorden))).isInstanceOf(AccessDeniedException.class);
        for (String notALead : List.of(TRAINER, PARTICIPANT, ORG_CONTACT)) {
            assertThatThrownBy(() -> fx.as(notALead, () -> campaigns.campaigns(null))).as(notALead)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> fx.as(notALead, () -> campaigns.figures(null))).as(notALead)
                    .isInstanceOf(AccessDeniedException.class);
        }
        // A session of another municipality cannot be tagged to one's campaign.
        SessionId own = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Eigen sessie", 8, 3)
                .setTrainerIds(Set.of(fx.userId(TRAINER)))));
        CampaignId theirs = fx.as(LEAD_TWENTERAND, () -> campaigns.create(null, "Hun week", today(), today().plusDays(6)));
        assertThatThrownBy(() -> fx.as(LEAD_TWENTERAND, () -> campaigns.tag(theirs, own, true)))
                .isInstanceOf(AccessDeniedException.class);
        // An admin names the municipality.
        CampaignId byAdmin = fx.as(ADMIN, () -> campaigns.create(twenterand, "Door beheerder", today(), today()));
        assertThat(fx.as(LEAD_TWENTERAND, () -> campaigns.campaign(byAdmin)).name()).isEqualTo("Door beheerder");
    }

    @Test
    void badInputGetsAMessagePerFieldAndNothingIsStored() {
        var fx = fx();
        assertThatThrownBy(() -> fx.as(LEAD_COEVORDEN, () -> campaigns.create(null, " ", today().plusDays(5), today())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsEntry("name", "validation.required").containsEntry("endsOn", "campaigns.ends-before-start"));
        assertThatThrownBy(() -> fx.as(LEAD_COEVORDEN, () -> campaigns.create(null, "Te lang", today(), today().plusDays(200))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsEntry("endsOn", "campaigns.too-long"));
        CampaignId week = fx.as(LEAD_COEVORDEN, () -> campaigns.create(null, "Invoerweek", today(), today().plusDays(6)));
        assertThatThrownBy(() -> fx.as(LEAD_COEVORDEN, () -> campaigns.addActivity(week,
                new ActivityDraft("Wandeling", today().plusDays(30), LocalTime.of(14, 0), LocalTime.of(13, 0), "", "x",
                        null, "javascript:alert(1)"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsEntry("day", "campaigns.activity.outside")
                        .containsEntry("until", "campaigns.activity.until-before-from")
                        .containsEntry("place", "validation.required")
                        .containsEntry("organiser", "validation.length.2.150")
                        .containsEntry("link", "campaigns.activity.link-invalid"));
        assertThat(fx.as(LEAD_COEVORDEN, () -> campaigns.activities(week))).isEmpty();
    }

    // --- the public agenda ---

    @Test
    void theICalendarFeedIsPublic_ParsesAndValidates_AndHoldsTrainingsWithSignUpLinksAndActivitiesButNoPersonalData() throws Exception {
        var fx = fx();
        SessionId open = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Agenda-training open", 8, 5)
                .setTrainerIds(Set.of(fx.userId(TRAINER)))));
        SessionId closed = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Agenda-training besloten", 8, 5)
                .setTrainerIds(Set.of(fx.userId(TRAINER))).setOrganisationId(fx.organisation("Kapsalon Knip & Zo"))));
        CampaignId week = fx.as(LEAD_COEVORDEN, () -> campaigns.create(null, "Agendaweek", today(), today().plusDays(10)));
        fx.as(LEAD_COEVORDEN, () -> campaigns.tag(week, open, true));
        fx.as(LEAD_COEVORDEN, () -> campaigns.addActivity(week, activity("Koffie in De Kiel", today().plusDays(2),
                "https://www.example.org/koffie")));

        HttpResponse<String> response = get("/agenda/coevorden.ics");
        assertThat(response.statusCode()).as("no sign-in needed").isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        List<List<biweekly.io.ParseWarning>> warnings = new ArrayList<>();
        ICalendar calendar = Biweekly.parse(response.body()).warnings(warnings).first();
        assertThat(warnings).allMatch(List::isEmpty);
        assertThat(calendar.validate(ICalVersion.V2_0).isEmpty()).as(calendar.validate(ICalVersion.V2_0).toString()).isTrue();
        List<String> summaries = calendar.getEvents().stream().map(e -> e.getSummary().getValue()).toList();
        assertThat(summaries).contains("Agenda-training open", "Koffie in De Kiel").doesNotContain("Agenda-training besloten");
        VEvent training = calendar.getEvents().stream().filter(e -> e.getSummary().getValue().equals("Agenda-training open"))
                .findFirst().orElseThrow();
        assertThat(training.getUrl().getValue()).contains("/aanmelden/sessie/").endsWith("?" + InviteRegistrationService.VIA_AGENDA);
        assertThat(training.getCategories().getFirst().getValues()).containsExactly("Agendaweek");
        assertThat(training.getDateStart().getValue().toInstant()).isEqualTo(
                today().plusDays(5).atTime(19, 30).atZone(SessionTimes.ZONE).toInstant());
        // No trainer, participant or account appears: not their names, not any address.
        assertThat(response.body()).doesNotContain("Peter Bakker").doesNotContain("@omzien.example").doesNotContain("@demo.example");
        assertThat(get("/agenda/nergens.ics").statusCode()).isEqualTo(404);
        assertThat(closed).isNotNull();
    }

    @Test
    void theWebsiteSnippetIsScriptFreeHtml_TheOnlyPageOtherSitesMayFrame() throws Exception {
        HttpResponse<String> snippet = get("/agenda/coevorden/insluiten");
        assertThat(snippet.statusCode()).isEqualTo(200);
        assertThat(snippet.body()).contains("<h1>Agenda Coevorden</h1>").doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("onclick").doesNotContain("@omzien.example");
        assertThat(snippet.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors *")
                .contains("default-src 'none'");
        assertThat(snippet.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(get("/agenda/coevorden/insluiten?taal=en").body()).contains("<html lang=\"en\">");
        // Every other page still refuses to be framed.
        HttpResponse<String> page = get("/agenda/coevorden");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(get("/verify").headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
    }

    @Test
    void aSignUpThroughTheAgendaIsCountedOnceTheAddressIsConfirmed() {
        var fx = fx();
        MunicipalityId coevorden = fx.municipality("Coevorden");
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Aanmelden via de agenda", 8, 6)
                .setTrainerIds(Set.of(fx.userId(TRAINER)))));
        CampaignId week = fx.as(LEAD_COEVORDEN, () -> campaigns.create(null, "Aanmeldweek", today(), today().plusDays(10)));
        long before = fx.as(LEAD_COEVORDEN, () -> campaigns.figures(null)).orElseThrow().during().agendaSignUps();
        String link = campaigns.publicAgenda("coevorden").orElseThrow().trainings().stream()
                .filter(t -> t.sessionId() == session.value()).findFirst().orElseThrow().signUpLink();
        String token = link.substring(link.lastIndexOf('/') + 1, link.indexOf('?'));
        String email = "agenda-" + System.nanoTime() + "@test.example";
        inviteRegistrations.register(token, true, new InviteRegistrationService.Form("Anna Agenda", email,
                fx.organisation("Kapsalon Knip & Zo"), true, Locale.of("nl")), "10.2.0.1", true);
        assertThat(db.fetchCount(AGENDA_SIGN_UP)).as("not before the address is confirmed").isZero();

        String mail = db.select(MAIL_OUTBOX.BODY_TEXT).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(email))
                .orderBy(MAIL_OUTBOX.ID.desc()).limit(1).fetchOne(MAIL_OUTBOX.BODY_TEXT);
        Matcher signIn = Pattern.compile("token=([A-Za-z0-9_-]{43})").matcher(mail);
        assertThat(signIn.find()).isTrue();
        signInTokens.consume(OneTimeTokenAuthenticationToken.unauthenticated(signIn.group(1)));
        fx.as(email, () -> inviteRegistrations.afterSignIn());
        fx.as(email, () -> inviteRegistrations.afterSignIn()); // a second tab: nothing more

        assertThat(db.fetchCount(AGENDA_SIGN_UP, AGENDA_SIGN_UP.SESSION_ID.eq(session))).isEqualTo(1);
        assertThat(fx.as(LEAD_COEVORDEN, () -> campaigns.figures(coevorden)).orElseThrow().during().agendaSignUps())
                .isEqualTo(before + 1);
        assertThat(week).isNotNull();
    }

    // --- the campaign mail ---

    private List<String> recipientsOf(String campaignName) {
        return db.select(MAIL_OUTBOX.RECIPIENT).from(MAIL_OUTBOX).where(MAIL_OUTBOX.SUBJECT.startsWith(campaignName + ":"))
                .fetch(MAIL_OUTBOX.RECIPIENT);
    }

    @Test
    void eachTrainedPersonOfTheMunicipalityGetsOneCampaignMail_ASecondRunAndTwoInstancesAtOnceSendNoMore() throws Exception {
        var fx = fx();
        CampaignId first = fx.as(LEAD_COEVORDEN, () -> campaigns.create(null, "Mailweek een", today(), today().plusDays(6)));
        mailer.mailDue();
        List<String> once = recipientsOf("Mailweek een");
        int sent = once.size();
        assertThat(sent).as("the demo's certificate holders in Coevorden").isPositive();
        assertThat(once).doesNotHaveDuplicates();
        MunicipalityId coevorden = fx.municipality("Coevorden");
        for (String recipient : once) {
            var placed = db.select(coalesce(ORGANISATION.MUNICIPALITY_ID, APP_USER.MUNICIPALITY_ID)).from(APP_USER)
                    .leftJoin(ORGANISATION).on(ORGANISATION.ID.eq(APP_USER.ORGANISATION_ID))
                    .where(APP_USER.EMAIL.eq(recipient)).fetchOne(0, MunicipalityId.class);
            assertThat(placed).as(recipient).isEqualTo(coevorden);
        }
        assertThat(mailer.mailDue()).as("a second run (or the job after a restart) mails nobody again").isZero();
        assertThat(recipientsOf("Mailweek een")).hasSize(sent);
        assertThat(db.fetchCount(CAMPAIGN_MAIL, CAMPAIGN_MAIL.CAMPAIGN_ID.eq(first))).isEqualTo(sent);

        // Two instances running the job at the same moment.
        fx.as(LEAD_COEVORDEN, () -> campaigns.create(null, "Mailweek twee", today(), today().plusDays(6)));
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return mailer.mailDue();
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        }
        assertThat(recipientsOf("Mailweek twee")).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(once);
    }

    @Test
    void someoneWhoStopsCampaignMailGetsNoneForTheNextCampaign() {
        var fx = fx();
        fx.as(LEAD_COEVORDEN, () -> campaigns.create(null, "Stopweek een", today(), today().plusDays(6)));
        mailer.mailDue();
        var mail = db.select(MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.BODY_TEXT).from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.SUBJECT.startsWith("Stopweek een:")).orderBy(MAIL_OUTBOX.ID).limit(1).fetchOne();
        assertThat(mail).isNotNull();
        assertThat(mail.value2()).contains("/mijn-training").contains("/agenda/coevorden");
        Matcher stop = Pattern.compile("/campagnemail/([A-Za-z0-9_-]{43})").matcher(mail.value2());
        assertThat(stop.find()).isTrue();

        // Opening the link changes nothing; the button does.
        open("campagnemail/" + stop.group(1));
        _click(_get(Button.class, spec -> spec.withId("opt-out-confirm")));
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("opt-out-result")).getText())
                .isEqualTo("Klaar. Je krijgt geen mail meer over campagnes.");

        fx.as(LEAD_COEVORDEN, () -> campaigns.create(null, "Stopweek twee", today(), today().plusDays(6)));
        mailer.mailDue();
        assertThat(recipientsOf("Stopweek twee")).isNotEmpty().doesNotContain(mail.value1());
        assertThat(campaigns.optOut("x".repeat(43))).as("an unknown link").isFalse();
    }

    // --- figures ---

    @Test
    void theDashboardShowsTheCampaignAgainstTheSameWeeksAYearBefore_HidingSmallNumbersOfPeople() {
        var fx = fx();
        LocalDate from = today().plusDays(40);
        LocalDate until = from.plusDays(6);
        CampaignId week = fx.as(LEAD_COEVORDEN, () -> campaigns.create(null, "Cijferweek", from, until));
        fx.as(LEAD_COEVORDEN, () -> campaigns.addActivity(week, activity("Koffie", from.plusDays(1), null)));
        fx.as(LEAD_COEVORDEN, () -> campaigns.addActivity(week, activity("Wandeling", from.plusDays(3), null)));
        CampaignId lastYear = fx.as(LEAD_COEVORDEN, () -> campaigns.create(null, "Cijferweek vorig jaar",
                from.minusWeeks(52), until.minusWeeks(52)));
        fx.as(LEAD_COEVORDEN, () -> campaigns.addActivity(lastYear, activity("Koffie", from.minusWeeks(52).plusDays(1), null)));
        // A group session on day 3 of the campaign with three people present.
        PersonId trainer = fx.userId(TRAINER);
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Cijfersessie", 8, 42)
                .setModuleIds(Set.of("herkennen", "gesprek")).setTrainerIds(Set.of(trainer))));
        List<String> people = fx.participants(3, "Kapsalon Knip & Zo");
        people.forEach(p -> fx.as(p, () -> registrations.signUp(session)));
        clock.setTo(from.plusDays(2).atTime(20, 0).atZone(SessionTimes.ZONE).toInstant());
        CampaignFigures before = fx.as(LEAD_COEVORDEN, () -> campaigns.figures(null)).orElseThrow();
        assertThat(before.campaignName()).isEqualTo("Cijferweek");
        assertThat(before.during().peopleTrained()).as("nobody holds a certificate from the future yet").isZero();
        fx.as(TRAINER, () -> sessions.participants(session)).forEach(p ->
                fx.as(TRAINER, () -> sessions.markAttendance(p.registrationId(), Attendance.PRESENT)));

        CampaignFigures after = fx.as(LEAD_COEVORDEN, () -> campaigns.figures(null)).orElseThrow();
        assertThat(after.during().peopleTrained()).isEqualTo(3);
        assertThat(after.during().sessionsHeld()).isEqualTo(before.during().sessionsHeld());
        assertThat(after.during().activities()).isEqualTo(2);
        assertThat(after.during().agendaSignUps()).isZero();
        assertThat(after.yearBefore().from()).isEqualTo(from.minusWeeks(52));
        assertThat(after.yearBefore().activities()).isEqualTo(1);

        signInAs(LEAD_COEVORDEN);
        open("dashboard");
        assertThat(_get(NativeTableCell.class, spec -> spec.withId("campaign-trained")).getText()).isEqualTo("3");
        assertThat(_get(NativeTableCell.class, spec -> spec.withId("campaign-activities")).getText()).isEqualTo("2");
        assertThat(_get(NativeTableCell.class, spec -> spec.withId("campaign-activities-before")).getText()).isEqualTo("1");
        _get(Checkbox.class, spec -> spec.withId("dashboard-publication")).setValue(true);
        assertThat(_get(NativeTableCell.class, spec -> spec.withId("campaign-trained")).getText()).isEqualTo("<5");
        assertThat(_get(NativeTableCell.class, spec -> spec.withId("campaign-activities")).getText())
                .as("activities are not people").isEqualTo("2");
    }

    @Test
    void theCouncilReportAndTheSpreadsheetCarryTheCampaignOfTheirPeriod_HidingSmallNumbersOfPeopleWhenPublished() throws Exception {
        var fx = fx();
        MunicipalityId coevorden = fx.municipality("Coevorden");
        // Later than every other campaign of this class, so it is the latest one once the clock is in it.
        LocalDate from = today().plusDays(70);
        CampaignId week = fx.as(LEAD_COEVORDEN, () -> campaigns.create(null, "Raadsweek", from, from.plusDays(6)));
        fx.as(LEAD_COEVORDEN, () -> campaigns.addActivity(week, activity("Koffie", from.plusDays(1), null)));
        fx.as(LEAD_COEVORDEN, () -> campaigns.addActivity(week, activity("Wandeling", from.plusDays(2), null)));
        PersonId trainer = fx.userId(TRAINER);
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Raadssessie", 8, 72)
                .setModuleIds(Set.of("herkennen", "gesprek")).setTrainerIds(Set.of(trainer))));
        fx.participants(3, "Kapsalon Knip & Zo").forEach(p -> fx.as(p, () -> registrations.signUp(session)));
        try {
            clock.setTo(from.plusDays(2).atTime(22, 0).atZone(SessionTimes.ZONE).toInstant());
            fx.as(TRAINER, () -> sessions.participants(session)).forEach(p ->
                    fx.as(TRAINER, () -> sessions.markAttendance(p.registrationId(), Attendance.PRESENT)));
            DashboardFilter period = DashboardFilter.year(coevorden, from.getYear());
            Locale nl = Locale.of("nl");

            String report = PdfReading.text(fx.as(LEAD_COEVORDEN, () -> dashboard.councilReport(period, nl, false)))
                    .replaceAll("\\s+", " ");
            assertThat(report).contains("Campagne: Raadsweek (", "Raadsweek Een jaar eerder", "Mensen getraind 3 0",
                    "Activiteiten 2 0");
            String published = PdfReading.text(fx.as(LEAD_COEVORDEN, () -> dashboard.councilReport(period, nl, true)))
                    .replaceAll("\\s+", " ");
            assertThat(published).contains("Mensen getraind <5 0", "Activiteiten 2 0")
                    .as("activities are not people").doesNotContain("Mensen getraind 3");

            byte[] xlsx = fx.as(LEAD_COEVORDEN, () -> dashboard.xlsx(period, nl, true));
            try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet sheet = workbook.getSheets().filter(sh -> sh.getName().startsWith("Campagne")).findFirst().orElseThrow();
                List<List<String>> rows = sheet.read().stream().map(row -> IntStream.range(0, row.getCellCount())
                        .mapToObj(row::getCellText).toList()).toList();
                assertThat(rows.getFirst()).containsExactly("Cijfer", "Raadsweek", "Een jaar eerder");
                assertThat(rows).contains(List.of("Mensen getraind", "<5", "0"), List.of("Activiteiten", "2", "0"));
                assertThat(PublishedTableCheck.leaks(sheet.getName(), rows.getFirst(), rows.subList(1, rows.size()))).isEmpty();
            }
            assertThat(fx.as(LEAD_COEVORDEN, () -> dashboard.published(period, nl))).as("the figures API, as published")
                    .filteredOn(table -> table.name().equals("campaign")).singleElement()
                    .satisfies(table -> assertThat(table.rows().get(1)).containsExactly("Mensen getraind", "<5", 0L));
            // A period in which no campaign began has none, and another municipality's lead gets nothing.
            assertThat(PdfReading.text(fx.as(LEAD_COEVORDEN, () -> dashboard.councilReport(
                    DashboardFilter.year(coevorden, 2020), nl, false)))).doesNotContain("Campagne:");
            assertThatThrownBy(() -> fx.as(LEAD_TWENTERAND, () -> dashboard.councilReport(period, nl, false)))
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            clock.reset();
        }
    }

    @Test
    void theSessionsHeldCountASessionOnceItHasTakenPlaceAndNotACancelledOne() {
        var fx = fx();
        LocalDate from = today().plusDays(60);
        fx.as(LEAD_COEVORDEN, () -> campaigns.create(null, "Sessieweek", from, from.plusDays(6)));
        fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Sessieweek-sessie", 8, 62)
                .setTrainerIds(Set.of(fx.userId(TRAINER)))));
        SessionId cancelled = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Sessieweek-afgelast", 8, 62)
                .setTrainerIds(Set.of(fx.userId(TRAINER)))));
        fx.as(TRAINER, () -> sessions.cancel(cancelled));
        clock.setTo(from.plusDays(2).atTime(12, 0).atZone(SessionTimes.ZONE).toInstant());
        long beforeTheyStart = fx.as(LEAD_COEVORDEN, () -> campaigns.figures(null)).orElseThrow().during().sessionsHeld();
        clock.setTo(from.plusDays(2).atTime(20, 0).atZone(SessionTimes.ZONE).toInstant());
        long afterTheyStarted = fx.as(LEAD_COEVORDEN, () -> campaigns.figures(null)).orElseThrow().during().sessionsHeld();
        assertThat(afterTheyStarted).as("the held one counts, the cancelled one not").isEqualTo(beforeTheyStart + 1);
    }

    // --- the lead's page ---

    @Test
    void theLeadMakesTheWeekFromTheFilledInDays_TagsASessionAndAddsAnActivity() {
        var fx = fx();
        int year = WeekAgainstLoneliness.yearFor(today());
        SessionId session = fx.as(TRAINER, () -> sessions.create(SessionFixtures.draft("Weeksessie", 8, 2)
                .setTrainerIds(Set.of(fx.userId(TRAINER)))));
        signInAs(LEAD_COEVORDEN);
        open("campagnes");
        assertThat(_get(TextField.class, spec -> spec.withId("campaign-name")).getValue()).isEqualTo("Week tegen Eenzaamheid " + year);
        assertThat(_get(DatePicker.class, spec -> spec.withId("campaign-from")).getValue()).isEqualTo(WeekAgainstLoneliness.firstDay(year));
        assertThat(_get(DatePicker.class, spec -> spec.withId("campaign-until")).getValue()).isEqualTo(WeekAgainstLoneliness.lastDay(year));
        assertThat(_get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withId("campaigns-snippet")).getValue())
                .startsWith("<iframe src=\"").contains("/agenda/coevorden/insluiten");

        // This week, so the session two days ahead falls in it.
        _get(TextField.class, spec -> spec.withId("campaign-name")).setValue("Onze week");
        _get(DatePicker.class, spec -> spec.withId("campaign-from")).setValue(today());
        _get(DatePicker.class, spec -> spec.withId("campaign-until")).setValue(today().plusDays(6));
        _click(_get(Button.class, spec -> spec.withId("campaign-create")));
        Checkbox tag = _get(Checkbox.class, spec -> spec.withId("campaign-session-" + session));
        tag.setValue(true);

        _get(TextField.class, spec -> spec.withId("activity-title")).setValue("Soep en een praatje");
        _get(DatePicker.class, spec -> spec.withId("activity-day")).setValue(today().plusDays(1));
        _get(TimePicker.class, spec -> spec.withId("activity-from")).setValue(LocalTime.of(12, 0));
        _get(TimePicker.class, spec -> spec.withId("activity-until")).setValue(LocalTime.of(13, 30));
        _get(TextField.class, spec -> spec.withId("activity-place")).setValue("Buurthuis Dalen");
        _get(TextField.class, spec -> spec.withId("activity-organiser")).setValue("Welzijn Coevorden");
        _get(TextField.class, spec -> spec.withId("activity-link")).setValue("geen link");
        _click(_get(Button.class, spec -> spec.withId("activity-save")));
        assertThat(_get(TextField.class, spec -> spec.withId("activity-link")).isInvalid()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("activity-title")).getValue()).as("nothing typed is lost")
                .isEqualTo("Soep en een praatje");
        _get(TextField.class, spec -> spec.withId("activity-link")).setValue("");
        _click(_get(Button.class, spec -> spec.withId("activity-save")));
        assertThat(_find(Div.class, spec -> spec.withClasses("campaign-activity"))).hasSize(1);

        var agenda = campaigns.publicAgenda("coevorden").orElseThrow();
        assertThat(agenda.trainings()).filteredOn(t -> t.sessionId() == session.value()).singleElement()
                .extracting(PublicAgenda.Training::campaignName).isEqualTo("Onze week");
        assertThat(agenda.campaigns()).anySatisfy(c -> assertThat(c.activities())
                .extracting(Activity::title).contains("Soep en een praatje"));
    }

    @Test
    void theLeadChangesAnActivity_TheAgendaShowsTheChange_AndOneDeletedMeanwhileGetsAMessage() {
        var fx = fx();
        CampaignId week = fx.as(LEAD_COEVORDEN, () -> campaigns.create(null, "Wijzigweek", today(), today().plusDays(6)));
        ActivityId walk = fx.as(LEAD_COEVORDEN, () -> campaigns.addActivity(week, activity("Wandeling", today().plusDays(1), null)));
        signInAs(LEAD_COEVORDEN);
        open("campagnes");
        _click(_get(Button.class, spec -> spec.withId("campaign-open-" + week)));
        _click(_get(Button.class, spec -> spec.withId("activity-edit-" + walk)));
        TextField title = _get(TextField.class, spec -> spec.withId("activity-title"));
        assertThat(title.getValue()).isEqualTo("Wandeling");
        assertThat(_get(TimePicker.class, spec -> spec.withId("activity-from")).getValue()).isEqualTo(LocalTime.of(10, 0));

        title.setValue("Wandeling langs de Vecht");
        _get(TimePicker.class, spec -> spec.withId("activity-until")).setValue(LocalTime.of(9, 0));
        _click(_get(Button.class, spec -> spec.withId("activity-save")));
        assertThat(_get(TimePicker.class, spec -> spec.withId("activity-until")).isInvalid()).isTrue();
        assertThat(agendaActivity(walk).title()).as("nothing changed").isEqualTo("Wandeling");

        _get(TimePicker.class, spec -> spec.withId("activity-until")).setValue(LocalTime.of(12, 30));
        _click(_get(Button.class, spec -> spec.withId("activity-save")));
        Activity changed = agendaActivity(walk);
        assertThat(changed.title()).isEqualTo("Wandeling langs de Vecht");
        assertThat(SessionTimes.local(changed.endsAt()).toLocalTime()).isEqualTo(LocalTime.of(12, 30));
        assertThat(_get(TextField.class, spec -> spec.withId("activity-title")).getValue()).as("the form adds again").isEmpty();
        assertThat(_find(Div.class, spec -> spec.withClasses("campaign-activity"))).hasSize(1);

        assertThatThrownBy(() -> fx.as(LEAD_TWENTERAND, () -> campaigns.changeActivity(walk,
                activity("Overgenomen", today().plusDays(1), null)))).isInstanceOf(AccessDeniedException.class);

        _click(_get(Button.class, spec -> spec.withId("activity-edit-" + walk)));
        fx.as(LEAD_COEVORDEN, () -> campaigns.deleteActivity(walk)); // in another tab
        _get(TextField.class, spec -> spec.withId("activity-place")).setValue("Start bij de kerk");
        _click(_get(Button.class, spec -> spec.withId("activity-save")));
        assertThat(_get(TextField.class, spec -> spec.withId("activity-title")).getErrorMessage())
                .isEqualTo("Deze activiteit is net verwijderd. Voeg hem opnieuw toe als hij toch doorgaat.");
        assertThat(_get(TextField.class, spec -> spec.withId("activity-place")).getValue()).as("nothing typed is lost")
                .isEqualTo("Start bij de kerk");
    }

    private Activity agendaActivity(ActivityId id) {
        return campaigns.publicAgenda("coevorden").orElseThrow().campaigns().stream().flatMap(c -> c.activities().stream())
                .filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theLeadSeesACampaignMadeElsewhere_WhenOpeningTheCampaignsPageAgain() {
        signInAs(LEAD_COEVORDEN);
        open("campagnes");
        int before = _find(Div.class, spec -> spec.withClasses("campaign-card")).size();
        CampaignId made = campaigns.create(null, "Week van de buren", today().plusDays(40), today().plusDays(46));
        open("campagnes");
        assertThat(_find(Div.class, spec -> spec.withClasses("campaign-card"))).hasSize(before + 1);
        assertThat(_find(Div.class, spec -> spec.withId("campaign-" + made))).hasSize(1);
        assertThat(_find(Div.class, spec -> spec.withId("campaign-new"))).as("one form to make a campaign").hasSize(1);
    }

    @Test
    void theOpenCampaignShowsAnActivityAddedElsewhere_WhenTheLeadOpensThePageAgain() {
        signInAs(LEAD_COEVORDEN);
        CampaignId week = campaigns.create(null, "Week met activiteit", today().plusDays(50), today().plusDays(56));
        open("campagnes");
        _click(_get(Button.class, spec -> spec.withId("campaign-open-" + week)));
        assertThat(_find(Div.class, spec -> spec.withClasses("campaign-activity"))).isEmpty();
        campaigns.addActivity(week, activity("Wandelen met de buurt", today().plusDays(51), null));
        open("campagnes");
        assertThat(_find(Div.class, spec -> spec.withClasses("campaign-activity"))).singleElement()
                .satisfies(row -> assertThat(row.getElement().getTextRecursively()).contains("Wandelen met de buurt"));
        assertThat(_find(Div.class, spec -> spec.withId("campaign-activities"))).hasSize(1);
    }

    @Test
    void aParticipantCannotOpenTheCampaignsPage() {
        signInAs(PARTICIPANT);
        assertThatThrownBy(() -> open("campagnes"))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
    }
}
