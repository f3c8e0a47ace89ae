package nl.omzien.requests;

import nl.omzien.base.InvalidInputException;
import nl.omzien.base.PersonId;
import nl.omzien.base.SecretTokens;
import nl.omzien.people.Audience;
import nl.omzien.requests.internal.RequestRetention;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.sessions.SessionId;
import nl.omzien.sessions.SessionService;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.sessions.TrainingSession;
import nl.omzien.test.IntegrationTest;
import nl.omzien.trainers.TrainerService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.USER_ROLE;
import static nl.omzien.requests.internal.db.Tables.REQUEST_EVENT;
import static nl.omzien.requests.internal.db.Tables.TRAINING_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Trainings on request on the real database: the lifecycle, who may do what, the races, the limit and the flag. */
class TrainingRequestLifecycleTest extends IntegrationTest {

    @Autowired TrainingRequestService requests;
    @Autowired RequestRetention retention;
    @Autowired SessionService sessions;
    @Autowired TrainerService trainers;
    @Autowired DSLContext db;
    @Autowired UserDetailsService accounts;

    private SessionFixtures fx() {
        return new SessionFixtures(db, accounts);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SessionTimes.ZONE));
    }

    private static RequestDraft draft(String organisation, String email) {
        return new RequestDraft(organisation, Audience.SHOP, 9, "Maandagavond in het voorjaar", "Kantine, Markt 1",
                null, "Petra Smit", email);
    }

    private static String uniqueEmail() {
        return "aanvrager-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    }

    private RequestId submitPublic(String email, String ip) {
        requests.submitPublic(fx().municipality("Coevorden"), draft("Winkel " + email.substring(10, 18), email), Locale.of("nl"), ip);
        return db.select(TRAINING_REQUEST.ID).from(TRAINING_REQUEST).where(TRAINING_REQUEST.CONTACT_EMAIL.eq(email))
                .orderBy(TRAINING_REQUEST.ID.desc()).limit(1).fetchOne(TRAINING_REQUEST.ID);
    }

    private TrainingRequest asLead(RequestId id) {
        return fx().as(LEAD_COEVORDEN, () -> requests.requests(null)).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private List<String> mailsTo(String email) {
        return db.select(MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.BODY_TEXT).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(email))
                .orderBy(MAIL_OUTBOX.ID).fetch(r -> r.value1() + "\n" + r.value2());
    }

    /** A new trainer in Coevorden, qualified for a year by the lead. */
    private String newQualifiedTrainer() {
        String email = "trainer-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        var id = db.insertInto(APP_USER).set(APP_USER.EMAIL, email).set(APP_USER.FULL_NAME, "Trainer " + email.substring(8, 16))
                .set(APP_USER.MUNICIPALITY_ID, fx().municipality("Coevorden")).returning(APP_USER.ID).fetchOne().getId();
        db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, "TRAINER").execute();
        fx().as(LEAD_COEVORDEN, () -> trainers.recordExternal(null, id, "Train-de-trainer gevolgd, certificaat gezien.",
                today().plusYears(1)));
        return email;
    }

    private String proposeAndGetToken(RequestId id, String requesterEmail) {
        fx().as(TRAINER, () -> requests.propose(id, asLead(id).version(),
                new Proposal(today().plusDays(14), LocalTime.of(14, 0), LocalTime.of(15, 30), "Kantine, Markt 1")));
        String last = mailsTo(requesterEmail).getLast();
        Matcher link = Pattern.compile("/training-aanvraag/([A-Za-z0-9_-]{43})").matcher(last);
        assertThat(link.find()).as(last).isTrue();
        return link.group(1);
    }

    @Test
    void aContactsRequestIsAssignedProposedAndAcceptedThroughTheMailedLink_IntoAClosedSessionWithTheSeats() {
        RequestDraft typed = new RequestDraft("ignored", Audience.PROFESSIONAL, 7, "In maart, ochtend", "Ons kantoor in Coevorden",
                "Graag voor de wijkverpleging.", "ignored", "ignored@example.org");
        RequestId id = fx().as(ORG_CONTACT, () -> requests.submitAsContact(typed, Locale.ENGLISH));
        TrainingRequest received = asLead(id);
        // Organisation, name and address come from the account, not from what was typed.
        assertThat(received.organisationName()).isEqualTo("Thuiszorg Zuidoost-Drenthe");
        assertThat(received.contactEmail()).isEqualTo(ORG_CONTACT);
        assertThat(received.status()).isEqualTo(RequestStatus.NEW);
        assertThat(mailsTo(ORG_CONTACT).getLast()).startsWith("Your request for a training for Thuiszorg Zuidoost-Drenthe");

        PersonId trainer = fx().userId(TRAINER);
        assertThat(fx().as(LEAD_COEVORDEN, () -> requests.qualifiedTrainers(id))).containsKey(trainer);
        fx().as(LEAD_COEVORDEN, () -> requests.assign(id, received.version(), trainer, null));
        assertThat(asLead(id).status()).isEqualTo(RequestStatus.ASSIGNED);
        assertThat(mailsTo(ORG_CONTACT).getLast()).startsWith("There is a trainer for Thuiszorg Zuidoost-Drenthe");
        assertThat(fx().as(TRAINER, () -> requests.assignedToMe())).extracting(TrainingRequest::id).contains(id);

        String token = proposeAndGetToken(id, ORG_CONTACT);
        assertThat(mailsTo(ORG_CONTACT).getLast()).startsWith("Proposal for the training of Thuiszorg Zuidoost-Drenthe")
                .contains("14:00", "15:30", "Kantine, Markt 1");
        // Stored hashed only.
        assertThat(db.select(TRAINING_REQUEST.ACCEPT_TOKEN_HASH).from(TRAINING_REQUEST).where(TRAINING_REQUEST.ID.eq(id))
                .fetchOne(TRAINING_REQUEST.ACCEPT_TOKEN_HASH)).isEqualTo(SecretTokens.hash(token)).isNotEqualTo(token);
        assertThat(requests.proposalFor(token)).map(TrainingRequest::peopleCount).contains(7);
        assertThat(requests.proposalFor(token.substring(1) + "A")).isEmpty();

        // Nobody signed in: the requester accepts through the link.
        SessionId sessionId = requests.acceptByToken(token);
        TrainingSession session = fx().as(LEAD_COEVORDEN, () -> sessions.get(sessionId));
        assertThat(session.isClosed()).isTrue();
        assertThat(session.organisationId()).isEqualTo(fx().organisation("Thuiszorg Zuidoost-Drenthe"));
        assertThat(session.capacity()).isEqualTo(7);
        assertThat(session.trainerIds()).containsExactly(trainer);
        assertThat(session.moduleIds()).containsExactlyInAnyOrder("herkennen", "gesprek");
        assertThat(SessionTimes.local(session.startsAt()).toLocalTime()).isEqualTo(LocalTime.of(14, 0));
        assertThat(asLead(id).status()).isEqualTo(RequestStatus.PLANNED);
        assertThat(mailsTo(ORG_CONTACT).getLast()).startsWith("The training of Thuiszorg Zuidoost-Drenthe is planned")
                .contains("/aanmelden/sessie/", "7 seats");
        // The link works once.
        assertThat(requests.proposalFor(token)).isEmpty();
        assertThatThrownBy(() -> requests.acceptByToken(token)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).containsEntry("token", "requests.link-invalid"));
        // Every step is in the request's log.
        assertThat(db.select(REQUEST_EVENT.ACTION).from(REQUEST_EVENT).where(REQUEST_EVENT.REQUEST_ID.eq(id)).orderBy(REQUEST_EVENT.ID)
                .fetch(REQUEST_EVENT.ACTION)).containsExactly("RECEIVED", "ASSIGNED", "PROPOSED", "PLANNED");
    }

    @Test
    void aPublicRequestIsLinkedToAnOrganisationOnAssignment_AndTheLeadCanAcceptThePhonedInAnswer() {
        String email = uniqueEmail();
        RequestId id = submitPublic(email, "198.51.100.20");
        assertThat(mailsTo(email)).singleElement().asString().startsWith("Je aanvraag voor een training");
        TrainingRequest r = asLead(id);
        assertThat(r.organisationId()).isNull();
        assertThatThrownBy(() -> fx().as(LEAD_COEVORDEN, () -> requests.assign(id, r.version(), fx().userId(TRAINER), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsEntry("organisation", "validation.required"));
        assertThatThrownBy(() -> fx().as(LEAD_COEVORDEN, () -> requests.assign(id, r.version(), fx().userId(TRAINER),
                fx().organisation("Welzijn Twenterand")))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).containsEntry("organisation", "requests.organisation-invalid"));
        fx().as(LEAD_COEVORDEN, () -> requests.assign(id, r.version(), fx().userId(TRAINER), fx().organisation("Supermarkt De Brink")));
        proposeAndGetToken(id, email);
        SessionId session = fx().as(LEAD_COEVORDEN, () -> requests.accept(id, asLead(id).version()));
        assertThat(fx().as(LEAD_COEVORDEN, () -> sessions.get(session)).organisationId()).isEqualTo(fx().organisation("Supermarkt De Brink"));
        assertThat(mailsTo(email).getLast()).startsWith("De training van Winkel").contains("9 plaatsen", "/aanmelden/sessie/");
    }

    @Test
    void everyFieldOfTheFormIsCheckedWithItsOwnMessage_AndNothingIsStored() {
        int before = db.fetchCount(TRAINING_REQUEST);
        assertThatThrownBy(() -> requests.submitPublic(fx().municipality("Coevorden"),
                new RequestDraft(" ", null, 0, "", "x", "ok", "", "not-an-address"), Locale.of("nl"), "198.51.100.1"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsEntry("organisation", "validation.required")
                        .containsEntry("audience", "validation.required")
                        .containsEntry("peopleCount", "requests.people-range")
                        .containsEntry("preferredPeriods", "validation.required")
                        .containsEntry("place", "validation.length.2.300")
                        .containsEntry("contactName", "validation.required")
                        .containsEntry("contactEmail", "validation.email"));
        assertThatThrownBy(() -> requests.submitPublic(null, draft("Winkel", uniqueEmail()), Locale.of("nl"), "198.51.100.1"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsEntry("municipality", "requests.municipality-unknown"));
        assertThat(db.fetchCount(TRAINING_REQUEST)).isEqualTo(before);
        assertThat(requests.municipalityBySlug("coevorden")).isPresent();
        assertThat(requests.municipalityBySlug("nergens")).isEmpty();
    }

    @Test
    void anotherMunicipalitysLeadIsRefused_AndOnlyTheAssignedTrainerProposes() {
        String email = uniqueEmail();
        RequestId id = submitPublic(email, "198.51.100.30");
        int version = asLead(id).version();
        assertThatThrownBy(() -> fx().as(LEAD_TWENTERAND, () -> requests.requests(fx().municipality("Coevorden"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fx().as(LEAD_TWENTERAND, () -> requests.requests(null))).extracting(TrainingRequest::id).doesNotContain(id);
        assertThatThrownBy(() -> fx().as(LEAD_TWENTERAND, () -> requests.assign(id, version, fx().userId(TRAINER),
                fx().organisation("Supermarkt De Brink")))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx().as(LEAD_TWENTERAND, () -> requests.decline(id, version, "Geen tijd")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx().as(TRAINER, () -> requests.requests(null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx().as(PARTICIPANT, () -> requests.assignedToMe())).isInstanceOf(AccessDeniedException.class);

        // Only a trainer qualified today can be assigned: the expired demo volunteer cannot.
        assertThatThrownBy(() -> fx().as(LEAD_COEVORDEN, () -> requests.assign(id, version, fx().userId("wim.oosting@demo.example"),
                fx().organisation("Supermarkt De Brink")))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).containsEntry("trainer", "requests.trainer-not-qualified"));
        fx().as(LEAD_COEVORDEN, () -> requests.assign(id, version, fx().userId(TRAINER), fx().organisation("Supermarkt De Brink")));

        String other = newQualifiedTrainer();
        Proposal proposal = new Proposal(today().plusDays(7), LocalTime.of(19, 0), LocalTime.of(20, 30), "Kantine");
        assertThatThrownBy(() -> fx().as(other, () -> requests.propose(id, asLead(id).version(), proposal)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx().as(LEAD_COEVORDEN, () -> requests.propose(id, asLead(id).version(), proposal)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx().as(TRAINER, () -> requests.propose(id, asLead(id).version(),
                new Proposal(today().minusDays(1), LocalTime.of(19, 0), LocalTime.of(18, 0), ""))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsEntry("endTime", "session.end-before-start").containsEntry("place", "validation.required"));
        assertThat(asLead(id).hasProposal()).isFalse();
        // Nor can anyone accept without a proposal.
        assertThatThrownBy(() -> fx().as(LEAD_COEVORDEN, () -> requests.accept(id, asLead(id).version())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsEntry("request", "requests.nothing-to-accept"));
    }

    @Test
    void aDeclineNeedsAReason_WhichTheRequesterReads() {
        String email = uniqueEmail();
        RequestId id = submitPublic(email, "198.51.100.40");
        assertThatThrownBy(() -> fx().as(LEAD_COEVORDEN, () -> requests.decline(id, asLead(id).version(), " ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsEntry("reason", "validation.required"));
        fx().as(LEAD_COEVORDEN, () -> requests.decline(id, asLead(id).version(), "Er is dit voorjaar geen trainer vrij."));
        assertThat(asLead(id).status()).isEqualTo(RequestStatus.DECLINED);
        assertThat(mailsTo(email).getLast()).contains("Er is dit voorjaar geen trainer vrij.");
        assertThat(db.select(REQUEST_EVENT.ACTION, REQUEST_EVENT.ACTOR_ID).from(REQUEST_EVENT).where(REQUEST_EVENT.REQUEST_ID.eq(id))
                .orderBy(REQUEST_EVENT.ID).fetch(r -> r.value1() + ":" + r.value2()))
                .containsExactly("RECEIVED:null", "DECLINED:" + fx().userId(LEAD_COEVORDEN));
    }

    @Test
    void twoLeadsAssigningTheSameRequestAtOnce_OneWinsAndTheOtherIsTold() throws Exception {
        String email = uniqueEmail();
        RequestId id = submitPublic(email, "198.51.100.50");
        int version = asLead(id).version();
        String second = newQualifiedTrainer();
        List<PersonId> candidates = List.of(fx().userId(TRAINER), fx().userId(second));
        List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (PersonId trainer : candidates) {
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        fx().as(LEAD_COEVORDEN, () -> requests.assign(id, version, trainer, fx().organisation("Bibliotheek Coevorden")));
                        outcomes.add("assigned " + trainer);
                    } catch (InvalidInputException e) {
                        outcomes.add(e.errors().get("request"));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).hasSize(2).containsOnlyOnce("requests.changed-meanwhile");
        String winner = outcomes.stream().filter(o -> o.startsWith("assigned")).findFirst().orElseThrow();
        assertThat(winner).isEqualTo("assigned " + asLead(id).trainerId());
        assertThat(mailsTo(email)).filteredOn(m -> m.startsWith("Er is een trainer")).hasSize(1);
    }

    @Test
    void overTheLimitPerAddress_RequestsAreKeptButHeld_WithTheSameAnswerAndNoMail() {
        String ip = "203.0.113." + (int) (Math.random() * 200 + 20);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String email = uniqueEmail();
            emails.add(email);
            submitPublic(email, ip); // no exception, no difference for the caller
        }
        List<TrainingRequest> mine = fx().as(LEAD_COEVORDEN, () -> requests.requests(null)).stream()
                .filter(r -> emails.contains(r.contactEmail())).toList();
        assertThat(mine).hasSize(7);
        assertThat(mine).filteredOn(TrainingRequest::held).hasSize(2);
        assertThat(emails.subList(0, 5)).allSatisfy(e -> assertThat(mailsTo(e)).hasSize(1));
        assertThat(emails.subList(5, 7)).allSatisfy(e -> assertThat(mailsTo(e)).isEmpty());
        // Another address is not affected.
        String other = uniqueEmail();
        submitPublic(other, "198.51.100.60");
        assertThat(mailsTo(other)).hasSize(1);
        // A held request can still be handled: assigning mails the requester then.
        TrainingRequest held = mine.stream().filter(TrainingRequest::held).findFirst().orElseThrow();
        fx().as(LEAD_COEVORDEN, () -> requests.assign(held.id(), held.version(), fx().userId(TRAINER), fx().organisation("Bakkerij Van der Veen")));
        assertThat(mailsTo(held.contactEmail())).singleElement().asString().startsWith("Er is een trainer");
    }

    @Test
    void oneStrangersAddressGetsAtMostThreeMailsAnHour_fromAnyNetwork_andOneIpv6NetworkCountsAsOneAddress() {
        String victim = uniqueEmail();
        for (int i = 0; i < 4; i++) {
            submitPublic(victim, "198.51.100." + (100 + i));
        }
        assertThat(mailsTo(victim)).as("three mails, the fourth request held").hasSize(3);
        assertThat(fx().as(LEAD_COEVORDEN, () -> requests.requests(null)).stream()
                .filter(r -> r.contactEmail().equals(victim))).hasSize(4).filteredOn(TrainingRequest::held).hasSize(1);

        // Six addresses of one household's /64 are one address: the sixth request is held.
        String network = "2001:db8:%x:%x".formatted((int) (Math.random() * 0xffff), (int) (Math.random() * 0xffff));
        List<String> emails = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String email = uniqueEmail();
            emails.add(email);
            submitPublic(email, network + "::" + i);
        }
        assertThat(emails.subList(0, 5)).allSatisfy(e -> assertThat(mailsTo(e)).hasSize(1));
        assertThat(mailsTo(emails.get(5))).isEmpty();
    }

    @Autowired
    javax.sql.DataSource dataSource;

    /** A flood on the public form waits for throttle slots without pooled connections, so other pages carry on. */
    @Test
    void aFloodOnThePublicFormLeavesThePoolToEveryoneElse() throws Exception {
        String ip = "198.51.100.200";
        int mostActive = nl.omzien.test.Bursts.mostConnectionsInUse(dataSource, 120, () -> {
            submitPublic(uniqueEmail(), ip);
            return null;
        });
        // The throttle's 4, one storing at a time behind the network's lock, some room for scheduled jobs; the pool holds 40.
        assertThat(mostActive).as("connections in use during the flood").isLessThanOrEqualTo(10);
    }

    @Test
    void aRequestWithoutAnAnswerForMoreThanTenWorkingDaysIsFlagged() {
        // Monday 1 March 2027, 10:00 in Coevorden.
        clock.setTo(Instant.parse("2027-03-01T09:00:00Z"));
        String email = uniqueEmail();
        RequestId id = submitPublic(email, "198.51.100.70");
        clock.setTo(Instant.parse("2027-03-15T09:00:00Z")); // 10 working days later: not yet
        assertThat(fx().as(LEAD_COEVORDEN, () -> requests.waitingTooLong(null))).extracting(TrainingRequest::id).doesNotContain(id);
        clock.setTo(Instant.parse("2027-03-16T09:00:00Z")); // the 11th working day
        assertThat(fx().as(LEAD_COEVORDEN, () -> requests.waitingTooLong(null))).extracting(TrainingRequest::id).contains(id);
        assertThat(fx().as(LEAD_TWENTERAND, () -> requests.waitingTooLong(null))).extracting(TrainingRequest::id).doesNotContain(id);
        // An answer (assigning a trainer) starts the clock again; then the trainer has ten working days to propose.
        fx().as(LEAD_COEVORDEN, () -> requests.assign(id, asLead(id).version(), fx().userId(TRAINER), fx().organisation("Supermarkt De Brink")));
        assertThat(fx().as(LEAD_COEVORDEN, () -> requests.waitingTooLong(null))).extracting(TrainingRequest::id).doesNotContain(id);
        clock.setTo(Instant.parse("2027-04-01T09:00:00Z"));
        assertThat(fx().as(LEAD_COEVORDEN, () -> requests.waitingTooLong(null))).extracting(TrainingRequest::id).contains(id);
    }

    @Test
    void aPublicRequestLosesItsRequestersDataAYearAfterItsLastStep_ARequestFromAnAccountKeepsItUntilTheAccountGoes() {
        clock.setTo(Instant.parse("2030-05-06T09:00:00Z"));
        RequestId quiet = submitPublic(uniqueEmail(), "198.51.100.80");
        String answeredEmail = uniqueEmail();
        RequestId answered = submitPublic(answeredEmail, "198.51.100.81");
        RequestId fromAccount = fx().as(ORG_CONTACT, () -> requests.submitAsContact(draft("ignored", "ignored@example.org"), Locale.of("nl")));
        clock.setTo(Instant.parse("2030-11-04T09:00:00Z"));
        fx().as(LEAD_COEVORDEN, () -> requests.decline(answered, asLead(answered).version(), "Dit jaar geen trainers vrij."));

        clock.setTo(Instant.parse("2031-05-05T09:00:00Z")); // a year minus a day after the first request: nothing yet
        retention.eraseQuietPublicRequests();
        assertThat(db.fetchOne(TRAINING_REQUEST, TRAINING_REQUEST.ID.eq(quiet)).getContactEmail()).isNotEmpty();

        clock.setTo(Instant.parse("2031-05-07T09:00:00Z")); // a year and a day
        retention.eraseQuietPublicRequests();
        var erased = db.fetchOne(TRAINING_REQUEST, TRAINING_REQUEST.ID.eq(quiet));
        assertThat(List.of(erased.getContactName(), erased.getContactEmail())).containsExactly("--", "");
        assertThat(erased.getIpAddress()).isNull();
        // The request stays in the coalition's history, without the person.
        assertThat(asLead(quiet).organisationName()).startsWith("Winkel ");
        assertThat(db.fetchOne(TRAINING_REQUEST, TRAINING_REQUEST.ID.eq(answered)).getContactEmail())
                .as("answered half a year later: kept a year from that answer").isEqualTo(answeredEmail);
        assertThat(db.fetchOne(TRAINING_REQUEST, TRAINING_REQUEST.ID.eq(fromAccount)).getContactEmail())
                .as("a request from an account goes with the account").isEqualTo(ORG_CONTACT);

        clock.setTo(Instant.parse("2031-11-05T09:00:00Z"));
        retention.eraseQuietPublicRequests();
        assertThat(db.fetchOne(TRAINING_REQUEST, TRAINING_REQUEST.ID.eq(answered)).getContactEmail()).isEmpty();
        assertThat(retention.eraseQuietPublicRequests()).as("a second run erases nothing more").isZero();
        assertThat(db.fetchOne(TRAINING_REQUEST, TRAINING_REQUEST.ID.eq(fromAccount)).getContactEmail()).isEqualTo(ORG_CONTACT);
    }

    @Test
    void workingDaysSkipWeekendsAndDutchPublicHolidays() {
        // King's Day 2027 is Tuesday 27 April.
        assertThat(WorkingDays.between(LocalDate.of(2027, 4, 23), LocalDate.of(2027, 4, 30))).isEqualTo(4);
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2027, 3, 29))).as("Easter Monday").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 14))).as("Ascension Day 2026").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2025, 5, 5))).as("Liberation Day in a lustrum year").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 5))).isTrue();
        assertThat(WorkingDays.between(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 28))).isEqualTo(1);
    }
}
