package nl.omzien.certificates.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Verification codes such as {@code OMZ-7K3Q-M9XP-2D4F}: 12 characters from a 32-character alphabet
 * without look-alikes (no 0/O, 1/I), i.e. 60 random bits from {@link SecureRandom}. Random, not
 * sequential, so nobody can walk through the codes; uniqueness is enforced by the database.
 */
public final class VerificationCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final String PREFIX = "OMZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCodes() {
    }

    public static String newCode() {
        StringBuilder code = new StringBuilder(PREFIX);
        for (int group = 0; group < 3; group++) {
            code.append('-');
            for (int i = 0; i < 4; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return code.toString();
    }

    /**
     * What someone typed, as a code: any case, spaces or dashes anywhere, the prefix optional, and
     * the look-alikes 0 and 1 read as the letters O and I would be (neither is in the alphabet).
     * Empty when it cannot be a code, so the database is not asked.
     */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (compact.startsWith(PREFIX) && compact.length() == PREFIX.length() + 12) {
            compact = compact.substring(PREFIX.length());
        }
        if (compact.length() != 12) {
            return Optional.empty();
        }
        for (char c : compact.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(PREFIX + "-" + compact.substring(0, 4) + "-" + compact.substring(4, 8) + "-" + compact.substring(8));
    }
}
