package nl.omzien.training;

import java.time.OffsetDateTime;

/** Published in the transaction that completes a module, so certificates can follow at once. */
public record ModuleCompleted(long attemptId, long userId, String moduleId, int version, int scorePercent,
                              OffsetDateTime completedAt) {
}
