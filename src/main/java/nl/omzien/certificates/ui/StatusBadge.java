package nl.omzien.certificates.ui;

import com.vaadin.flow.component.html.Span;
import nl.omzien.certificates.CertificateStatus;

/** A certificate's status as a coloured label with its text (colour is never the only signal). */
final class StatusBadge extends Span {

    StatusBadge(CertificateStatus status) {
        super(getTranslationOf(status));
        addClassNames("certificate-status", "certificate-status-" + status.name().toLowerCase());
    }

    private static String getTranslationOf(CertificateStatus status) {
        return com.vaadin.flow.component.UI.getCurrent().getTranslation("certificates.status." + status.name());
    }
}
