package nl.omzien.training;

import nl.omzien.training.content.TrainingModule;

import java.time.OffsetDateTime;

/** A row of "Mijn training": a module and where this person stands. */
public record ModuleOverview(TrainingModule module, Status status, int percent, OffsetDateTime completedAt, Integer score) {

    public enum Status { NOT_STARTED, IN_PROGRESS, COMPLETED }
}
