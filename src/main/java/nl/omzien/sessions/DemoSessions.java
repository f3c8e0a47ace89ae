package nl.omzien.sessions;

import nl.omzien.base.PersonId;
import java.util.List;
import java.util.Set;

/**
 * The sessions and sign-ups as the sessions step of the demo story ({@link SessionsDemo}) leaves them, for
 * the steps after it. On a database that already had sessions it holds what was there.
 *
 * @param ids     every session, in the order they were planned
 * @param signUps every sign-up, in the order they came in
 */
public record DemoSessions(List<SessionId> ids, List<SignUp> signUps) {

    public record SignUp(SessionId sessionId, PersonId personId, Set<PersonId> trainerIds) { }

    /** Sign-ups for sessions the trainer gives, in the order they came in. */
    public List<SignUp> signUpsFor(PersonId trainerId) {
        return signUps.stream().filter(s -> s.trainerIds().contains(trainerId)).toList();
    }
}
