package nl.omzien.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.PermitAll;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.security.SignOutEverywhereService;
import nl.omzien.security.StaffSecondFactorService;
import nl.omzien.security.StaffSecondFactorService.Enrolment;
import nl.omzien.security.internal.SessionStamp;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The signed-in person's security settings: "sign out everywhere" for everyone; for staff the
 * authenticator app (set up with a QR code and a first code, switch off with a current code — not
 * for admins, who must keep it).
 */
@Route("profiel/beveiliging")
@PermitAll
public class SecuritySettingsView extends VerticalLayout implements HasTitleKey, BeforeEnterObserver {

    private final StaffSecondFactorService secondFactor;
    private final SignOutEverywhereService signOutEverywhere;
    private final Div totpSection = new Div();

    public SecuritySettingsView(StaffSecondFactorService secondFactor, SignOutEverywhereService signOutEverywhere) {
        this.secondFactor = secondFactor;
        this.signOutEverywhere = signOutEverywhere;
        addClassName("security-settings");
        setMaxWidth("40rem");

        totpSection.setId("totp-section");
        totpSection.setWidthFull();
        add(signOutSection());
    }

    /**
     * The authenticator app's state on every visit, also to a reused view (the page opened again): switched on
     * or off elsewhere since, or a set-up left half-way, which starts over.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (secondFactor.status().staff()) {
            if (totpSection.getParent().isEmpty()) {
                addComponentAsFirst(totpSection);
            }
            showTotpStatus();
        } else {
            remove(totpSection);
        }
    }

    @Override
    public String titleKey() {
        return "security.settings.title";
    }

    private Div signOutSection() {
        Button signOut = new Button(getTranslation("security.settings.signout.button"), click -> confirmSignOut());
        signOut.setId("sign-out-everywhere");
        Div section = new Div(new H2(getTranslation("security.settings.signout.title")),
                new Paragraph(getTranslation("security.settings.signout.text")), signOut);
        section.setWidthFull();
        return section;
    }

    private void confirmSignOut() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("security.settings.signout.confirm.title"));
        dialog.setText(getTranslation("security.settings.signout.confirm.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("security.settings.signout.confirm.cancel"));
        dialog.setConfirmText(getTranslation("security.settings.signout.confirm.ok"));
        dialog.addConfirmListener(confirmed -> {
            var at = signOutEverywhere.signOutEverywhere();
            // This session stays: it is marked as signed in at the very moment the others were ended.
            VaadinSession.getCurrent().getSession().setAttribute(SessionStamp.ATTRIBUTE, at);
            notify("security.settings.signout.done", NotificationVariant.LUMO_SUCCESS);
        });
        dialog.open();
    }

    private void showTotpStatus() {
        totpSection.removeAll();
        var status = secondFactor.status();
        totpSection.add(new H2(getTranslation("security.settings.totp.title")));
        if (!status.enabled()) {
            Paragraph off = new Paragraph(getTranslation("security.settings.totp.off"));
            off.setId("totp-status");
            Button start = new Button(getTranslation("security.settings.totp.start"), click -> showEnrolment(secondFactor.startEnrolment()));
            start.setId("totp-start");
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            totpSection.add(off, start);
            return;
        }
        String since = status.enabledAt().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale()));
        Paragraph on = new Paragraph(getTranslation("security.settings.totp.on", since, status.unusedRecoveryCodes()));
        on.setId("totp-status");
        totpSection.add(on);
        if (status.required()) {
            totpSection.add(new Paragraph(getTranslation("security.settings.totp.required")));
            return;
        }
        TextField code = codeField("security.settings.totp.disable-code", false);
        code.setId("totp-disable-code");
        Button disable = new Button(getTranslation("security.settings.totp.disable"), click -> {
            if (secondFactor.disable(code.getValue())) {
                notify("security.settings.totp.disabled", NotificationVariant.LUMO_SUCCESS);
                showTotpStatus();
            } else {
                code.setErrorMessage(getTranslation("security.settings.totp.disable-wrong"));
                code.setInvalid(true);
                code.focus();
            }
        });
        disable.setId("totp-disable");
        disable.addThemeVariants(ButtonVariant.LUMO_ERROR);
        totpSection.add(code, disable);
    }

    /** The secret lives only in this view until it is confirmed; after that nobody sees it again. */
    private void showEnrolment(Enrolment enrolment) {
        totpSection.removeAll();
        totpSection.add(new H2(getTranslation("security.settings.totp.title")));
        Image qr = new Image(enrolment.qrDataUri(), getTranslation("twofactor.enrol.qr-alt"));
        qr.setId("totp-qr");
        qr.addClassName("totp-qr");
        qr.setWidth("220px");
        qr.setHeight("220px");
        Span secret = new Span(enrolment.readableSecret());
        secret.setId("totp-secret");
        secret.addClassName("totp-secret");
        // Monospace: 0/O and 1/l must be told apart when typing the key by hand.
        secret.getStyle().set("font-family", "monospace");
        OrderedList steps = new OrderedList(
                new ListItem(getTranslation("twofactor.enrol.step1")),
                new ListItem(new Paragraph(getTranslation("twofactor.enrol.step2")), qr,
                        new Paragraph(new Span(getTranslation("twofactor.enrol.manual") + " "), secret)),
                new ListItem(getTranslation("twofactor.enrol.step3")));
        TextField code = codeField("security.settings.totp.code", true);
        code.setId("totp-code");
        Button confirm = new Button(getTranslation("security.settings.totp.confirm"));
        confirm.setId("totp-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        confirm.addClickListener(click -> secondFactor.confirmEnrolment(enrolment, code.getValue()).ifPresentOrElse(
                this::showRecoveryCodes,
                () -> {
                    code.setErrorMessage(getTranslation("security.settings.totp.wrong"));
                    code.setInvalid(true);
                    code.focus();
                }));
        Button cancel = new Button(getTranslation("security.settings.totp.cancel"), click -> showTotpStatus());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        totpSection.add(steps, code, confirm, cancel);
        code.focus();
    }

    private void showRecoveryCodes(List<String> codes) {
        totpSection.removeAll();
        notify("security.settings.totp.enabled", NotificationVariant.LUMO_SUCCESS);
        UnorderedList list = new UnorderedList();
        list.setId("recovery-codes");
        list.addClassName("recovery-codes");
        list.getStyle().set("font-family", "monospace");
        codes.forEach(code -> list.add(new ListItem(code)));
        Button done = new Button(getTranslation("twofactor.recovery.continue"), click -> showTotpStatus());
        done.setId("recovery-codes-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        totpSection.add(new H2(getTranslation("twofactor.recovery.title")),
                new Paragraph(getTranslation("twofactor.recovery.intro")), list, done);
    }

    /** Digits only while setting up; switching off also takes a recovery code, which has letters. */
    private TextField codeField(String labelKey, boolean digitsOnly) {
        TextField code = new TextField(getTranslation(labelKey));
        code.getElement().setAttribute("autocomplete", "one-time-code");
        if (digitsOnly) {
            code.getElement().setAttribute("inputmode", "numeric");
        }
        code.setMaxLength(24);
        code.setWidthFull();
        return code;
    }

    private void notify(String key, NotificationVariant variant) {
        Notification notification = Notification.show(getTranslation(key), 5000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(variant);
    }
}
