package nl.omzien.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accessibility check every journey relies on ({@link BrowserTest#checkAccessibility}) finds what it should:
 * nothing on a clean page, and each kind of problem it is meant to catch once it is put on that page.
 */
class AccessibilityCheckTest extends BrowserTest {

    @Test
    void aCleanPagePassesAndEachKindOfProblemIsReported() {
        go("login");
        checkAccessibility("login as shipped");
        assertThat(accessibilityProblems).isEmpty();

        page.evaluate("""
                () => {
                  const main = document.querySelector('main') || document.body;
                  const image = document.createElement('img');
                  image.src = 'icons/omzien.svg';
                  main.append(image);
                  const faint = document.createElement('p');
                  faint.textContent = 'Bijna onleesbaar';
                  faint.style.color = '#f4f4f4';
                  faint.style.background = '#ffffff';
                  main.append(faint);
                  const button = document.createElement('button');
                  button.textContent = 'Openen';
                  button.setAttribute('aria-label', 'Sluiten');
                  main.append(button);
                  const outside = document.createElement('div');
                  outside.textContent = 'Tekst buiten elk oriëntatiepunt';
                  document.body.append(outside);
                  // Excluded on purpose: Vaadin's connection indicator.
                  const indicator = document.querySelector('vaadin-connection-indicator');
                  if (indicator) {
                    const unlabelled = document.createElement('input');
                    indicator.append(unlabelled);
                  }
                }""");
        checkAccessibility("login with problems");
        assertThat(accessibilityProblems).anyMatch(p -> p.contains(" image-alt "))
                .anyMatch(p -> p.contains(" color-contrast "))
                .anyMatch(p -> p.contains(" label-content-name-mismatch "))
                .anyMatch(p -> p.contains(" region "))
                .noneMatch(p -> p.contains("vaadin-connection-indicator"));
    }
}
