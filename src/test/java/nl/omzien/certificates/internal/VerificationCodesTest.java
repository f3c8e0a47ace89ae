package nl.omzien.certificates.internal;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationCodesTest {

    @Test
    void codesHaveSixtyRandomBitsInAnAlphabetWithoutLookAlikes() {
        assertThat(VerificationCodes.ALPHABET).hasSize(32).doesNotContain("0", "O", "1", "I");
        // 12 characters of 5 bits each.
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = VerificationCodes.newCode();
            assertThat(code).matches("OMZ-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
            codes.add(code);
        }
        assertThat(codes).hasSize(10_000);
    }

    @Test
    void typedCodesAreReadForgivinglyAndNonCodesAreRejectedWithoutAskingTheDatabase() {
        assertThat(VerificationCodes.normalise("omz 7k3q m9xp 2d4f")).contains("OMZ-7K3Q-M9XP-2D4F");
        assertThat(VerificationCodes.normalise("7K3Q-M9XP-2D4F")).contains("OMZ-7K3Q-M9XP-2D4F");
        assertThat(VerificationCodes.normalise("OMZ-7K3Q-M9XP-2D40")).isEmpty();
        assertThat(VerificationCodes.normalise("hallo")).isEmpty();
        assertThat(VerificationCodes.normalise(null)).isEmpty();
    }
}
