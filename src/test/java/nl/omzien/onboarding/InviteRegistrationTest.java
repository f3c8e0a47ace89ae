package nl.omzien.onboarding;

import nl.omzien.base.OrganisationId;

import nl.omzien.base.PersonId;
import nl.omzien.sessions.SessionId;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.SecretTokens;
import nl.omzien.onboarding.InviteRegistrationService.Form;
import nl.omzien.onboarding.internal.SignInLinkTokenService;
import nl.omzien.sessions.RegistrationStatus;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionService;
import nl.omzien.test.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.dashboard.internal.db.Tables.DASHBOARD_STAFF;
import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static nl.omzien.onboarding.internal.db.Tables.PENDING_SESSION_SIGNUP;
import static nl.omzien.onboarding.internal.db.Tables.PRIVACY_CONSENT;
import static nl.omzien.sessions.internal.db.Tables.REGISTRATION;
import static nl.omzien.people.internal.db.Tables.USER_ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.lower;

/** Registering through an organisation's invite link or a session's sign-up link, on the real database. */
class InviteRegistrationTest extends IntegrationTest {

    private static final Pattern WELCOME_LINK = Pattern.compile("/inloggen/link\\?token=([A-Za-z0-9_-]{43})&next=%2Fwelkom");
    private static final Locale DUTCH = Locale.of("nl");

    @Autowired
    InviteLinkService invites;
    @Autowired
    InviteRegistrationService registrations;
    @Autowired
    SessionService sessions;
    @Autowired
    SignInLinkTokenService tokens;
    @Autowired
    DSLContext db;
    @Autowired
    UserDetailsService accounts;

    private SessionFixtures fx() {
        return new SessionFixtures(db, accounts);
    }

    private String organisationToken(String organisation) {
        String link = fx().as(LEAD_COEVORDEN, () -> invites.organisationInvite(fx().organisation(organisation))).link();
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    }

    private static Form form(String name, String email, boolean consent) {
        return new Form(name, email, null, consent, DUTCH);
    }

    private int accountsWith(String email) {
        return db.fetchCount(APP_USER, lower(APP_USER.EMAIL).eq(email.toLowerCase()));
    }

