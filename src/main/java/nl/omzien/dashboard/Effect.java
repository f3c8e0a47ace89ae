package nl.omzien.dashboard;

import nl.omzien.people.Audience;
import nl.omzien.training.HelpKind;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What training changed in a period (issue 21, decision 025): the follow-up answers ("since the training I
 * noticed or raised loneliness with someone": yes), confidence before and after per module and audience, the
 * same over the quarters of the period, the referral tally per month and kind of help, and the stories a lead
 * released. Raw counts: {@link SmallNumbers} decides what a publication hides.
 *
 * @param answers follow-up answers given in the period
 * @param yes     of those, "yes"
 */
public record Effect(long answers, long yes, List<Confidence> confidence, List<Point> trend,
                     List<Referrals> referrals, List<Story> stories) {

    public OptionalDouble yesShare() {
        return share(yes, answers);
    }

    /** Self-assessment sums (3..15 per attempt) over the modules of one module and audience completed in the period. */
    public record Confidence(String moduleId, String moduleTitle, Audience audience, long attempts, long beforeSum, long afterSum) {

        public OptionalDouble before() {
            return average(beforeSum, attempts);
        }

        public OptionalDouble after() {
            return average(afterSum, attempts);
        }
    }

    /** One quarter (or month) of the period. */
    public record Point(LocalDate start, long answers, long yes, long attempts, long beforeSum, long afterSum) {

        public OptionalDouble yesShare() {
            return share(yes, answers);
        }

        /** After minus before, per statement on the 1-5 scale. */
        public OptionalDouble confidenceChange() {
            return attempts == 0 ? OptionalDouble.empty() : OptionalDouble.of((afterSum - beforeSum) / (3.0 * attempts));
        }
    }

    /** Taps "noticed someone" and "referred someone" in one month for one kind of help. */
    public record Referrals(LocalDate month, HelpKind kind, long noticed, long referred) {
    }

    /** A released story as shown: the lead's copy, never the original, never a name. */
    public record Story(String text, String moduleTitle, LocalDate answeredOn) {
    }

    private static OptionalDouble share(long part, long whole) {
        return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
    }

    /** Per statement on the 1-5 scale: three statements per attempt. */
    private static OptionalDouble average(long sum, long attempts) {
        return attempts == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / (3.0 * attempts));
    }
}
