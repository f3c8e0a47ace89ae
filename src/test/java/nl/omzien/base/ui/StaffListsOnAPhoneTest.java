package nl.omzien.base.ui;

import com.microsoft.playwright.Locator;
import nl.omzien.test.BrowserTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff lists (people, organisations, certificates) on a 360 px phone are one column in which the
 * main text of every item is whole and one tap opens the item; on a 1366 px laptop they stay a grid.
 */
class StaffListsOnAPhoneTest extends BrowserTest {

    /** A list page, its one-column list and what a tap on an item opens. */
    private record StaffList(String route, String list, String opened) {
    }

    private static final List<StaffList> LISTS = List.of(
            new StaffList("gebruikers", "#user-list", "#user-name"),
            new StaffList("organisaties", "#organisation-list", "#organisation-name"),
            new StaffList("certificaten", "#certificate-list", "#certificate-details-path"));


    @Test
    void onAPhoneEveryStaffListIsOneColumnWithWholeTitlesAndATapOpensTheItem() {
        page.setViewportSize(PHONE_WIDTH, 740);
        signIn(LEAD_COEVORDEN, DEMO_PASSWORD);
        for (StaffList staffList : LISTS) {
            follow(staffList.route());
            Locator list = page.locator(staffList.list());
            assertThat(list).isVisible();
            assertThat(page.locator("vaadin-grid").first()).isHidden();
            assertThat(noSidewaysScroll()).as(staffList.route() + ": no sideways scrolling").isTrue();
            Locator titles = list.locator(".tap-item-title");
            assertThat(titles.count()).as(staffList.route() + ": items").isGreaterThan(0);
            Object cut = titles.evaluateAll("ts => ts.filter(t => t.scrollWidth > t.clientWidth + 1"
                    + " || t.getBoundingClientRect().right > document.documentElement.clientWidth"
                    + " || getComputedStyle(t).textOverflow === 'ellipsis').map(t => t.textContent + ' ' + t.scrollWidth + '/' + t.clientWidth)");
            assertThat((List<?>) cut).as(staffList.route() + ": titles cut off").isEmpty();
            screenshot("staff-list-" + staffList.route(), PHONE_WIDTH);
            checkAccessibility(staffList.route() + " on a phone");

            Locator first = list.locator(".tap-item").first();
            String title = first.locator(".tap-item-title").innerText().strip();
            first.click();
            waitForVaadin();
            Locator opened = page.locator(staffList.opened());
            assertThat(opened).isVisible();
            if (staffList.opened().equals("#certificate-details-path")) {
                assertThat(page.locator("#certificate-details")).hasAttribute("aria-label", title);
                screenshot("staff-list-certificate-opened", PHONE_WIDTH);
                checkAccessibility("certificate opened on a phone");
            } else {
                assertThat(opened.locator("input")).hasValue(title);
            }
            page.keyboard().press("Escape");
            waitForVaadin();
        }
        // The invites were cards already: they fit a phone too.
        go("uitnodigingen");
        assertThat(noSidewaysScroll()).as("invites: no sideways scrolling").isTrue();
        screenshot("staff-list-uitnodigingen", PHONE_WIDTH);
        assertThat(accessibilityProblems).isEmpty();
    }

    /** Texts of the list's items that are cut, run past the screen's edge or end in an ellipsis. */
    private static List<?> cutTexts(Locator list) {
        return (List<?>) list.locator(".tap-item-title, .tap-item-meta").evaluateAll("ts => ts.filter(t => t.scrollWidth > t.clientWidth + 1"
                + " || t.getBoundingClientRect().right > document.documentElement.clientWidth"
                + " || getComputedStyle(t).textOverflow === 'ellipsis').map(t => t.textContent + ' ' + t.scrollWidth + '/' + t.clientWidth)");
    }

    /** Whether a search field's hint (placeholder) fits its input: measured in the input's own font. */
    private static final String HINT_FITS = "f => { const i = f.querySelector('input'); const s = getComputedStyle(i);"
            + " const c = document.createElement('canvas').getContext('2d'); c.font = s.font;"
            + " const room = i.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);"
            + " return {hint: i.placeholder, width: Math.ceil(c.measureText(i.placeholder).width), room: room,"
            + " label: (f.querySelector('label')?.textContent || '').trim()}; }";

