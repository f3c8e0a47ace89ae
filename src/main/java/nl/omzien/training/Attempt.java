package nl.omzien.training;

import nl.omzien.base.PersonId;
import nl.omzien.people.Audience;

import java.time.OffsetDateTime;
import java.util.Set;

/** One person's run through one version of a module. */
public record Attempt(long id, PersonId userId, String moduleId, int version, Audience audience, String currentStepId,
                      OffsetDateTime startedAt, OffsetDateTime completedAt, Integer scorePercent, Set<String> completedSteps) {

    public boolean isCompleted() {
        return completedAt != null;
    }
}
