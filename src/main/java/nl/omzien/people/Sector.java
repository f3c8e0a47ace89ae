package nl.omzien.people;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sector of an organisation; it decides the audience variant its staff get in the training. Thirteen
 * are built in (named by translation keys); a coalition adds its own (issue 21), with a Dutch and an
 * optional English name and code {@code C<number>}. Compare with {@code equals}.
 *
 * @param code     the stored value: a built-in name such as {@code HOME_CARE}, or {@code C12}
 * @param nameNl   for an added sector its Dutch name, null for a built-in one
 * @param nameEn   for an added sector its English name, or null (the Dutch one is shown)
 */
public record Sector(String code, Audience audience, String nameNl, String nameEn) {

    public static final Sector HOME_CARE = builtIn("HOME_CARE", Audience.PROFESSIONAL);
    public static final Sector GP_PRACTICE = builtIn("GP_PRACTICE", Audience.PROFESSIONAL);
    public static final Sector SOCIAL_WORK = builtIn("SOCIAL_WORK", Audience.PROFESSIONAL);
    public static final Sector MUNICIPALITY = builtIn("MUNICIPALITY", Audience.PROFESSIONAL);
    public static final Sector HAIRDRESSER = builtIn("HAIRDRESSER", Audience.SHOP);
    public static final Sector SUPERMARKET = builtIn("SUPERMARKET", Audience.SHOP);
    public static final Sector BAKERY = builtIn("BAKERY", Audience.SHOP);
    public static final Sector PHARMACY = builtIn("PHARMACY", Audience.SHOP);
    public static final Sector CAFE = builtIn("CAFE", Audience.SHOP);
    public static final Sector SHOP = builtIn("SHOP", Audience.SHOP);
    public static final Sector LIBRARY = builtIn("LIBRARY", Audience.SHOP);
    public static final Sector CHURCH = builtIn("CHURCH", Audience.CHURCH);
    public static final Sector VOLUNTEER = builtIn("VOLUNTEER", Audience.CHURCH);

    private static final List<Sector> BUILT_IN = List.of(HOME_CARE, GP_PRACTICE, SOCIAL_WORK, MUNICIPALITY, HAIRDRESSER,
            SUPERMARKET, BAKERY, PHARMACY, CAFE, SHOP, LIBRARY, CHURCH, VOLUNTEER);

    private static Sector builtIn(String code, Audience audience) {
        return new Sector(code, audience, null, null);
    }

    /** The built-in sectors, in their usual order. */
    public static List<Sector> values() {
        return BUILT_IN;
    }

    /** A built-in sector by its code; added sectors come from {@link SectorService}. */
    public static Sector valueOf(String code) {
        return builtInCode(code).orElseThrow(() -> new IllegalArgumentException("No built-in sector " + code));
    }

    public static Optional<Sector> builtInCode(String code) {
        return BUILT_IN.stream().filter(s -> s.code.equals(code)).findFirst();
    }

    /** The code, as an enum constant's name used to be. */
    public String name() {
        return code;
    }

    public boolean isBuiltIn() {
        return nameNl == null;
    }

    /** The translation key of a built-in sector ({@code sector.HOME_CARE}); an added one has its names instead. */
    public String translationKey() {
        return "sector." + code;
    }

    /** The name to show: a built-in one through {@code translate} (a key to text), an added one in the language. */
    public String label(Locale locale, Function<String, String> translate) {
        if (isBuiltIn()) {
            return translate.apply(translationKey());
        }
        return "en".equals(locale == null ? null : locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameNl;
    }
}
