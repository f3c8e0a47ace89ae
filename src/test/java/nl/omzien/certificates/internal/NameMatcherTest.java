package nl.omzien.certificates.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameMatcherTest {

    @Test
    void namesAreMaskedToInitialsKeepingSurnamePrefixes() {
        assertThat(NameMatcher.mask("Jan de Vries")).isEqualTo("J. de V.");
        assertThat(NameMatcher.mask("Gerda van der Veen")).isEqualTo("G. van der V.");
        assertThat(NameMatcher.mask("Łukasz Nowak")).isEqualTo("Ł. N.");
        assertThat(NameMatcher.mask("مريم الحداد")).isEqualTo("م. ا.");
    }

    @Test
    void aTypedNameMatchesRegardlessOfCaseAccentsAndSpacing() {
        assertThat(NameMatcher.sameName("lukasz nowak", "Łukasz Nowak")).isTrue();
        assertThat(NameMatcher.sameName("Eva Celik", "Eva Çelik")).isTrue();
        assertThat(NameMatcher.sameName("Eva", "Eva Çelik")).isFalse();
        assertThat(NameMatcher.sameName("  ", "Eva Çelik")).isFalse();
    }
}
