package nl.omzien.dashboard.ui;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import nl.omzien.test.BrowserTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The demo coalition lead opens the dashboard, changes the period and downloads a table as CSV. */
class DashboardJourneyTest extends BrowserTest {

    @Test
    void theDemoCoalitionLeadChangesThePeriodAndDownloadsTheOrganisationsAsCsv() throws Exception {
        signIn(LEAD_COEVORDEN, DEMO_PASSWORD, "dashboard");
        assertThat(page.locator("#figure-trained")).isVisible();
        assertThat(page.locator("#dashboard-municipality")).isHidden();
        screenshot("dashboard", LAPTOP_WIDTH);
        screenshot("dashboard", PHONE_WIDTH);
        checkAccessibility("dashboard");

        page.locator("#dashboard-period").click();
        page.locator("vaadin-select-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Vorig jaar")).click();
        waitForVaadin();
        int lastYear = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).getYear() - 1;
        assertThat(page.locator("p", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Cijfers over Coevorden")))
                .containsText("januari " + lastYear);

        page.locator("#dashboard-period").click();
        page.locator("vaadin-select-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Dit jaar")).click();
        waitForVaadin();

        checkAccessibility("dashboard-this-year");
        // At 1366 px every column of the organisations table is in view, the partner column included.
        page.locator("#section-organisations").scrollIntoViewIfNeeded();
        Object fits = page.locator("#table-organisations").evaluate("g => { const r = g.getBoundingClientRect();"
                + " const cells = [...g.querySelectorAll('vaadin-grid-cell-content')].filter(c => c.textContent.trim() === 'Omzien-partner');"
                + " return cells.length > 0 && cells.every(c => { const b = c.getBoundingClientRect(); return b.width > 0 && b.right <= r.right + 1; }); }");
        assertThat((Boolean) fits).as("partner column visible at 1366 px").isTrue();
        for (String section : List.of("overview", "breakdowns", "organisations", "targets", "tell")) {
            page.locator("#section-" + section).scrollIntoViewIfNeeded();
            screenshot("dashboard-" + section, LAPTOP_WIDTH);
            page.locator("#section-" + section).scrollIntoViewIfNeeded();
            screenshot("dashboard-" + section, PHONE_WIDTH);
        }
        // Publication mode: no small number on screen, in a table or written next to a bar.
        page.locator("#dashboard-publication input").check();
        waitForVaadin();
        screenshot("dashboard-publication", LAPTOP_WIDTH);
        screenshot("dashboard-publication", PHONE_WIDTH);
        assertThat(page.locator("svg.dashboard-chart text").allTextContents()).noneMatch(t -> t.strip().matches("[1-4]"));
        assertThat(page.locator("#figure-trained").innerText().strip()).doesNotMatch("[1-4]");
        checkAccessibility("dashboard-publication");
        page.locator("#dashboard-publication input").uncheck();
        waitForVaadin();
        page.locator(".dashboard-jump a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Downloaden")).click();
        Locator csv = page.locator("#download-csv");
        Download download = page.waitForDownload(csv::click);
        Path saved = Path.of("target/screenshots/dashboard-organisations.csv");
        download.saveAs(saved);
        assertThat(download.suggestedFilename()).as("a Dutch file name").isEqualTo("omzien-organisaties.csv");
        String text = Files.readString(saved, StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        // Coevorden's eight demo organisations, whatever their figures.
        assertThat(rows).hasSize(8);
        assertThat(rows).extracting(r -> r.get("Organisatie")).contains("Kapsalon Knip & Zo", "Bibliotheek Coevorden");
        checkAccessibility("dashboard-downloads");
        assertThat(accessibilityProblems).isEmpty();
    }

    /**
     * On a 360 px phone every bar of every chart is on screen, not clipped by its box (the bar itself is
     * what a finger at its middle touches), and the texts are at a readable size; nothing scrolls sideways.
     */
    @Test
    void onAPhoneEveryBarOfEveryChartIsVisibleAndReadable() {
        page.setViewportSize(PHONE_WIDTH, 740);
        signIn(LEAD_COEVORDEN, DEMO_PASSWORD, "dashboard");
        assertThat(page.locator("#figure-trained")).isVisible();
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isTrue();
        Object report = page.evaluate("""
                () => {
                  const problems = [], width = document.documentElement.clientWidth;
                  const charts = [...document.querySelectorAll('svg.dashboard-chart')].filter(c => c.getBoundingClientRect().width > 0);
                  let bars = 0;
                  for (const chart of charts) {
                    const name = chart.getAttribute('aria-label');
                    for (const bar of chart.querySelectorAll('rect')) {
                      if (!(bar.getBBox().width > 0 && bar.getBBox().height > 0)) continue;
                      bars++;
                      bar.scrollIntoView({block: 'center'});
                      const b = bar.getBoundingClientRect();
                      const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
                      if (hit !== bar || b.left < 0 || b.right > width) {
                        let chain = '', e = chart;
                        for (let k = 0; e && k < 6; k++, e = e.parentElement) chain += ' < ' + e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width);
                        problems.push(name + ': bar ' + bars + ' not visible' + (bars < 3 ? chain : ''));
                      }
                    }
                    for (const text of chart.querySelectorAll('text')) {
                      text.scrollIntoView({block: 'center'});
                      const t = text.getBoundingClientRect();
                      if (t.height < 11) problems.push(name + ': text too small (' + t.height.toFixed(1) + ' px) ' + text.textContent);
                      if (t.left < 0 || t.right > width) problems.push(name + ': text off screen ' + text.textContent);
                    }
                  }
                  return {charts: charts.length, bars: bars, problems: problems};
                }""");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> result = (java.util.Map<String, Object>) report;
        assertThat(((Number) result.get("charts")).intValue()).as("charts on a phone").isGreaterThanOrEqualTo(5);
        assertThat(((Number) result.get("bars")).intValue()).as("bars drawn").isGreaterThan(0);
        assertThat((List<?>) result.get("problems")).isEmpty();
        page.locator("#section-breakdowns").scrollIntoViewIfNeeded();
        screenshot("dashboard-charts-phone", PHONE_WIDTH);
        page.locator("#section-overview").scrollIntoViewIfNeeded();
        screenshot("dashboard-overview-phone", PHONE_WIDTH);
    }

    /**
     * On a 360 px phone no dashboard table cuts a name ("Signaleerder eenzaa…") or scrolls sideways: the
     * breakdown and over-time tables wrap their cells, the organisations table becomes one item per organisation.
     */
    @Test
    void onAPhoneNoDashboardTableCutsATextOrScrollsSideways() {
        page.setViewportSize(PHONE_WIDTH, 740);
        signIn(LEAD_COEVORDEN, DEMO_PASSWORD, "dashboard");
        assertThat(page.locator("#figure-trained")).isVisible();
        assertThat(page.locator("#list-organisations")).isVisible();
        assertThat(page.locator("#table-organisations")).isHidden();
        Object report = page.evaluate("""
                () => {
                  const width = document.documentElement.clientWidth, problems = [];
                  if (document.documentElement.scrollWidth > width) problems.push('page scrolls sideways');
                  const grids = [...document.querySelectorAll('.dashboard-section vaadin-grid')].filter(g => g.getBoundingClientRect().width > 0);
                  let cells = 0;
                  for (const g of grids) {
                    const r = g.getBoundingClientRect();
                    if (r.right > width + 1) problems.push(g.id + ': wider than the screen');
                    const table = g.shadowRoot.querySelector('#table');
                    if (table.scrollWidth > table.clientWidth + 1) problems.push(g.id + ': scrolls sideways ' + table.scrollWidth + '/' + table.clientWidth);
                    for (const c of g.querySelectorAll('vaadin-grid-cell-content')) {
                      const b = c.getBoundingClientRect();
                      if (!c.textContent.trim() || b.width === 0) continue;
                      cells++;
                      if (c.scrollWidth > c.clientWidth + 1) problems.push(g.id + ': cut "' + c.textContent.trim() + '" ' + c.scrollWidth + '/' + c.clientWidth);
                      if (b.right > r.right + 1 || b.left < r.left - 1) problems.push(g.id + ': outside the table "' + c.textContent.trim() + '"');
                    }
                  }
                  const texts = [...document.querySelectorAll('.dashboard-section .tap-item-title, .dashboard-section .tap-item-meta')];
                  for (const t of texts) {
                    if (t.scrollWidth > t.clientWidth + 1 || t.getBoundingClientRect().right > width || getComputedStyle(t).textOverflow === 'ellipsis')
                      problems.push('organisations: cut "' + t.textContent + '"');
                  }
                  return {grids: grids.length, cells: cells, texts: texts.length, problems: problems};
                }""");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> result = (java.util.Map<String, Object>) report;
        assertThat(((Number) result.get("grids")).intValue()).as("tables on a phone").isGreaterThanOrEqualTo(3);
        assertThat(((Number) result.get("cells")).intValue()).as("cells with text").isGreaterThan(10);
        assertThat(((Number) result.get("texts")).intValue()).as("organisation lines").isGreaterThan(8);
        assertThat((List<?>) result.get("problems")).isEmpty();
        page.locator("#section-breakdowns").scrollIntoViewIfNeeded();
        screenshot("dashboard-tables-phone", PHONE_WIDTH);
        page.locator("#section-organisations").scrollIntoViewIfNeeded();
        screenshot("dashboard-organisations-phone", PHONE_WIDTH);
        checkAccessibility("dashboard tables on a phone");
        assertThat(accessibilityProblems).isEmpty();
    }
}
