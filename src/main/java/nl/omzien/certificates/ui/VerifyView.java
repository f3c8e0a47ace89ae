package nl.omzien.certificates.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import nl.omzien.base.ui.BoundedUpload;
import nl.omzien.base.ui.PublicPage;
import nl.omzien.certificates.CertificateStatus;
import nl.omzien.certificates.OpenBadgeService;
import nl.omzien.certificates.OpenBadgeService.BadgeCheck;
import nl.omzien.certificates.OpenBadgeService.BadgeCheckResult;
import nl.omzien.certificates.Verification;
import nl.omzien.certificates.VerificationResult;
import nl.omzien.certificates.VerificationService;
import nl.omzien.certificates.VerificationService.NameCheck;
import nl.omzien.certificates.VerificationService.PdfCheck;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The public page behind the QR code: anyone checks a certificate without signing in. Shows the
 * status and a masked name; the checker can confirm a full name they know, or upload the PDF to see
 * whether it is the exact file that was issued.
 */
@Route(value = "verify/:code?", autoLayout = false)
@AnonymousAllowed
public class VerifyView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int MAX_PDF_BYTES = 2 * 1024 * 1024;
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final VerificationService verification;
    private final OpenBadgeService badges;
    private final Div content = new Div();
    private final TextField codeField = new TextField();
    private String code;

    public VerifyView(VerificationService verification, OpenBadgeService badges) {
        this.verification = verification;
        this.badges = badges;
        addClassName("verify");
        setAlignItems(Alignment.CENTER);
        content.addClassName("verify-content");
        add(content);
    }

    private String clientAddress() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getBrowser() == null ? "unknown" : session.getBrowser().getAddress();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        code = event.getRouteParameters().get("code").orElse(null);
        content.removeAll();
        content.add(PublicPage.brand(), new H1(getTranslation("verify.title")), new Paragraph(getTranslation("verify.intro")), codeForm());
        if (code != null) {
            // Keep what the person typed (spaces, lower case): only the address is cleaned up.
            codeField.setValue(typed != null && cleaned(typed).equals(code) ? typed : code);
            show(verification.verify(code, clientAddress()));
        }
        content.add(badgeCheck());
    }

    /** The code as the person typed it, shown again after the check. */
    private String typed;

    private static String cleaned(String typed) {
        return typed.replaceAll("[^A-Za-z0-9-]", "");
    }

    private Component codeForm() {
        codeField.setLabel(getTranslation("verify.code"));
        codeField.setHelperText(getTranslation("verify.code.helper"));
        codeField.setId("verify-code");
        codeField.setMaxLength(40);
        codeField.setAutocapitalize(com.vaadin.flow.component.textfield.Autocapitalize.CHARACTERS);
        codeField.setAutocorrect(false);
        Button check = new Button(getTranslation("verify.check"), click -> {
            typed = codeField.getValue().strip();
            if (!typed.isEmpty()) {
                UI.getCurrent().navigate("verify/" + cleaned(typed));
            }
        });
        check.setId("verify-check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        FlexLayout form = new FlexLayout(codeField, check);
        form.addClassName("verify-form");
        return form;
    }

    private void show(VerificationResult result) {
        Div answer = new Div();
        answer.setId("verify-result");
        answer.addClassName("verify-result");
        // Read out by screen readers as soon as the result appears.
        answer.getElement().setAttribute("role", "status");
        switch (result) {
            case VerificationResult.TooManyRequests tooMany -> answer.add(message("verify-too-many", getTranslation("verify.too-many")));
            case VerificationResult.Unknown unknown -> answer.add(message("verify-unknown", getTranslation("verify.unknown")));
            case VerificationResult.Found found -> details(answer, found.verification());
        }
        content.add(answer);
    }

    private Paragraph message(String id, String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.setId(id);
        paragraph.addClassName("verify-message");
        return paragraph;
    }

    private void details(Div answer, Verification v) {
        H2 status = new H2(getTranslation("certificates.status." + v.status().name()));
        status.setId("verify-status");
        status.addClassNames("verify-status", "certificate-status-" + v.status().name().toLowerCase());
        answer.add(status);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
        Div facts = new Div();
        facts.addClassName("verify-facts");
        fact(facts, "verify-path", "verify.path", v.pathTitle().in(getLocale()));
        fact(facts, "verify-date", "verify.completed-on", date.format(v.completedOn()));
        if (v.expiresAt() != null) {
            fact(facts, "verify-expires", "verify.valid-until", date.format(v.expiresAt().atZoneSameInstant(AMSTERDAM)));
        }
        fact(facts, "verify-municipality", "verify.municipality", v.municipalityName());
        fact(facts, "verify-holder", "verify.holder", v.maskedHolder() != null ? v.maskedHolder() : getTranslation("verify.holder.deleted"));
        if (v.trainer() != null) {
            fact(facts, "verify-trainer", "verify.trainer", v.trainer().qualified()
                    ? getTranslation("verify.trainer.qualified", date.format(v.trainer().validUntil()))
                    : getTranslation("verify.trainer.not-qualified"));
            fact(facts, "verify-sessions-led", "verify.sessions-led", String.valueOf(v.trainer().sessionsLed()));
        }
        if (v.status() == CertificateStatus.REVOKED) {
            fact(facts, "verify-reason", "verify.revoked-reason",
                    v.accountDeleted() ? getTranslation("certificates.account-deleted") : v.revokedReason());
        }
        answer.add(facts);
        if (v.maskedHolder() != null) {
            answer.add(nameCheck());
        }
        answer.add(pdfCheck());
    }

    private void fact(Div facts, String id, String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("verify-label");
        Span text = new Span(value);
        text.setId(id);
        text.addClassName("verify-value");
        Div row = new Div(label, text);
        row.addClassName("verify-fact");
        facts.add(row);
    }

    private Component nameCheck() {
        TextField name = new TextField(getTranslation("verify.name.label"));
        name.setHelperText(getTranslation("verify.name.helper"));
        name.setId("verify-name");
        name.setMaxLength(150);
        Paragraph outcome = new Paragraph();
        outcome.setId("verify-name-result");
        outcome.getElement().setAttribute("role", "status");
        Button check = new Button(getTranslation("verify.name.check"), click -> {
            NameCheck result = verification.checkName(code, name.getValue(), clientAddress());
            outcome.setText(switch (result) {
                case MATCHES -> getTranslation("verify.name.matches");
                case DOES_NOT_MATCH, UNKNOWN_CODE -> getTranslation("verify.name.no-match");
                case TOO_MANY_REQUESTS -> getTranslation("verify.too-many");
            });
        });
        check.setId("verify-name-check");
        FlexLayout form = new FlexLayout(name, check);
        form.addClassName("verify-form");
        VerticalLayout box = new VerticalLayout(form, outcome);
        box.setPadding(false);
        box.addClassName("verify-name-box");
        return box;
    }

    private Component pdfCheck() {
        return uploadCheck("pdf", MAX_PDF_BYTES, this::showPdfCheck, "application/pdf", ".pdf");
    }

    /**
     * A heading, a line of explanation, an upload and its outcome, read out when it changes. Ids and message
     * keys follow the kind: verify-pdf, verify-pdf-result and verify.pdf.* (likewise "badge").
     */
    private Component uploadCheck(String kind, int maxBytes, UploadCheck check, String... fileTypes) {
        Paragraph outcome = new Paragraph();
        outcome.setId("verify-" + kind + "-result");
        outcome.getElement().setAttribute("role", "status");
        String address = clientAddress();
        String keys = "verify." + kind + ".";
        Upload upload = new Upload(BoundedUpload.inMemory(maxBytes, (metadata, bytes) -> check.show(outcome, bytes, address),
                () -> outcome.setText(getTranslation(keys + "rejected"))));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(maxBytes);
        upload.setAcceptedFileTypes(fileTypes);
        upload.setDropLabel(new Span(getTranslation(keys + "drop")));
        upload.setUploadButton(new Button(getTranslation(keys + "upload")));
        upload.setId("verify-" + kind);
        upload.addFileRejectedListener(rejected -> outcome.setText(getTranslation(keys + "rejected")));
        H2 title = new H2(getTranslation(keys + "title"));
        title.addClassName("verify-pdf-title");
        VerticalLayout box = new VerticalLayout(title, new Paragraph(getTranslation(keys + "intro")), upload, outcome);
        box.setPadding(false);
        box.addClassName("verify-pdf-box");
        return box;
    }

    /** What an upload box does with the file: shows the answer in its outcome paragraph. */
    @FunctionalInterface
    private interface UploadCheck extends java.io.Serializable {
        void show(Paragraph outcome, byte[] bytes, String address);
    }

    /** Shows whether an uploaded file is the issued PDF; also what the upload calls. */
    void showPdfCheck(Paragraph outcome, byte[] bytes, String address) {
        PdfCheck result = verification.checkPdf(code, bytes, address);
        outcome.setText(switch (result) {
            case IDENTICAL -> getTranslation("verify.pdf.identical");
            case DIFFERENT, UNKNOWN_CODE -> getTranslation("verify.pdf.different");
            case TOO_MANY_REQUESTS -> getTranslation("verify.too-many");
        });
        outcome.getElement().setAttribute("class", result == PdfCheck.IDENTICAL ? "verify-ok" : "verify-warning");
    }

    /** An Open Badge file (VC-JWT) checks itself: its signature, then the certificate's status today. */
    private Component badgeCheck() {
        return uploadCheck("badge", OpenBadgeService.MAX_CREDENTIAL_BYTES, this::showBadgeCheck,
                ".jwt", "application/vc+jwt", "application/jwt", ".txt", "text/plain");
    }

    /** Says whether an uploaded credential is genuine and what its certificate's status is; also what the upload calls. */
    void showBadgeCheck(Paragraph outcome, byte[] bytes, String address) {
        BadgeCheckResult result = badges.check(bytes, address);
        outcome.setText(switch (result.outcome()) {
            case VALID, EXPIRED, SUPERSEDED, REVOKED -> getTranslation("verify.badge.genuine", result.code(),
                    getTranslation("certificates.status." + result.outcome().name()));
            case FORGED -> getTranslation("verify.badge.forged");
            case NOT_A_CREDENTIAL -> getTranslation("verify.badge.unreadable");
            case TOO_MANY_REQUESTS -> getTranslation("verify.too-many");
        });
        outcome.getElement().setAttribute("class", result.outcome() == BadgeCheck.VALID ? "verify-ok" : "verify-warning");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("verify.page-title");
    }
}
