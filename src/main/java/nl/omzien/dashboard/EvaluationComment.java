package nl.omzien.dashboard;

import nl.omzien.sessions.SessionId;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What a participant wrote after a session, without their name. */
public record EvaluationComment(SessionId sessionId, String sessionTitle, LocalDate sessionOn, int score,
                                String doDifferently, String comment, OffsetDateTime answeredAt) {
}
