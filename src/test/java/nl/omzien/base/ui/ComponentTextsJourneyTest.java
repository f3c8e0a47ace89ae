package nl.omzien.base.ui;

import nl.omzien.test.BrowserTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the browser, a Dutch page carries none of the English texts Vaadin's components bring along: not
 * in what is shown and not in what a screen reader reads (aria-labels, also inside shadow roots).
 */
class ComponentTextsJourneyTest extends BrowserTest {

    /** Vaadin's English defaults for the components Omzien uses (password field, grid, app layout, side nav, connection). */
    private static final List<String> ENGLISH_DEFAULTS = List.of("Show password", "Hide password", "Sort by", "Drawer",
            "Toggle child items", "Connection lost", "Selection cleared", "Upload File", "Drop file", "Today", "Cancel");

    /** Everything visible or announced: the page text plus aria-label, title and placeholder through shadow roots. */
    private static final String READ_ALL = """
            () => {
              const out = [document.body.innerText];
              const walk = root => root.querySelectorAll('*').forEach(el => {
                for (const a of ['aria-label', 'title', 'placeholder']) { const v = el.getAttribute(a); if (v) out.push(v); }
                if (el.shadowRoot) { walk(el.shadowRoot); }
              });
              walk(document);
              return out.join('\\n');
            }""";

    private void assertNoEnglishDefaults(String where) {
        String all = (String) page.evaluate(READ_ALL);
        for (String english : ENGLISH_DEFAULTS) {
            assertThat(all).as(where + " has Vaadin's English '" + english + "'").doesNotContain(english);
        }
    }

    @Test
    void dutchPagesSpeakDutchInsideVaadinsComponentsToo() {
        go("login");
        assertThat(page.locator("vaadin-password-field[name='password']").evaluate("f => f.i18n && f.i18n.reveal"))
                .isEqualTo("Wachtwoord tonen");
        assertNoEnglishDefaults("login");

        signIn(TRAINER, DEMO_PASSWORD, "organisaties");
        waitVisible("vaadin-grid-sorter");
        @SuppressWarnings("unchecked")
        List<List<String>> sorters = (List<List<String>>) page.evaluate("() => Array.from(document.querySelectorAll('vaadin-grid-sorter'))"
                + ".map(s => [s.textContent.trim(), s.getAttribute('aria-label')])");
        assertThat(sorters).isNotEmpty().allSatisfy(sorter ->
                // The name starts with the visible header (WCAG 2.5.3) and says in Dutch what the button does.
                assertThat(sorter.get(1)).isEqualTo(sorter.get(0) + ", sorteren"));
        assertThat(page.evaluate("() => window.Vaadin.connectionIndicator && window.Vaadin.connectionIndicator.reconnectingText"))
                .isEqualTo("Verbinding verbroken. Opnieuw verbinden…");
        assertNoEnglishDefaults("organisaties");
    }
}