    @Test
    void onAPhoneTheSearchFieldsHaveAVisibleLabelAndAHintThatFits() {
        page.setViewportSize(PHONE_WIDTH, 740);
        signIn(LEAD_COEVORDEN, DEMO_PASSWORD);
        for (String route : List.of("gebruikers", "organisaties")) {
            follow(route);
            Locator field = page.locator(route.equals("gebruikers") ? "#user-filter" : "#organisation-filter");
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> hint = (java.util.Map<String, Object>) field.evaluate(HINT_FITS);
            assertThat(((Number) hint.get("width")).doubleValue()).as(route + ": hint '" + hint.get("hint") + "' fits the field")
                    .isLessThanOrEqualTo(((Number) hint.get("room")).doubleValue());
            assertThat((String) hint.get("label")).as(route + ": visible label").isEqualTo("Zoeken");
            assertThat(field.locator("label")).isVisible();
        }
        screenshot("staff-list-search-gebruikers", PHONE_WIDTH);
    }

    @Test
    void onAPhoneTheAdminsMunicipalitiesAndAuditLogAreOneColumnLists() {
        page.setViewportSize(PHONE_WIDTH, 740);
        signIn(ADMIN, DEMO_PASSWORD);
        for (String route : List.of("gemeenten", "logboek-persoonsgegevens")) {
            follow(route);
            Locator list = page.locator(route.equals("gemeenten") ? "#municipality-list" : "#audit-list");
            assertThat(list).isVisible();
            assertThat(page.locator("vaadin-grid").first()).isHidden();
            assertThat(noSidewaysScroll()).as(route + ": no sideways scrolling").isTrue();
            assertThat(list.locator(".tap-item-title").count()).as(route + ": items").isGreaterThan(0);
            assertThat(cutTexts(list)).as(route + ": texts cut off").isEmpty();
            screenshot("staff-list-" + route, PHONE_WIDTH);
            checkAccessibility(route + " on a phone");
        }
        // A tap on a municipality opens it to change its name.
        go("gemeenten");
        Locator first = page.locator("#municipality-list .tap-item").first();
        String name = first.locator(".tap-item-title").innerText().strip();
        first.click();
        waitForVaadin();
        assertThat(page.locator("#municipality-name input")).hasValue(name);
        page.keyboard().press("Escape");
        assertThat(accessibilityProblems).isEmpty();
    }

    /** The admin's municipality chooser (people's {@code MunicipalityChooser}) on each page that has it. */
    @Test
    void onAPhoneTheAdminsMunicipalityChooserFitsOnEveryPageThatHasIt() {
        page.setViewportSize(PHONE_WIDTH, 740);
        signIn(ADMIN, DEMO_PASSWORD);
        var chooserPerRoute = java.util.Map.of("trainers", "#trainers-municipality", "campagnes", "#campaigns-municipality",
                "hulp-in-je-gemeente", "#contacts-municipality", "signaleringskaart", "#signal-card-municipality",
                "api-sleutels", "#api-municipality");
        for (var route : new java.util.TreeMap<>(chooserPerRoute).entrySet()) {
            follow(route.getKey());
            Locator chooser = page.locator(route.getValue());
            assertThat(chooser).isVisible();
            var box = chooser.boundingBox();
            assertThat(box.x).as(route.getKey() + ": chooser starts on screen").isGreaterThanOrEqualTo(0);
            assertThat(box.x + box.width).as(route.getKey() + ": chooser ends on screen").isLessThanOrEqualTo(PHONE_WIDTH);
            assertThat(noSidewaysScroll()).as(route.getKey() + ": no sideways scrolling").isTrue();
            screenshot("admin-chooser-" + route.getKey(), PHONE_WIDTH);
            checkAccessibility(route.getKey() + " with the municipality chooser on a phone");
        }
        assertThat(accessibilityProblems).isEmpty();
    }

    @Test
    void onAPhoneMyOrganisationIsOneColumnWithEachColleaguesProgressWhole() {
        page.setViewportSize(PHONE_WIDTH, 740);
        signIn(ORG_CONTACT, DEMO_PASSWORD, "mijn-organisatie");
        Locator list = page.locator("#colleague-list");
        assertThat(list).isVisible();
        assertThat(page.locator("#colleagues-grid")).isHidden();
        assertThat(noSidewaysScroll()).as("no sideways scrolling").isTrue();
        assertThat(list.locator(".tap-item-title").count()).as("colleagues").isGreaterThan(1);
        assertThat(list.locator(".tap-item-meta").allInnerTexts()).anyMatch(t -> t.contains("module"));
        assertThat(cutTexts(list)).as("texts cut off").isEmpty();
        screenshot("my-organisation", PHONE_WIDTH);
        checkAccessibility("mijn-organisatie on a phone");
        // "Not one of ours" asks first; going back changes nothing.
        Locator leave = list.locator("vaadin-button[id^=leave-phone-]").first();
        assertThat(leave).isVisible();
        int colleagues = list.locator(".tap-item-title").count();
        leave.click();
        Locator question = page.getByRole(com.microsoft.playwright.options.AriaRole.DIALOG);
        assertThat(question).containsText("telt dan niet meer mee");
        assertThat(noSidewaysScroll()).as("no sideways scrolling with the question").isTrue();
        page.waitForFunction("() => !document.querySelector('[opening]')"); // the picture after the fade-in
        screenshot("my-organisation-leave", PHONE_WIDTH);
        checkAccessibility("mijn-organisatie asking 'not one of ours' on a phone");
        question.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Terug")).click();
        assertThat(question).isHidden();
        assertThat(page.locator("vaadin-dialog")).hasCount(0); // gone once it has faded out
        assertThat(list.locator(".tap-item-title")).hasCount(colleagues);
        page.setViewportSize(LAPTOP_WIDTH, 900);
        assertThat(page.locator("#colleagues-grid")).isVisible();
        screenshot("my-organisation", LAPTOP_WIDTH);
        assertThat(accessibilityProblems).isEmpty();
    }

