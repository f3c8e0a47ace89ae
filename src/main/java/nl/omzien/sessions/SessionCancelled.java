package nl.omzien.sessions;

/** Published in the transaction that cancels a whole session; for reports. */
public record SessionCancelled(SessionId sessionId) {
}
