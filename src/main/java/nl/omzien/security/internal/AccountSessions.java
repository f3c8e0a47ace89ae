package nl.omzien.security.internal;

import nl.omzien.base.PersonId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** "Sign out everywhere": remember-me cookies deleted, and sessions signed in before now refused. */
@Component
public class AccountSessions {

    private final JooqSecondFactorRepository factors;
    private final JooqRememberMeTokenRepository rememberMeTokens;
    private final Clock clock;

    AccountSessions(JooqSecondFactorRepository factors, JooqRememberMeTokenRepository rememberMeTokens, Clock clock) {
        this.factors = factors;
        this.rememberMeTokens = rememberMeTokens;
        this.clock = clock;
    }

    /** @return the moment stored; the caller's own session is marked with it so it stays signed in */
    @Transactional
    public Instant signOutEverywhere(PersonId userId) {
        // PostgreSQL keeps microseconds: the session mark must compare equal to what was stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        factors.signOutEverywhere(userId, OffsetDateTime.ofInstant(now, clock.getZone()));
        rememberMeTokens.removeAll(userId);
        return now;
    }

    /**
     * Asked on every request (SignedOutEverywhereFilter): one statement in auto-commit, without a transaction
     * around it, which would add two round trips to each request.
     */
    public boolean isStillValid(PersonId userId, Instant signedInAt) {
        return factors.signedOutEverywhereAt(userId).map(at -> !signedInAt.isBefore(at.toInstant())).orElse(true);
    }
}
