package nl.omzien.training;

import nl.omzien.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 17: the whole app started on a folder with a broken module (omzien.modules.dir) refuses to start with
 * one short block that names the real file and line, instead of ~130 lines of nested stack trace ending in
 * a "Caused by" that said {@code modules/…}.
 */
@ExtendWith(OutputCaptureExtension.class)
class BrokenModuleStartupReportTest {

    private static final Pattern LOG_LINE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:");

    @TempDir
    Path temp;

    @Test
    void aBrokenModuleFileStopsStartUpWithOneShortBlockNamingTheRealPathAndLine(CapturedOutput output) throws Exception {
        Path modules = temp.resolve("mijn-modules");
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

        assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class).run(
                "--omzien.modules.dir=" + modules,
                "--omzien.embedded-db.data-dir=" + temp.resolve("data/postgres"),
                "--omzien.embedded-db.durable=false",
                "--server.port=0",
                "--spring.main.banner-mode=off")).isNotNull();

        String all = output.getAll();
        int block = all.indexOf("APPLICATION FAILED TO START");
        assertThat(block).as("Spring Boot's failure analysis block").isPositive();
        // The block ends where the next log line (shutting the database down) begins.
        String report = all.substring(block).lines().takeWhile(line -> !LOG_LINE.matcher(line).find())
                .collect(Collectors.joining("\n"));
        assertThat(report).contains(modules.toAbsolutePath() + "/kapot/steps/010-les.yaml:2: unknown step kind 'film'")
                .contains("Action:").contains("OMZIEN_MODULES_DIR")
                .doesNotContain("Caused by").doesNotContain("\tat ");
        assertThat(report.lines().filter(line -> !line.isBlank()).count()).isLessThan(15);
        assertThat(all).as("no stack trace anywhere in the output").doesNotContain("\tat nl.omzien");
        // The embedded PostgreSQL starts beside Spring (EmbeddedPostgresEarlyStart): a failed start stops it too.
        assertThat(temp.resolve("data/postgres/PG_VERSION")).as("the database had started").exists();
        assertThat(temp.resolve("data/postgres/postmaster.pid")).as("and is stopped again").doesNotExist();
    }
}