    /** Issue 22: the lead's API keys page, with a key just made (its secret shown once), fits a phone. */
    @Test
    void onAPhoneTheApiKeysPageFitsWithANewKey() {
        page.setViewportSize(PHONE_WIDTH, 740);
        signIn(LEAD_COEVORDEN, DEMO_PASSWORD, "api-sleutels");
        page.locator("#api-key-label input").fill("Dashboard gemeentehuis");
        page.locator("#create-api-key").click();
        waitForVaadin();
        assertThat(page.locator("#api-key-secret input")).hasValue(java.util.regex.Pattern.compile("omz_.{43}"));
        assertThat(page.locator(".api-key-card").first()).isVisible();
        assertThat(noSidewaysScroll()).as("no sideways scrolling").isTrue();
        screenshot("api-keys", PHONE_WIDTH);
        checkAccessibility("api-sleutels on a phone");
        assertThat(accessibilityProblems).isEmpty();
    }

    /** Two staff pages no test had looked at on a phone: the sectors (admin, lead) and a contact's request form. */
    @Test
    void onAPhoneTheSectorsAndTheContactsTrainingRequestFormFit() {
        page.setViewportSize(PHONE_WIDTH, 740);
        signIn(ADMIN, DEMO_PASSWORD, "sectoren");
        screenshot("sectors", PHONE_WIDTH);
        assertWithinThePhone("sectoren", "#sectors-municipality", "#add-sector");
        checkAccessibility("sectoren on a phone");

        newDevice();
        page.setViewportSize(PHONE_WIDTH, 740); // a new device's tab starts at the laptop's size
        signIn(ORG_CONTACT, DEMO_PASSWORD, "mijn-organisatie/training-aanvragen");
        screenshot("contact-training-request", PHONE_WIDTH);
        assertWithinThePhone("training-aanvragen", "#request-send");
        assertThat(page.locator("vaadin-text-area, vaadin-text-field, vaadin-select, vaadin-date-picker, vaadin-integer-field")
                .count()).as("the request form's fields").isGreaterThan(0);
        for (Locator field : page.locator("vaadin-text-area, vaadin-text-field, vaadin-select, vaadin-date-picker, vaadin-integer-field").all()) {
            var box = field.boundingBox();
            assertThat(box.x + box.width).as("a field of the request form ends on screen").isLessThanOrEqualTo(PHONE_WIDTH);
        }
        checkAccessibility("the contact's training request form on a phone");
        assertThat(accessibilityProblems).isEmpty();
    }

    private void assertWithinThePhone(String where, String... selectors) {
        for (String selector : selectors) {
            Locator element = page.locator(selector);
            assertThat(element).isVisible();
            var box = element.boundingBox();
            assertThat(box.x).as(where + ": " + selector + " starts on screen").isGreaterThanOrEqualTo(0);
            assertThat(box.x + box.width).as(where + ": " + selector + " ends on screen").isLessThanOrEqualTo(PHONE_WIDTH);
        }
        assertThat(noSidewaysScroll()).as(where + ": no sideways scrolling").isTrue();
    }

    @Test
    void onALaptopTheStaffListsStayAGrid() {
        page.setViewportSize(LAPTOP_WIDTH, 900);
        signIn(LEAD_COEVORDEN, DEMO_PASSWORD);
        for (StaffList staffList : LISTS) {
            follow(staffList.route());
            assertThat(page.locator("vaadin-grid").first()).isVisible();
            assertThat(page.locator(staffList.list())).isHidden();
            assertThat(page.locator("vaadin-grid-cell-content").first()).isVisible();
        }
    }
}
