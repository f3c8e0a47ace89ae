package nl.omzien.onboarding.internal;

import nl.omzien.base.SecretTokens;
import org.jooq.DSLContext;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

import static nl.omzien.people.published.Tables.V_ORGANISATION;
import static nl.omzien.onboarding.internal.db.Tables.ORGANISATION_INVITE;
import static nl.omzien.onboarding.internal.db.Tables.SESSION_INVITE;
import static nl.omzien.sessions.internal.db.Tables.TRAINING_SESSION;

/**
 * Gives every demo organisation and session an invite link, so a coalition lead sees links and flyers
 * on the invites page straight away. Runs after the people and sessions demo data.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty(name = "omzien.demo-data", matchIfMissing = true)
class OnboardingDemoData implements ApplicationRunner {

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
    public void run(ApplicationArguments args) {
        if (db.fetchExists(ORGANISATION_INVITE)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.select(V_ORGANISATION.ID).from(V_ORGANISATION).fetch(V_ORGANISATION.ID)
                .forEach(id -> invites.organisationToken(id, SecretTokens.newToken(), now, null));
        db.select(TRAINING_SESSION.ID).from(TRAINING_SESSION).leftJoin(SESSION_INVITE).on(SESSION_INVITE.SESSION_ID.eq(TRAINING_SESSION.ID))
                .where(SESSION_INVITE.SESSION_ID.isNull()).fetch(TRAINING_SESSION.ID)
                .forEach(id -> invites.sessionToken(id, SecretTokens.newToken(), now, null));
    }
}
