package nl.omzien.training.content;

import nl.omzien.people.Audience;

import java.util.Set;

/** An open question; the answer is private to the learner. */
public record ReflectionStep(String id, Text title, Set<Audience> audiences, Text question) implements Step {
}
