package nl.omzien.training.content;

import nl.omzien.people.Audience;

import java.util.Set;

/**
 * Markdown text with an optional image (alt text required) and an optional live part the app fills in
 * under the text ({@code show:} in the file), such as the learner's municipality contacts.
 */
public record LessonStep(String id, Text title, Set<Audience> audiences, Text markdown, Image image, Show show) implements Step {

    public LessonStep(String id, Text title, Set<Audience> audiences, Text markdown, Image image) {
        this(id, title, audiences, markdown, image, null);
    }

    public record Image(String file, Text alt) {
    }

    /** What the app can show under a lesson; the name is what a content writer types after {@code show:}. */
    public enum Show {
        LOCAL_CONTACTS("local-contacts");

        private final String name;

        Show(String name) {
            this.name = name;
        }

        public String fileName() {
            return name;
        }
    }
}
