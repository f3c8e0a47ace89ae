package nl.omzien.sessions;

import nl.omzien.sessions.internal.JooqSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * Looks up a session for documents issued by event listeners (e.g. the certificate that names the
 * session and its trainers), which may run for a participant's own QR check-in without a trainer role.
 * Like {@code PersonProfiles}: no role check, so views must not call it; they use {@link SessionService}.
 */
@Service
public class SessionFacts {

    private final JooqSessionRepository sessions;

    SessionFacts(JooqSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public Optional<TrainingSession> of(SessionId sessionId) {
        return sessions.find(sessionId);
    }
}
