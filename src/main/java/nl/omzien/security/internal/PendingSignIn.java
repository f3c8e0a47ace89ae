package nl.omzien.security.internal;

import nl.omzien.base.PersonId;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A password that was right, kept in the session while the second step is open. It is not an
 * authentication: the session has no roles until the code is right. {@code enrolSecret} is set for an
 * admin who must first set up an authenticator app.
 */
public record PendingSignIn(PersonId accountId, String email, String locale, boolean rememberMe, String enrolSecret,
                            Instant startedAt, int failures) implements Serializable {

    public static final String ATTRIBUTE = PendingSignIn.class.getName();
    /** Long enough to install an authenticator app, short enough that a forgotten laptop is not half signed in. */
    static final Duration VALID_FOR = Duration.ofMinutes(10);
    static final int MAX_FAILURES = 5;

    public boolean enrolling() {
        return enrolSecret != null;
    }

    boolean expiredAt(Instant now) {
        return now.isAfter(startedAt.plus(VALID_FOR));
    }

    PendingSignIn failedOnce() {
        return new PendingSignIn(accountId, email, locale, rememberMe, enrolSecret, startedAt, failures + 1);
    }

    public static PendingSignIn in(HttpSession session) {
        return session != null && session.getAttribute(ATTRIBUTE) instanceof PendingSignIn pending ? pending : null;
    }

    @Override
    public String toString() {
        return "PendingSignIn[" + accountId + "]";
    }
}
