package nl.omzien.onboarding.internal;

import nl.omzien.sessions.SessionId;
import nl.omzien.base.SecretTokens;
import nl.omzien.onboarding.OnboardingDemo;
import nl.omzien.people.DemoPeople;
import nl.omzien.sessions.DemoSessions;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;

import static nl.omzien.onboarding.internal.db.Tables.ORGANISATION_INVITE;
import static nl.omzien.onboarding.internal.db.Tables.SESSION_INVITE;

/** Invite links for the demo organisations and sessions. */
@Component
class OnboardingDemoData implements OnboardingDemo {

    private final DSLContext db;
    private final JooqInviteRepository invites;
    private final Clock clock;

    OnboardingDemoData(DSLContext db, JooqInviteRepository invites, Clock clock) {
        this.db = db;
        this.invites = invites;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void inviteLinks(DemoPeople people, DemoSessions sessions) {
        if (db.fetchExists(ORGANISATION_INVITE)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        people.organisations().forEach(organisation -> invites.organisationToken(organisation.id(), SecretTokens.newToken(), now, null));
        Set<SessionId> invited = db.select(SESSION_INVITE.SESSION_ID).from(SESSION_INVITE).fetchSet(SESSION_INVITE.SESSION_ID);
        sessions.ids().stream().filter(id -> !invited.contains(id))
                .forEach(id -> invites.sessionToken(id, SecretTokens.newToken(), now, null));
    }
}
