package nl.omzien.training.content;

import nl.omzien.people.Audience;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Markdown text with an optional image (alt text required) and an optional live part the app fills in
 * under the text ({@code show:} in the file), such as the learner's municipality contacts.
 */
public record LessonStep(String id, Text title, Set<Audience> audiences, Text markdown, Image image, Show show) implements Step {

    public LessonStep(String id, Text title, Set<Audience> audiences, Text markdown, Image image) {
        this(id, title, audiences, markdown, image, null);
    }

    /** An image from the module's {@code assets/} folder. */
    public record Image(String file, Text alt) {

        private static final Map<String, String> CONTENT_TYPES = Map.of(
                "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "webp", "image/webp", "svg", "image/svg+xml");

        /** Browsers show these in an {@code <img>}; an SVG there cannot run scripts. */
        public static boolean isSupported(String file) {
            return contentType(file) != null;
        }

        public static String contentType(String file) {
            int dot = file.lastIndexOf('.');
            return dot < 0 ? null : CONTENT_TYPES.get(file.substring(dot + 1).toLowerCase(Locale.ROOT));
        }
    }

    /** What the app can show under a lesson; the name is what a content writer types after {@code show:}. */
    public enum Show {
        LOCAL_CONTACTS("local-contacts"),
        /** The learner's municipality's loneliness figures (population, percent, year, source), only when there are any. */
        LOCAL_FIGURES("local-figures");

        private final String name;

        Show(String name) {
            this.name = name;
        }

        public String fileName() {
            return name;
        }
    }
}
