package nl.omzien.training.ui;

import nl.omzien.training.Attempt;
import nl.omzien.training.content.LessonStep;
import nl.omzien.training.content.ReflectionStep;
import nl.omzien.training.content.Step;
import nl.omzien.training.content.TrainingModule;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a learner stands in a module: the current step, where back, next and skip lead, the progress
 * and the steps still to do. Plain Java, so these rules are tested without a browser; {@link PlayerView}
 * only renders them. The steps are the audience's variant with the core first and optional practice
 * after it, so an index below {@code required.size()} is a core step.
 *
 * @param steps     every step this audience plays, in order
 * @param required  the core: the steps this audience must do to finish
 * @param index     the current step's place in {@code steps}
 * @param completed ids of the steps done so far
 */
record StepNavigation(List<Step> steps, List<Step> required, int index, Set<String> completed) {

    /** The attempt's current step; an id no longer in the variant (content changed) starts at the first step. */
    static StepNavigation of(TrainingModule module, Attempt attempt) {
        List<Step> steps = module.stepsFor(attempt.audience());
        int index = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(attempt.currentStepId())) {
                index = i;
                break;
            }
        }
        return new StepNavigation(steps, module.requiredStepsFor(attempt.audience()), index, attempt.completedSteps());
    }

    /** The same screen after something on it was answered (a quiz, a scenario): new progress, same step. */
    StepNavigation withCompleted(Set<String> completedNow) {
        return new StepNavigation(steps, required, index, completedNow);
    }

    Step current() {
        return steps.get(index);
    }

    /** Optional practice: the learner may skip it. */
    boolean optional() {
        return index >= required.size();
    }

    /** The step back, none on the first. */
    Optional<Step> previous() {
        return index > 0 ? Optional.of(steps.get(index - 1)) : Optional.empty();
    }

    /** The step after this one; none after the last, where the closing questions come next. */
    Optional<Step> next() {
        return index + 1 < steps.size() ? Optional.of(steps.get(index + 1)) : Optional.empty();
    }

    boolean isLast() {
        return next().isEmpty();
    }

    /**
     * Whether "next" is open: a lesson is read, a reflection is saved by "next" itself (an empty one
     * too), a quiz or scenario must have been done first.
     */
    boolean canGoOn() {
        return switch (current()) {
            case LessonStep lesson -> true;
            case ReflectionStep reflection -> true;
            default -> completed.contains(current().id());
        };
    }

    /** Every core step done: the learner may finish without the optional practice. */
    boolean coreDone() {
        return required.stream().allMatch(s -> completed.contains(s.id()));
    }

    /** The share of the core done, 0 to 1; optional practice does not count. */
    double progress() {
        return (double) required.stream().filter(s -> completed.contains(s.id())).count() / required.size();
    }

    /** The step's number as the learner reads it: in the core, or, for practice, among the practice steps. */
    int position() {
        return optional() ? index + 1 - required.size() : index + 1;
    }

    /** How many steps {@link #position()} counts from: the core, or the practice steps. */
    int positions() {
        return optional() ? steps.size() - required.size() : required.size();
    }

    /**
     * The steps still to do in this part (core or practice), the current one included: the remaining
     * time is read from them.
     */
    List<Step> toDo() {
        Step current = current();
        return (optional() ? steps : required).stream().skip(index)
                .filter(s -> s == current || !completed.contains(s.id())).toList();
    }
}
