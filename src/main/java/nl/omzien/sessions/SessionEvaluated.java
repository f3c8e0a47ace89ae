package nl.omzien.sessions;

/** Published in the transaction that saves a participant's evaluation of a session; for reports. */
public record SessionEvaluated(SessionId sessionId, RegistrationId registrationId) {
}
