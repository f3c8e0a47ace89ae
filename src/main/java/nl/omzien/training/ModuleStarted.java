package nl.omzien.training;

/** Published in the transaction that starts (or, on a repeated click, returns) a module attempt; for reports. */
public record ModuleStarted(long attemptId, long userId, String moduleId) {
}
