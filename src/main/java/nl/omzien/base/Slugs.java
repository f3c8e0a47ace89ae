package nl.omzien.base;

import java.text.Normalizer;
import java.util.Locale;

/** How a municipality's name appears in a public address (agenda, request form, partner list). */
public final class Slugs {

    private Slugs() {
    }

    /**
     * "Coevorden" is {@code coevorden}, "Súdwest-Fryslân" is {@code sudwest-fryslan}: accents dropped, lower case,
     * letters and digits with dashes between. One rule, so every public page of a municipality has the same part.
     */
    public static String of(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
