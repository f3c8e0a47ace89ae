package nl.omzien.trainers;

/**
 * A municipality's (its coalition's) rule for its trainers.
 *
 * @param validityMonths     how long a new qualification lasts (default 36)
 * @param minSessionsPerYear sessions a trainer gives in twelve months to stay active (default 2)
 * @param ownRule            false when the application's defaults hold for this municipality
 */
public record TrainerRule(int validityMonths, int minSessionsPerYear, boolean ownRule) {
}
