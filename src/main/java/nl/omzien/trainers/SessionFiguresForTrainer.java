package nl.omzien.trainers;

import nl.omzien.sessions.SessionId;

import java.time.OffsetDateTime;

/**
 * A trainer's own figures for one session they gave.
 *
 * @param evaluationAverage average score 1-10, null without evaluations
 * @param confidenceAnswered how many of those present answered the confidence questions before and after
 * @param confidenceBefore  average 1-5 before, shown only when at least {@link #MIN_ANSWERS} answered (else null)
 * @param confidenceAfter   the same after the module
 */
public record SessionFiguresForTrainer(SessionId sessionId, String title, OffsetDateTime startsAt, int places, int present,
                                       int evaluations, Double evaluationAverage, int confidenceAnswered,
                                       Double confidenceBefore, Double confidenceAfter) {

    /** Fewer answers than this say too much about single people, and too little about the group. */
    public static final int MIN_ANSWERS = 5;
}
