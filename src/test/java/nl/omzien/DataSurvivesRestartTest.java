package nl.omzien;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.MUNICIPALITY;
import static org.assertj.core.api.Assertions.assertThat;

/** The embedded PostgreSQL keeps its data folder: stop the app, start it again, data is still there. */
class DataSurvivesRestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        // Command-line arguments: builder.properties() would lose against application.properties.
        return new SpringApplicationBuilder(Application.class).run(
                "--omzien.embedded-db.data-dir=" + dataDir.resolve("postgres"),
                "--server.port=0",
                "--omzien.demo-data=true",
                "--spring.main.banner-mode=off");
    }

    @Test
    void dataIsStillThereAfterARestartAndDemoDataIsNotLoadedTwice() {
        int people;
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.getEnvironment().getProperty("omzien.embedded-db.data-dir")).startsWith(dataDir.toString());
            DSLContext db = first.getBean(DSLContext.class);
            db.insertInto(MUNICIPALITY).set(MUNICIPALITY.NAME, "Hardenberg").execute();
            people = db.fetchCount(APP_USER);
            assertThat(people).isGreaterThan(30);
        }
        try (ConfigurableApplicationContext second = start()) {
            DSLContext db = second.getBean(DSLContext.class);
            assertThat(db.fetchExists(MUNICIPALITY, MUNICIPALITY.NAME.eq("Hardenberg"))).isTrue();
            assertThat(db.fetchCount(APP_USER)).isEqualTo(people);
            assertThat(db.fetchCount(MUNICIPALITY)).isEqualTo(3);
        }
    }
}
