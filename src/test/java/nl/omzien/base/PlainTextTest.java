package nl.omzien.base;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which invisible characters a typed text may hold (the services' field checks build on this). */
class PlainTextTest {

    @Test
    void ordinaryNamesAndTextsInAnyScriptAreFine() {
        assertThat(PlainText.isSingleLine("Mehmet Yılmaz")).isTrue();
        assertThat(PlainText.isSingleLine("Zoë 't Hart-van Dijk")).isTrue();
        assertThat(PlainText.isSingleLine("مريم العلي")).as("right-to-left script itself is fine").isTrue();
        assertThat(PlainText.isSingleLine(null)).isTrue();
        assertThat(PlainText.isMultiLine("Eerste regel\nTweede regel\r\nDerde")).isTrue();
    }

    @Test
    void controlCharactersAndBidiOverridesAreRefusedAndLineBreaksOnlyInMultiLineText() {
        for (String bad : new String[]{"a\u0000b", "a\u001Bb", "a\tb", "a\u007Fb", "a\u0085b", "a\u202Ab", "a\u202Eb",
                "a\u2066b", "a\u2069b"}) {
            assertThat(PlainText.isSingleLine(bad)).as(bad).isFalse();
            assertThat(PlainText.isMultiLine(bad)).as(bad).isFalse();
        }
        assertThat(PlainText.isSingleLine("a\nb")).isFalse();
        assertThat(PlainText.isSingleLine("a\rb")).isFalse();
    }
}
