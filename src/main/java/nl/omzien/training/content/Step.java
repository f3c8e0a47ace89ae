package nl.omzien.training.content;

import nl.omzien.people.Audience;

import java.util.Set;

/** One screen of a module. A step with no audiences is shared by every variant. */
public sealed interface Step permits LessonStep, ScenarioStep, QuizStep, ReflectionStep {

    String id();

    Text title();

    Set<Audience> audiences();

    default boolean isFor(Audience audience) {
        return audiences().isEmpty() || audiences().contains(audience);
    }
}
