package nl.omzien.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBoxI18n;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import nl.omzien.base.Translations;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The texts Vaadin's components bring along (calendar, upload, connection indicator, screen-reader texts)
 * in the person's language instead of Vaadin's English: date pickers in Dutch with Monday first, the
 * upload's buttons and messages, "Verbinding verbroken…", the multi-select's and menu's announcements,
 * the password field's "Wachtwoord tonen" and the grid's sort buttons. Views get them after every
 * navigation (the page-wide ones once per page and language); a component made later (in a dialog) calls
 * {@link #datePicker} or {@link #upload} itself.
 */
@org.springframework.stereotype.Component
public class ComponentTexts implements VaadinServiceInitListener {

    /** The language the page's own texts (connection indicator, browser-side texts) were last sent in. */
    private static final String SENT_IN = "omzien.component-texts.sent-in";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            ui.addAfterNavigationListener(after -> {
                // The page keeps these for its lifetime: send them once per page and language, not with every
                // navigation's answer (~2,200 characters that Vaadin also keeps as the UI's last answer).
                if (!ui.getLocale().equals(ComponentUtil.getData(ui, SENT_IN))) {
                    connectionIndicator(ui);
                    browserTexts(ui);
                    ComponentUtil.setData(ui, SENT_IN, ui.getLocale());
                }
                ui.getChildren().forEach(ComponentTexts::applyAll);
            });
        });
    }

    /** Every date picker and upload below {@code root}. */
    public static void applyAll(Component root) {
        if (root instanceof DatePicker picker) {
            datePicker(picker);
        } else if (root instanceof Upload upload) {
            upload(upload);
        } else if (root instanceof MultiSelectComboBox<?> comboBox) {
            multiSelect(comboBox);
        } else if (root instanceof SideNav nav) {
            nav.setI18n(new SideNav.SideNavI18n().setToggle(t("component.nav.toggle-children")));
        } else if (root instanceof AppLayout layout) {
            layout.setI18n(new AppLayout.AppLayoutI18n().setDrawer(t("component.app-layout.drawer")));
        }
        root.getChildren().forEach(ComponentTexts::applyAll);
    }

    private static Locale locale() {
        UI ui = UI.getCurrent();
        return Translations.supported(ui == null ? Translations.DUTCH : ui.getLocale());
    }

    private static String t(String key, Object... args) {
        UI ui = UI.getCurrent();
        return ui == null ? key : ui.getTranslation(key, args);
    }

    /** Month and day names in the person's language, the week starting on Monday, dates written as d-M-yyyy in Dutch. */
    public static void datePicker(DatePicker picker) {
        Locale locale = locale();
        List<String> months = Arrays.stream(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList();
        // Vaadin lists weekdays from Sunday.
        List<DayOfWeek> fromSunday = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n()
                .setMonthNames(months)
                .setWeekdays(fromSunday.stream().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList())
                .setWeekdaysShort(fromSunday.stream().map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList())
                .setFirstDayOfWeek(1)
                .setToday(t("component.date.today"))
                .setCancel(t("component.date.cancel"))
                .setBadInputErrorMessage(t("component.date.bad-input"));
        i18n.setDateFormats(t("component.date.format"), t("component.date.format-short"));
        picker.setI18n(i18n);
        picker.setLocale(locale.equals(Translations.ENGLISH) ? Locale.UK : Locale.of("nl", "NL"));
    }

    public static void upload(Upload upload) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t("component.upload.drop-one")).setMany(t("component.upload.drop-many")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t("component.upload.add-one")).setMany(t("component.upload.add-many")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(t("component.upload.too-many")).setFileIsTooBig(t("component.upload.too-big"))
                .setIncorrectFileType(t("component.upload.wrong-type")));
        i18n.setFile(new UploadI18N.File().setRetry(t("component.upload.retry")).setStart(t("component.upload.start"))
                .setRemove(t("component.upload.remove")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(t("component.upload.connecting"))
                        .setStalled(t("component.upload.stalled")).setProcessing(t("component.upload.processing"))
                        .setHeld(t("component.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t("component.upload.remaining"))
                        .setUnknown(t("component.upload.remaining-unknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(t("component.upload.server-unavailable"))
                        .setUnexpectedServerError(t("component.upload.server-error")).setForbidden(t("component.upload.forbidden"))
                        .setFileTooLarge(t("component.upload.too-big"))));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB"));
        upload.setI18n(i18n);
    }

    /** What a screen reader hears while choosing several items ("Selection cleared", "added to selection"). */
    public static void multiSelect(MultiSelectComboBox<?> comboBox) {
        comboBox.setI18n(new MultiSelectComboBoxI18n().setCleared(t("component.multi-select.cleared"))
                .setFocused(t("component.multi-select.focused")).setSelected(t("component.multi-select.selected"))
                .setDeselected(t("component.multi-select.deselected")).setTotal(t("component.multi-select.total")));
    }

    /**
     * Texts the browser side sets without a server API in Vaadin 25.2: the password field's reveal button
     * ("Show password") and the grid's sort buttons, which Vaadin's grid connector names "Sort by Naam" in
     * English and, worse for voice control, with a name that does not start with the visible header. A
     * watcher on the page renames them as they appear; the texts follow the person's language.
     */
    private static void browserTexts(UI ui) {
        ui.getPage().executeJs("""
                window.omzienTexts = { reveal: $0, sort: $1 };
                const fix = () => {
                  const t = window.omzienTexts;
                  document.querySelectorAll('vaadin-password-field').forEach(f => {
                    if (!f.i18n || f.i18n.reveal !== t.reveal) { f.i18n = { ...(f.i18n || {}), reveal: t.reveal }; }
                  });
                  document.querySelectorAll('vaadin-grid-sorter').forEach(s => {
                    const label = s.textContent.trim();
                    const name = label ? t.sort.replace('{0}', label) : null;
                    if (name && s.getAttribute('aria-label') !== name) { s.setAttribute('aria-label', name); }
                  });
                };
                if (!window.omzienTextsObserver) {
                  window.omzienTextsObserver = new MutationObserver(fix);
                  window.omzienTextsObserver.observe(document.body, { childList: true, subtree: true, characterData: true });
                }
                fix();""", t("component.password.reveal"), t("component.grid.sort"));
    }

    /** Vaadin's connection indicator ("Connection lost", "Reconnecting…") in the person's language. */
    private static void connectionIndicator(UI ui) {
        // The client reads these two from the UI's configuration and hands them to the indicator.
        ui.getReconnectDialogConfiguration().setDialogText(t("component.connection.reconnecting"));
        ui.getReconnectDialogConfiguration().setDialogTextGaveUp(t("component.connection.offline"));
        ui.getPage().executeJs("""
                const c = window.Vaadin && window.Vaadin.connectionIndicator;
                if (c) { c.reconnectingText = $0; c.offlineText = $1; c.onlineText = $2; }""",
                t("component.connection.reconnecting"), t("component.connection.offline"), t("component.connection.online"));
    }
}
