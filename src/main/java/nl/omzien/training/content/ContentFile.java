package nl.omzien.training.content;

import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A content file beside the module folders ({@code learning-paths.yaml}, {@code signaleringskaart.yaml}): read from
 * the modules folder when it exists, else from the packaged copy. {@code folder} is where problems point
 * ({@link InvalidContentException#readFrom}), null for the packaged copy.
 */
public record ContentFile(String path, String text, Path folder) {

    /** Reads {@code name}, or stops the start saying the file is missing and {@code holds} what. */
    public static ContentFile read(Path directory, String name, String holds) {
        Path file = directory.resolve(name);
        Path folder = Files.isDirectory(directory) ? directory : null;
        String text;
        try {
            text = Files.isRegularFile(file) ? Files.readString(file)
                    : folder != null ? null
                    : new ClassPathResource("modules/" + name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        if (text == null) {
            throw new InvalidContentException(List.of(new ContentProblem("modules/" + name, 0, "missing: " + holds)))
                    .readFrom(folder);
        }
        return new ContentFile("modules/" + name, text, folder);
    }
}
