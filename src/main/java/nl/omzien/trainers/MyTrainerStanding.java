package nl.omzien.trainers;

import java.util.List;

/**
 * The signed-in trainer's own page: their latest qualification (null when none), whether they are a candidate,
 * the rule of their municipality, sessions given and the figures of each session they gave.
 */
public record MyTrainerStanding(TrainerStatus status, TrainerRule rule, List<SessionFiguresForTrainer> sessions) {
}
