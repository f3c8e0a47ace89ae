package nl.omzien.dashboard;

import java.util.OptionalDouble;

/**
 * The headline figures for a filter.
 *
 * @param trained            people whose first live (not revoked) certificate is dated in the period
 * @param started            people who started their first module in the period
 * @param sessionsHeld       sessions in the period, not cancelled, with at least one person present
 * @param seats              confirmed places at those sessions
 * @param present            people marked present at those sessions
 * @param organisationsReached organisations with at least one trained person by the end of the period
 * @param evaluations        evaluations of those sessions
 * @param evaluationScoreSum the sum of their scores (1-10)
 * @param confidenceAttempts completed modules with a self-assessment before and after, finished in the period
 * @param confidencePreSum   sum of the three statements (1-5 each) before, over those modules
 * @param confidencePostSum  the same after
 */
public record DashboardFigures(long trained, long started, long sessionsHeld, long seats, long present,
                               long organisationsReached, long evaluations, long evaluationScoreSum,
                               long confidenceAttempts, long confidencePreSum, long confidencePostSum) {

    /** Share of confirmed places where the person came, 0..1. */
    public OptionalDouble attendanceRate() {
        return seats == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) present / seats);
    }

    /** Average session evaluation on the 1-10 scale. */
    public OptionalDouble averageEvaluation() {
        return evaluations == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) evaluationScoreSum / evaluations);
    }

    /** Average self-assessed confidence before a module, per statement on the 1-5 scale. */
    public OptionalDouble confidenceBefore() {
        return confidenceAttempts == 0 ? OptionalDouble.empty() : OptionalDouble.of(confidencePreSum / (3.0 * confidenceAttempts));
    }

    public OptionalDouble confidenceAfter() {
        return confidenceAttempts == 0 ? OptionalDouble.empty() : OptionalDouble.of(confidencePostSum / (3.0 * confidenceAttempts));
    }

    /** After minus before, per statement on the 1-5 scale. */
    public OptionalDouble confidenceChange() {
        return confidenceAttempts == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((confidencePostSum - confidencePreSum) / (3.0 * confidenceAttempts));
    }
}
