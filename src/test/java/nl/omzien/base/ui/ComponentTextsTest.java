package nl.omzien.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import nl.omzien.test.KaribuTest;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Vaadin's own texts follow the person's language: a Dutch calendar starts on Monday and says "Vandaag". */
class ComponentTextsTest extends KaribuTest {

    @Test
    void aParticipantsDatePickersAreDutchWithMondayFirst() {
        signInAs(PARTICIPANT);
        open("sessies");
        var pickers = _find(DatePicker.class);
        assertThat(pickers).isNotEmpty();
        for (DatePicker picker : pickers) {
            DatePicker.DatePickerI18n i18n = picker.getI18n();
            assertThat(i18n).as("i18n set").isNotNull();
            assertThat(i18n.getFirstDayOfWeek()).isEqualTo(1);
            assertThat(i18n.getMonthNames().get(11)).isEqualTo("december");
            assertThat(i18n.getWeekdaysShort().subList(0, 2)).containsExactly("zo", "ma");
            assertThat(i18n.getToday()).isEqualTo("Vandaag");
            assertThat(i18n.getCancel()).isEqualTo("Annuleren");
        }
    }

    @Test
    void inEnglishTheCalendarIsEnglishAndStillStartsOnMonday() {
        signInAs(PARTICIPANT);
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        DatePicker picker = new DatePicker();
        ComponentTexts.datePicker(picker);
        assertThat(picker.getI18n().getMonthNames().getFirst()).isEqualTo("January");
        assertThat(picker.getI18n().getToday()).isEqualTo("Today");
        assertThat(picker.getI18n().getFirstDayOfWeek()).isEqualTo(1);
    }

    @Test
    void theMenuTheMultiSelectAndTheConnectionIndicatorAreDutch() {
        signInAs(PARTICIPANT);
        open("sessies");
        var ui = com.vaadin.flow.component.UI.getCurrent();
        assertThat(ui.getReconnectDialogConfiguration().getDialogText()).isEqualTo("Verbinding verbroken. Opnieuw verbinden…");
        assertThat(ui.getReconnectDialogConfiguration().getDialogTextGaveUp()).isEqualTo("Geen verbinding. Controleer je internet.");
        var layout = _get(com.vaadin.flow.component.applayout.AppLayout.class);
        assertThat(layout.getI18n().getDrawer()).isEqualTo("Menu");
        assertThat(_get(com.vaadin.flow.component.sidenav.SideNav.class).getI18n().getToggle())
                .isEqualTo("Onderliggende pagina's tonen of verbergen");
        var choose = new com.vaadin.flow.component.combobox.MultiSelectComboBox<String>();
        ComponentTexts.multiSelect(choose);
        assertThat(choose.getI18n().getCleared()).isEqualTo("Selectie gewist");
        assertThat(choose.getI18n().getTotal()).isEqualTo("{count} gekozen");
    }

    /** The page-wide texts go with the first page of a browser tab and again only in another language, not with every page. */
    @Test
    void thePageWideTextsAreSentOncePerPageAndLanguage() {
        signInAs(PARTICIPANT);
        var ui = com.vaadin.flow.component.UI.getCurrent();
        open("sessies");
        ui.getInternals().dumpPendingJavaScriptInvocations();
        open("mijn-training");
        assertThat(pageWideTexts(ui)).as("a second page in the same tab").isEmpty();
        ui.setLocale(java.util.Locale.ENGLISH);
        open("sessies");
        assertThat(pageWideTexts(ui)).as("the same tab in English").hasSize(2)
                .anySatisfy(script -> assertThat(script).contains("Connection lost. Reconnecting"));
    }

    /** The scripts waiting to be sent that set the connection indicator's and the browser-side texts, with their texts. */
    private static java.util.List<String> pageWideTexts(com.vaadin.flow.component.UI ui) {
        return ui.getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(pending -> pending.getInvocation().getExpression() + " " + pending.getInvocation().getParameters())
                .filter(script -> script.contains("connectionIndicator") || script.contains("omzienTexts"))
                .toList();
    }
}
