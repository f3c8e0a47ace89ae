package nl.omzien.training.content;

import nl.omzien.people.Audience;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A parsed, valid training module of one version. {@code contentHash} identifies the exact files.
 * {@code optional} maps a step id to the audiences for whom that step is optional practice (issue 18: a
 * 15-minute core for shop staff, the other scenarios as extra practice).
 */
public record TrainingModule(String id, int version, Text title, Text summary, int minutes, int passMark,
                             Set<Audience> audiences, List<Step> steps, String contentHash, int order,
                             Map<String, Set<Audience>> optional) {

    /** Where a module without {@code order} in its manifest stands: after the numbered ones. */
    public static final int DEFAULT_ORDER = 100;

    public TrainingModule {
        optional = optional == null ? Map.of() : Map.copyOf(optional);
    }

    public TrainingModule(String id, int version, Text title, Text summary, int minutes, int passMark,
                          Set<Audience> audiences, List<Step> steps, String contentHash, int order) {
        this(id, version, title, summary, minutes, passMark, audiences, steps, contentHash, order, Map.of());
    }

    /** The steps a learner of this audience plays, in order: the core first, then optional practice. */
    public List<Step> stepsFor(Audience audience) {
        List<Step> variant = steps.stream().filter(step -> step.isFor(audience)).toList();
        return Stream.concat(variant.stream().filter(s -> !isOptional(s, audience)),
                variant.stream().filter(s -> isOptional(s, audience))).toList();
    }

    /** The steps this audience must do to finish the module. */
    public List<Step> requiredStepsFor(Audience audience) {
        return stepsFor(audience).stream().filter(s -> !isOptional(s, audience)).toList();
    }

    public boolean isOptional(Step step, Audience audience) {
        return audience != null && optional.getOrDefault(step.id(), Set.of()).contains(audience);
    }
}
