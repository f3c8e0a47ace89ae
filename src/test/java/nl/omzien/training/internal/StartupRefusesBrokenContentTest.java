package nl.omzien.training.internal;

import nl.omzien.training.content.InvalidContentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog is created at startup; a broken module in the folder stops it with file and line. */
class StartupRefusesBrokenContentTest {

    @Test
    void brokenModuleStopsTheCatalogNamingFileAndLine(@TempDir Path modules) throws IOException {
        Path steps = Files.createDirectories(modules.resolve("kapot/steps"));
        Files.writeString(modules.resolve("kapot/module.yaml"), """
                id: kapot
                version: 1
                title: { nl: Kapot, en: Broken }
                summary: { nl: Kapot, en: Broken }
                minutes: 5
                passMark: 60
                audiences: [shop]
                """);
        Files.writeString(steps.resolve("010-les.yaml"), """
                id: les
                kind: film
                title: { nl: Les, en: Lesson }
                """);
        assertThatThrownBy(() -> new FileModuleCatalog(modules, null, null))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageContaining(modules.toAbsolutePath().resolve("kapot/steps/010-les.yaml") + ":2: unknown step kind 'film'")
                .hasMessageContaining("the shop variant has no quiz step");
    }
}
