package nl.omzien.training.content;

import nl.omzien.people.Audience;

import java.util.List;
import java.util.Set;

/** A parsed, valid training module of one version. {@code contentHash} identifies the exact files. */
public record TrainingModule(String id, int version, Text title, Text summary, int minutes, int passMark,
                             Set<Audience> audiences, List<Step> steps, String contentHash, int order) {

    /** Where a module without {@code order} in its manifest stands: after the numbered ones. */
    public static final int DEFAULT_ORDER = 100;

    /** The steps a learner of this audience plays, in order. */
    public List<Step> stepsFor(Audience audience) {
        return steps.stream().filter(step -> step.isFor(audience)).toList();
    }
}
