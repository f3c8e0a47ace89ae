package nl.omzien.sessions;

import nl.omzien.base.PersonId;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Published in the transaction that first marks a person present at a session (by the trainer or by
 * QR check-in); certificates listen to it. Marking the same person present again publishes nothing.
 */
public record SessionAttended(PersonId personId, SessionId sessionId, List<String> moduleIds, OffsetDateTime sessionStartedAt,
                              OffsetDateTime recordedAt) {

    public SessionAttended {
        moduleIds = List.copyOf(moduleIds);
    }
}
