package nl.omzien.people;

import java.time.OffsetDateTime;

/**
 * A person's registration as a professional, for accreditation points through PE-online (issue 22): a BIG number
 * (nurses, doctors: 11 digits) or the number of a quality register (V&VN Kwaliteitsregister, Registerplein).
 * Stored only with the person's consent to pass it on to PE-online, at {@code consentedAt}.
 */
public record ProfessionalRegistration(Kind kind, String number, OffsetDateTime consentedAt) {

    public enum Kind { BIG, REGISTER }

    /**
     * The number as stored, or null when it is not one: a BIG number is exactly 11 digits; a register number
     * 4 to 20 letters and digits with at least one digit (registers differ: some use digits only, some letters
     * too). Spaces, dots and dashes people type between groups are dropped; letters become capitals.
     */
    public static String normalised(Kind kind, String typed) {
        if (kind == null || typed == null) {
            return null;
        }
        String number = typed.replaceAll("[\\s.\\-]", "").toUpperCase(java.util.Locale.ROOT);
        if (kind == Kind.BIG && number.startsWith("BIG")) {
            number = number.substring(3);
        }
        boolean valid = switch (kind) {
            case BIG -> number.matches("\\d{11}");
            case REGISTER -> number.matches("[A-Z0-9]{4,20}") && number.matches(".*\\d.*");
        };
        return valid ? number : null;
    }
}
