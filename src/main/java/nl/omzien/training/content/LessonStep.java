package nl.omzien.training.content;

import nl.omzien.people.Audience;

import java.util.Set;

/** Markdown text with an optional image (alt text required). */
public record LessonStep(String id, Text title, Set<Audience> audiences, Text markdown, Image image) implements Step {

    public record Image(String file, Text alt) {
    }
}
