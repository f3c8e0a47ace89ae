package nl.omzien.training;

import nl.omzien.base.PersonId;
/** Published in the transaction that starts (or, on a repeated click, returns) a module attempt; for reports. */
public record ModuleStarted(long attemptId, PersonId userId, String moduleId) {
}
