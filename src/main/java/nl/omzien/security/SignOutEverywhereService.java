package nl.omzien.security;

import nl.omzien.security.internal.AccountSessions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Instant;

/**
 * "Sign out everywhere": every remember-me cookie of the person stops working and every other
 * session is ended at its next request. For a lost phone or a shared computer.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SignOutEverywhereService {

    private final AccountSessions sessions;
    private final CurrentUser currentUser;

    SignOutEverywhereService(AccountSessions sessions, CurrentUser currentUser) {
        this.sessions = sessions;
        this.currentUser = currentUser;
    }

    /**
     * @return the moment from which sessions count; the caller marks its own session with it
     *         ({@link nl.omzien.security.internal.SessionStamp#ATTRIBUTE}) so it stays signed in
     */
    public Instant signOutEverywhere() {
        return sessions.signOutEverywhere(currentUser.require().accountId());
    }
}
