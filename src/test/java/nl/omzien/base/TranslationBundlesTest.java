package nl.omzien.base;

import nl.omzien.people.Sector;
import nl.omzien.security.Role;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Fails on a UI text that exists in one language only, or a key the code uses that exists in neither. */
class TranslationBundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    /** Dotted string literals that are configuration properties, not message keys. */
    private static final Set<String> NOT_KEYS_PREFIXES = Set.of("omzien.", "spring.", "server.", "management.", "socket.");
    private static final Pattern DOTTED_LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-zA-Z0-9-]+)+)\"");

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void dutchAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> dutch = load("messages.properties").stringPropertyNames();
        Set<String> english = load("messages_en.properties").stringPropertyNames();
        assertThat(new TreeSet<>(english)).as("keys missing in English").containsAll(dutch);
        assertThat(new TreeSet<>(dutch)).as("keys missing in Dutch").containsAll(english);
    }

    @Test
    void noTranslationIsEmpty() throws IOException {
        for (String file : new String[]{"messages.properties", "messages_en.properties"}) {
            Properties properties = load(file);
            assertThat(properties.stringPropertyNames()).as(file)
                    .allSatisfy(key -> assertThat(properties.getProperty(key)).as(key).isNotBlank());
        }
    }

    @Test
    void everyKeyInTheCodeExistsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = DOTTED_LITERAL.matcher(Files.readString(source));
                while (matcher.find()) {
                    String literal = matcher.group(1);
                    if (NOT_KEYS_PREFIXES.stream().noneMatch(literal::startsWith) && !literal.matches(".*\\.(yaml|yml|png|svg|pdf|css|pid|exe|conf|opts|old)")) {
                        used.add(literal);
                    }
                }
            }
        }
        for (Sector sector : Sector.values()) {
            used.add(sector.translationKey());
        }
        for (Role role : Role.values()) {
            used.add("role." + role.name());
            used.add("home.role." + role.name());
        }
        for (nl.omzien.people.Audience audience : nl.omzien.people.Audience.values()) {
            used.add("audience." + audience.name());
        }
        for (var quality : nl.omzien.training.content.ScenarioStep.Quality.values()) {
            used.add("player.quality." + quality.name());
            used.add("player.scenario.outcome." + quality.name());
        }
        for (var kind : nl.omzien.contacts.ContactKind.values()) {
            used.add(kind.translationKey());
        }
        for (String statement : new String[]{"recognise", "raise", "refer"}) {
            used.add("player.assessment." + statement);
        }
        for (int value = 1; value <= 5; value++) {
            used.add("player.assessment.scale." + value);
        }
        assertThat(used).hasSizeGreaterThan(50);
        Translations translations = new Translations();
        Set<String> missing = new HashSet<>();
        for (Locale locale : Translations.SUPPORTED) {
            for (String key : used) {
                if (translations.getTranslation(key, locale).startsWith("!")) {
                    missing.add(locale + ":" + key);
                }
            }
        }
        assertThat(new TreeSet<>(missing)).isEmpty();
    }

    @Test
    void unknownLocaleFallsBackToDutchNotToTheJvmDefault() {
        Translations translations = new Translations();
        assertThat(translations.getTranslation("nav.home", Locale.GERMAN))
                .isEqualTo(translations.getTranslation("nav.home", Translations.DUTCH));
        assertThat(translations.getTranslation("nav.home", Locale.ENGLISH))
                .isNotEqualTo(translations.getTranslation("nav.home", Translations.DUTCH));
    }
}
