package nl.omzien.test;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

/** The isolation and the clock the other integration tests rely on. */
class ClassIsolationTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    DSLContext db;
    @Autowired
    Clock applicationClock;

    @Test
    void aFreshCopyHoldsTheSeededDataAndNothingAnEarlierClassWrote() {
        assertThat(dataSource).isInstanceOf(ClassDatabases.class);
        String before = databaseName();
        assertThat(before).as("this class already works on a copy, not on the template").isNotEqualTo(ClassDatabases.TEMPLATE);
        db.execute("CREATE TABLE leak_probe (x int)");
        db.deleteFrom(APP_USER).where(APP_USER.EMAIL.eq("leak-probe@example.org")).execute();
        db.update(APP_USER).set(APP_USER.EMAIL, "leak-probe@example.org").where(APP_USER.EMAIL.eq(PARTICIPANT)).execute();

        ((ClassDatabases) dataSource).freshCopy();

        assertThat(databaseName()).isNotEqualTo(before);
        assertThat(db.fetchCount(db.selectFrom("information_schema.tables").where("table_name = 'leak_probe'"))).isZero();
        assertThat(db.fetchCount(APP_USER, APP_USER.EMAIL.eq(PARTICIPANT))).isEqualTo(1);
        assertThat(db.fetchCount(APP_USER, APP_USER.EMAIL.eq("leak-probe@example.org"))).isZero();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (db.fetchValue("SELECT count(*) FROM pg_database WHERE datname = ?", before).equals(1L) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(db.fetchValue("SELECT count(*) FROM pg_database WHERE datname = ?", before)).as("the old copy is dropped, soon")
                .isEqualTo(0L);
    }

    @Test
    void theApplicationsClockIsTheTestClockAndATestMovesIt() {
        assertThat(applicationClock).isSameAs(clock);
        clock.advance(Duration.ofDays(100));
        Duration ahead = Duration.between(Instant.now(), applicationClock.instant());
        assertThat(ahead).isBetween(Duration.ofDays(100), Duration.ofDays(100).plusMinutes(1));
        assertThat(Duration.between(Instant.now(), applicationClock.withZone(java.time.ZoneOffset.UTC).instant()))
                .as("a clock in another zone moves along").isGreaterThanOrEqualTo(Duration.ofDays(100));
        clock.setTo(Instant.parse("2040-01-01T00:00:00Z"));
        assertThat(applicationClock.instant()).isBetween(Instant.parse("2040-01-01T00:00:00Z"), Instant.parse("2040-01-01T00:01:00Z"));
    }

    @Test
    void everyTestStartsAtTheRealTime() {
        assertThat(Duration.between(Instant.now(), applicationClock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
    }
}
