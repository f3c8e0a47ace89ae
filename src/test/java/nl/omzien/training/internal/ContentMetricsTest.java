package nl.omzien.training.internal;

import nl.omzien.people.Audience;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each core module takes 15-25 minutes for every audience in Dutch, by the simulated read-through of ContentMetrics. */
class ContentMetricsTest {

    @Test
    void everyCoreModuleTakesFifteenToTwentyFiveMinutesForEveryAudienceInDutch() throws IOException {
        List<ContentMetrics.Row> rows = ContentMetrics.measure();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/content-metrics.md"), ContentMetrics.markdownTable(rows) + "\n" + ContentMetrics.lessonProseTable());
        assertThat(rows).hasSize(3 * Audience.values().length * 2);
        // The bar is for Dutch, the language of the training. English needs about 4% more words for the same
        // text, and English is read faster per word, so the English figures are reported, not asserted.
        for (ContentMetrics.Row row : rows.stream().filter(r -> r.language().equals("nl")).toList()) {
            String what = row.module() + " " + row.audience();
            assertThat(row.minutesGood()).as(what + " good path").isBetween(15.0, 25.0);
            assertThat(row.minutesDetour()).as(what + " with a detour").isBetween(15.0, 25.0);
            // The author's estimate in module.yaml stays within five minutes of the read-through.
            assertThat(Math.abs(row.estimatedMinutes() - row.minutesDetour())).as(what + " estimate").isLessThanOrEqualTo(5.0);
        }
    }

    @Test
    void theEnglishIsAsCompleteAsTheDutch() {
        for (ContentMetrics.Row nl : ContentMetrics.measure()) {
            if (nl.language().equals("nl")) {
                ContentMetrics.Row en = ContentMetrics.measure().stream().filter(r -> r.module().equals(nl.module())
                        && r.audience() == nl.audience() && r.language().equals("en")).findFirst().orElseThrow();
                assertThat((double) en.totalWords() / nl.totalWords()).as(nl.module() + " " + nl.audience()).isBetween(0.85, 1.25);
            }
        }
    }
}
