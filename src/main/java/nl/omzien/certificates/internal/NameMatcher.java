package nl.omzien.certificates.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Masks a name for the public verify page ("Jan de Vries" → "J. de V."): initials, with Dutch and
 * other common surname prefixes kept, so a checker who knows the person recognises them and a
 * stranger learns little.
 */
public final class NameMatcher {

    private static final Set<String> PARTICLES = Set.of("van", "de", "der", "den", "het", "ter", "ten", "te", "in",
            "'t", "op", "la", "le", "du", "da", "di", "von", "zu", "el", "al", "bin", "ben", "ibn");

    private NameMatcher() {
    }

    public static String mask(String fullName) {
        List<String> parts = new ArrayList<>();
        for (String word : fullName.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!parts.isEmpty() && PARTICLES.contains(word.toLowerCase(Locale.ROOT))) {
                parts.add(word.toLowerCase(Locale.ROOT));
            } else {
                parts.add(word.substring(0, word.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT) + ".");
            }
        }
        return String.join(" ", parts);
    }

    /** True when the typed name is the holder's name, ignoring case, accents, spacing and punctuation. */
    public static boolean sameName(String typed, String fullName) {
        return typed != null && fullName != null && !simplify(typed).isEmpty() && simplify(typed).equals(simplify(fullName));
    }

    private static String simplify(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replace("ł", "l").replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
