package nl.omzien;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration that is on main has run on someone's database: Flyway refuses to start there when the file
 * changes afterwards (V8 and V13 were once edited after release). The SHA-256 of every released file is
 * kept in {@code src/test/resources/db/released-migrations.sha256} ({@code sha256sum} format, names
 * file names under {@code db/migration}); a new migration is added to that list in the commit that brings
 * it to main.
 */
class ReleasedMigrationsTest {

    private static final Path MIGRATIONS = Path.of("db/migration");
    private static final String LIST = "/db/released-migrations.sha256";

    @Test
    void noReleasedMigrationChangedOrDisappearedAndEveryMigrationIsListed() throws IOException {
        Map<String, String> released = released();
        Map<String, String> present = present();
        List<String> problems = new ArrayList<>();
        released.forEach((name, sum) -> {
            String now = present.get(name);
            if (now == null) {
                problems.add(name + " is released but gone from db/migration: put it back unchanged"
                        + " and change the schema in a new migration");
            } else if (!now.equals(sum)) {
                problems.add(name + " is released but its content changed (SHA-256 " + sum + " on main, now " + now
                        + "): undo the edit and change the schema in a new migration");
            }
        });
        present.forEach((name, sum) -> {
            if (!released.containsKey(name)) {
                problems.add(name + " is not in src/test/resources" + LIST + ": when it goes to main, add the line \""
                        + sum + "  " + name + "\" there (that marks it released; from then on it must not change)");
            }
        });
        assertThat(problems).as("released migrations (see ReleasedMigrationsTest)").isEmpty();
    }

    @Test
    void theListHoldsAtLeastTheTwentyMigrationsReleasedBeforeItExisted() throws IOException {
        Map<String, String> released = released();
        for (int version = 1; version <= 20; version++) {
            String prefix = "V" + version + "__";
            assertThat(released.keySet()).as("V" + version).anyMatch(name -> name.startsWith(prefix));
        }
    }

    /** File name (anywhere under db/migration) to checksum, as stored on main. */
    private static Map<String, String> released() throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        try (InputStream in = ReleasedMigrationsTest.class.getResourceAsStream(LIST)) {
            assertThat(in).as(LIST + " on the test class path").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.strip().split("\\s+\\*?", 2);
                assertThat(sums.put(parts[1], parts[0])).as("listed twice: " + parts[1]).isNull();
            }
        }
        return sums;
    }

    private static Map<String, String> present() throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                // By file name: Flyway does not mind a migration moving to a sub-folder, only its content changing.
                String name = file.getFileName().toString();
                assertThat(sums.put(name, sha256(Files.readAllBytes(file)))).as("two files named " + name).isNull();
            }
        }
        return sums;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