    private List<String> subjectsTo(String email) {
        return db.select(MAIL_OUTBOX.SUBJECT).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.equalIgnoreCase(email))
                .orderBy(MAIL_OUTBOX.ID).fetch(MAIL_OUTBOX.SUBJECT);
    }

    private String welcomeToken(String email) {
        String text = db.select(MAIL_OUTBOX.BODY_TEXT).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.equalIgnoreCase(email))
                .orderBy(MAIL_OUTBOX.ID.desc()).limit(1).fetchOne(MAIL_OUTBOX.BODY_TEXT);
        Matcher link = WELCOME_LINK.matcher(text);
        assertThat(link.find()).as("a sign-in link to the welcome page in: %s", text).isTrue();
        return link.group(1);
    }

    @Test
    void anInviteLinkCreatesAParticipantOfThatOrganisationWithConsentAndMailsALinkThatSignsIn() {
        String email = unique("kapper");
        registrations.register(organisationToken("Kapsalon Knip & Zo"), false, form("  Mila de Kapper ", email, true), "10.1.0.1");

        var user = db.selectFrom(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOne();
        assertThat(user.getFullName()).isEqualTo("Mila de Kapper");
        assertThat(user.getOrganisationId()).as("not in the organisation before the address is confirmed").isNull();
        assertThat(user.getPasswordHash()).as("no password: sign-in by link").isNull();
        assertThat(db.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(user.getId())).fetch(USER_ROLE.ROLE))
                .containsExactly("PARTICIPANT");
        assertThat(db.select(PRIVACY_CONSENT.STATEMENT_VERSION).from(PRIVACY_CONSENT)
                .where(PRIVACY_CONSENT.USER_ID.eq(user.getId())).fetch(PRIVACY_CONSENT.STATEMENT_VERSION))
                .containsExactly(InviteRegistrationService.PRIVACY_STATEMENT_VERSION);
        assertThat(subjectsTo(email)).containsExactly("Welkom bij Omzien: tik op de link om te beginnen");

        String token = welcomeToken(email);
        var signedIn = tokens.consume(OneTimeTokenAuthenticationToken.unauthenticated(token));
        assertThat(signedIn.getUsername()).isEqualTo(email);
        assertThat(db.select(APP_USER.ORGANISATION_ID).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOne(APP_USER.ORGANISATION_ID))
                .as("the followed link confirms the address").isEqualTo(fx().organisation("Kapsalon Knip & Zo"));

        var welcome = fx().as(email, () -> registrations.afterSignIn());
        assertThat(welcome.firstModuleId()).as("module 1 for the shop audience").contains("herkennen");
        assertThat(welcome.sessions()).isEmpty();
    }

    /** Issue 17: 20 fake registrations through a public link took an organisation's trained share from 20% to 4%. */
    @Test
    void registrationsCountTowardTheOrganisationOnlyOnceTheirAddressIsConfirmed() {
        OrganisationId library = fx().organisation("Bibliotheek Coevorden");
        String token = organisationToken("Bibliotheek Coevorden");
        Integer before = staffOf(library);
        List<String> emails = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String email = unique("nep" + i);
            emails.add(email);
            registrations.register(token, false, form("Nep Persoon " + i, email, true), "10.1.7." + i);
        }
        assertThat(staffOf(library)).as("unconfirmed registrations count nowhere").isEqualTo(before);
        assertThat(db.fetchCount(APP_USER, APP_USER.ORGANISATION_ID.eq(library).and(APP_USER.EMAIL.in(emails)))).isZero();

        tokens.consume(OneTimeTokenAuthenticationToken.unauthenticated(welcomeToken(emails.getFirst())));
        assertThat(staffOf(library)).as("one confirmed person").isEqualTo((before == null ? 0 : before) + 1);
        tokens.consume(OneTimeTokenAuthenticationToken.unauthenticated(welcomeToken(emails.getFirst())));
        assertThat(staffOf(library)).as("a used link changes nothing").isEqualTo((before == null ? 0 : before) + 1);
    }

    private Integer staffOf(OrganisationId organisation) {
        return db.select(DASHBOARD_STAFF.STAFF).from(DASHBOARD_STAFF).where(DASHBOARD_STAFF.ORGANISATION_ID.eq(organisation.value()))
                .fetchOne(DASHBOARD_STAFF.STAFF);
    }

    @Test
    void aNameWithANulOrAReadingDirectionOverrideIsRefusedAtTheNameFieldAndCreatesNothing() {
        String token = organisationToken("Bibliotheek Coevorden");
        for (String name : List.of("Noor\u0000de Vries", "Noor \u202Eseirv ed", "Noor\u2066 de Vries", "Noor\nde Vries")) {
            String email = unique("besturingsteken");
            assertThatThrownBy(() -> registrations.register(token, false, form(name, email, true), "10.1.0.9"))
                    .as(name).isInstanceOfSatisfying(InvalidInputException.class, e ->
                            assertThat(e.errors()).containsEntry("fullName", "validation.control-characters"));
            assertThat(accountsWith(email)).isZero();
        }
    }

    @Test
    void withoutConsentOrWithBadInputNothingIsCreatedAndEachFieldSaysWhy() {
        String token = organisationToken("Bibliotheek Coevorden");
        String email = unique("bieb");
        assertThatThrownBy(() -> registrations.register(token, false, form("Noor", email, false), "10.1.0.2"))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.errors()).containsEntry("consent", "register.consent-required"));
        assertThatThrownBy(() -> registrations.register(token, false, form(" ", "geen-adres", true), "10.1.0.2"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsEntry("fullName", "validation.required").containsEntry("email", "validation.email"));
        assertThat(accountsWith(email)).isZero();
        assertThat(subjectsTo(email)).isEmpty();
    }

    @Test
    void anExistingAddressIsNotRevealedAParticipantGetsASignInLinkAndNothingChanges() {
        String token = organisationToken("Supermarkt De Brink");
        String participant = "chantal.meijer@demo.example";
        OrganisationId organisationBefore = db.select(APP_USER.ORGANISATION_ID).from(APP_USER).where(APP_USER.EMAIL.eq(participant))
                .fetchOne(APP_USER.ORGANISATION_ID);

        registrations.register(token, false, form("Iemand Anders", participant.toUpperCase(), true), "10.1.0.3");

        assertThat(accountsWith(participant)).isEqualTo(1);
        var account = db.selectFrom(APP_USER).where(APP_USER.EMAIL.eq(participant)).fetchOne();
        assertThat(account.getFullName()).isEqualTo("Chantal Meijer");
        assertThat(account.getOrganisationId()).isEqualTo(organisationBefore);
        assertThat(subjectsTo(participant)).last().isEqualTo("Je link om in te loggen bij Omzien");
        assertThat(welcomeToken(participant)).isNotBlank();

        // Staff keep their password: no link, no change, and still the same answer (no exception).
        int trainerMails = subjectsTo(TRAINER).size();
        registrations.register(token, false, form("Peter", TRAINER, true), "10.1.0.3");
        assertThat(subjectsTo(TRAINER)).hasSize(trainerMails);
        assertThat(accountsWith(TRAINER)).isEqualTo(1);
    }

    @Test
    void twoSubmitsOfTheSameFormAtOnceCreateOneAccount() throws Exception {
        String token = organisationToken("Bakkerij Van der Veen");
        String email = unique("dubbel");
        CountDownLatch start = new CountDownLatch(1);
        Callable<Void> submit = () -> {
            start.await();
            registrations.register(token, false, form("Dubbel Klik", email, true), "10.1.0.4");
            return null;
        };
        try (var pool = Executors.newFixedThreadPool(2)) {
            var first = pool.submit(submit);
            var second = pool.submit(submit);
            start.countDown();
            first.get();
            second.get();
        }
        assertThat(accountsWith(email)).isEqualTo(1);
        PersonId userId = db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOne(APP_USER.ID);
        assertThat(db.fetchCount(USER_ROLE, USER_ROLE.USER_ID.eq(userId))).isEqualTo(1);
    }

    @Test
    void aReplacedOrUnknownLinkIsRefused() {
        OrganisationId organisation = fx().organisation("Protestantse Gemeente Dalen");
        String old = organisationToken("Protestantse Gemeente Dalen");
        fx().as(LEAD_COEVORDEN, () -> invites.rotateOrganisationInvite(organisation));
        String email = unique("oud");
        for (String token : List.of(old, SecretTokens.newToken(), "kapot")) {
            assertThatThrownBy(() -> registrations.register(token, false, form("Oude Link", email, true), "10.1.0.5"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e ->
                            assertThat(e.errors()).containsEntry("invite", "register.invite-invalid"));
        }
        assertThat(accountsWith(email)).isZero();
    }

    @Test
    void manySignUpsFromOneIpAddressAreThrottled() {
        String token = organisationToken("Vrijwilligerscentrale Coevorden");
        for (int i = 0; i < 20; i++) {
            registrations.register(token, false, form("Vrijwilliger " + i, unique("ip" + i), true), "10.66.0.1");
        }
        String oneTooMany = unique("teveel");
        assertThatThrownBy(() -> registrations.register(token, false, form("Te Veel", oneTooMany, true), "10.66.0.1"))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.errors()).containsEntry("form", "register.throttled"));
        assertThat(accountsWith(oneTooMany)).isZero();
        registrations.register(token, false, form("Ander Adres", unique("ander"), true), "10.66.0.2");
    }

    @Test
    void aSessionLinkLetsThePersonPickTheirOrganisationAndBooksTheSessionOnlyAfterTheyFollowTheMailedLink() {
        SessionId sessionId = fx().as(TRAINER, () -> sessions.create(SessionFixtures.draft("Aanmelden via link", 1, 9)));
        var link = fx().as(TRAINER, () -> invites.sessionInvites()).stream()
                .filter(i -> i.session().id().equals(sessionId)).findFirst().orElseThrow().link();
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(link).contains("/aanmelden/sessie/");

        var invite = registrations.sessionInvite(token).orElseThrow();
        assertThat(invite.organisation()).as("an open session: the person chooses").isNull();
        assertThat(invite.choices()).extracting(o -> o.municipalityName()).containsOnly("Coevorden");

        OrganisationId elsewhere = fx().organisation("Kapper Haarlijn");
        String first = unique("sessie-een");
        assertThatThrownBy(() -> registrations.register(token, true,
                new Form("Eerste Persoon", first, elsewhere, true, DUTCH), "10.1.0.6"))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.errors()).containsEntry("organisation", "validation.required"));

        OrganisationId supermarket = fx().organisation("Supermarkt De Brink");
        registrations.register(token, true, new Form("Eerste Persoon", first, supermarket, true, DUTCH), "10.1.0.6");
        String second = unique("sessie-twee");
        registrations.register(token, true, new Form("Tweede Persoon", second, supermarket, true, DUTCH), "10.1.0.6");

        assertThat(db.fetchCount(REGISTRATION, REGISTRATION.SESSION_ID.eq(sessionId))).as("not before the mail link").isZero();
        assertThat(db.fetchCount(PENDING_SESSION_SIGNUP, PENDING_SESSION_SIGNUP.SESSION_ID.eq(sessionId))).isEqualTo(2);
        tokens.consume(OneTimeTokenAuthenticationToken.unauthenticated(welcomeToken(first)));
        tokens.consume(OneTimeTokenAuthenticationToken.unauthenticated(welcomeToken(second)));

        var welcomeFirst = fx().as(first, () -> registrations.afterSignIn());
        assertThat(welcomeFirst.sessions()).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo(RegistrationStatus.CONFIRMED));
        assertThat(welcomeFirst.firstModuleId()).contains("herkennen");
        var welcomeSecond = fx().as(second, () -> registrations.afterSignIn());
        assertThat(welcomeSecond.sessions()).singleElement()
                .satisfies(s -> assertThat(s.status()).as("one seat: the waitlist").isEqualTo(RegistrationStatus.WAITLISTED));
        assertThat(fx().as(first, () -> registrations.afterSignIn()).sessions()).as("done once").isEmpty();
        assertThat(db.fetchCount(REGISTRATION, REGISTRATION.SESSION_ID.eq(sessionId))).isEqualTo(2);

        fx().as(TRAINER, () -> invites.rotateSessionInvite(sessionId));
        assertThat(registrations.sessionInvite(token)).as("the replaced session link").isEmpty();
    }

    @Test
    void aClosedSessionsLinkFixesTheOrganisation() {
        OrganisationId homeCare = fx().organisation("Thuiszorg Zuidoost-Drenthe");
        SessionId sessionId = fx().as(TRAINER, () -> sessions.create(
                SessionFixtures.draft("Alleen voor de thuiszorg", 10, 8).setOrganisationId(homeCare)));
        var link = fx().as(LEAD_COEVORDEN, () -> invites.sessionInvites()).stream()
                .filter(i -> i.session().id().equals(sessionId)).findFirst().orElseThrow().link();
        var invite = registrations.sessionInvite(link.substring(link.lastIndexOf('/') + 1)).orElseThrow();
        assertThat(invite.organisation().id()).isEqualTo(homeCare);
        assertThat(invite.choices()).extracting(o -> o.id()).containsExactly(homeCare);
    }
}
