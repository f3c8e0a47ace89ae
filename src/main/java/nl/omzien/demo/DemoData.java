package nl.omzien.demo;

import nl.omzien.campaigns.CampaignsDemo;
import nl.omzien.certificates.CertificatesDemo;
import nl.omzien.contacts.ContactsDemo;
import nl.omzien.dashboard.DashboardDemo;
import nl.omzien.onboarding.OnboardingDemo;
import nl.omzien.people.DemoPeople;
import nl.omzien.people.PeopleDemo;
import nl.omzien.privacy.PrivacyDemo;
import nl.omzien.trainers.TrainersDemo;
import nl.omzien.privacy.PrivacyDemo.AccountOpened;
import nl.omzien.privacy.PrivacyDemo.OnParticipantList;
import nl.omzien.security.SecurityDemo;
import nl.omzien.sessions.DemoSessions;
import nl.omzien.sessions.SessionsDemo;
import nl.omzien.training.TrainingDemo;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Fills an empty database with a living demo, step by step. Each step is its own transaction and does its
 * part only while its own tables lack it, so a restart loads nothing twice. Dates are relative to the clock.
 */
@Component
@ConditionalOnBooleanProperty(name = "omzien.demo-data", matchIfMissing = true)
class DemoData implements ApplicationRunner {

    private static final String TRAINER = "trainer@omzien.example";
    private static final String LEAD_COEVORDEN = "coalitie@coevorden.example";
    private static final String PARTICIPANT = "deelnemer@omzien.example";

    private final PeopleDemo people;
    private final SecurityDemo security;
    private final CertificatesDemo certificates;
    private final TrainingDemo training;
    private final SessionsDemo sessions;
    private final ContactsDemo contacts;
    private final OnboardingDemo onboarding;
    private final PrivacyDemo privacy;
    private final DashboardDemo dashboard;
    private final TrainersDemo trainers;
    private final CampaignsDemo campaigns;

    DemoData(PeopleDemo people, SecurityDemo security, CertificatesDemo certificates, TrainingDemo training,
             SessionsDemo sessions, ContactsDemo contacts, OnboardingDemo onboarding, PrivacyDemo privacy,
             DashboardDemo dashboard, TrainersDemo trainers, CampaignsDemo campaigns) {
        this.campaigns = campaigns;
        this.people = people;
        this.security = security;
        this.certificates = certificates;
        this.training = training;
        this.sessions = sessions;
        this.contacts = contacts;
        this.onboarding = onboarding;
        this.privacy = privacy;
        this.dashboard = dashboard;
        this.trainers = trainers;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Two municipalities, Coevorden and Twenterand, with their organisations and people (README, "Demo logins").
        DemoPeople cast = people.municipalitiesOrganisationsAndPeople();
        // The admin signs in with an authenticator app; its secret is published for the demo.
        security.authenticatorForTheDemoAdmin();
        // The demo trainer is qualified (so they can be put on sessions); a volunteer's qualification expired.
        trainers.qualifiedAndExpiredTrainers(cast);
        // Each municipality's logo, before anyone earns a certificate that shows it.
        certificates.municipalityLogos(cast);
        // Months of people doing the modules; the learning paths they complete bring their certificates.
        training.trainingHistory(cast);
        // Sessions with sign-ups, attendance and evaluations, and one full with a waiting list.
        DemoSessions planned = sessions.sessionsWithSignUpsAndAWaitingList(cast);
        // Someone added at the door without an e-mail address, present with a paper evaluation (issue 20).
        people.aWalkInWithoutEmail(cast).ifPresent(sessions::theWalkInWasAtThePastSession);
        // One of those certificates revoked, so the verify page shows that state too.
        certificates.oneRevokedCertificate(cast);
        // Local contacts to refer people to, and the municipalities' loneliness figures.
        contacts.localContactsAndFigures(cast);
        // Invite links for every organisation and session.
        onboarding.inviteLinks(cast, planned);
        // A few staff actions in the personal-data log: the trainer saw their participant lists, a lead an account.
        privacy.staffActionsLog(onTheTrainersLists(cast, planned), theLeadOpenedTheParticipantsAccount(cast));
        // The Week tegen Eenzaamheid in both municipalities with activities (last year's in Coevorden too, to compare).
        campaigns.weekAgainstLoneliness(cast);
        // Last, as it counts all of the above: the dashboard with targets for both coalitions.
        dashboard.targetsAndReadModel(cast);
    }

    private static List<OnParticipantList> onTheTrainersLists(DemoPeople cast, DemoSessions planned) {
        return cast.person(TRAINER).stream().flatMap(trainer -> planned.signUpsFor(trainer.id()).stream()
                .map(signUp -> new OnParticipantList(trainer.id(), signUp.sessionId().value(), signUp.personId()))).toList();
    }

    private static List<AccountOpened> theLeadOpenedTheParticipantsAccount(DemoPeople cast) {
        return cast.person(LEAD_COEVORDEN).stream().flatMap(lead -> cast.person(PARTICIPANT).stream()
                .map(participant -> new AccountOpened(lead.id(), participant.id()))).toList();
    }
}
