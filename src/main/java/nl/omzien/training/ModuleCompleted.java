package nl.omzien.training;

import nl.omzien.base.PersonId;
import java.time.OffsetDateTime;

/** Published in the transaction that completes a module, so certificates can follow at once. */
public record ModuleCompleted(long attemptId, PersonId userId, String moduleId, int version, int scorePercent,
                              OffsetDateTime completedAt) {
}
