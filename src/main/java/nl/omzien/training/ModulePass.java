package nl.omzien.training;

import java.time.OffsetDateTime;

/** One passed (completed) module attempt: which module, which version, when. */
public record ModulePass(String moduleId, int version, OffsetDateTime completedAt) {
}
