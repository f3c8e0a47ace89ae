package nl.omzien.onboarding;

import nl.omzien.base.PersonId;
import nl.omzien.sessions.SessionId;

import java.time.OffsetDateTime;

/**
 * Someone who asked for a session on its link from the public agenda confirmed their address and was signed up
 * (a seat or the waitlist). The campaigns feature counts these (issue 21).
 */
public record SessionSignUpFromAgenda(PersonId personId, SessionId sessionId, OffsetDateTime at) {
}
