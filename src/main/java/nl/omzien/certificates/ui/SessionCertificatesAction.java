package nl.omzien.certificates.ui;

import nl.omzien.sessions.SessionId;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import nl.omzien.certificates.CertificateDownload;
import nl.omzien.certificates.CertificateService;
import nl.omzien.sessions.SessionPageExtension;
import nl.omzien.sessions.TrainingSession;

import java.io.ByteArrayInputStream;
import java.util.Optional;

/**
 * "Download all certificates (ZIP)" on a session's trainer page, for the session's trainers, the
 * coalition lead and admins. The service checks again when the file is fetched.
 */
@org.springframework.stereotype.Component
class SessionCertificatesAction implements SessionPageExtension {

    private final CertificateService certificates;

    SessionCertificatesAction(CertificateService certificates) {
        this.certificates = certificates;
    }

    @Override
    public Optional<Component> actionFor(TrainingSession session) {
        if (!certificates.mayDownloadSession(session.id())) {
            return Optional.empty();
        }
        int count = certificates.sessionCertificateCount(session.id());
        if (count == 0) {
            Span none = new Span();
            none.setText(none.getTranslation("session-certificates.none"));
            none.setId("session-certificates-none");
            none.addClassName("session-certificates-none");
            return Optional.of(none);
        }
        SessionId sessionId = session.id();
        Anchor zip = new Anchor(DownloadHandler.fromInputStream(download -> {
            CertificateDownload file = certificates.sessionCertificates(sessionId);
            return new DownloadResponse(new ByteArrayInputStream(file.pdf()), file.fileName(), "application/zip", file.pdf().length);
        }), "");
        zip.setText(zip.getTranslation("session-certificates.download", count));
        zip.setId("session-certificates");
        zip.getElement().setAttribute("download", true);
        zip.addClassName("download-link");
        // One PDF to print on site, for walk-ins without e-mail (issue 20).
        Anchor print = new Anchor(DownloadHandler.fromInputStream(download -> {
            CertificateDownload file = certificates.sessionCertificatesToPrint(sessionId);
            return new DownloadResponse(new ByteArrayInputStream(file.pdf()), file.fileName(), "application/pdf", file.pdf().length);
        }), "");
        print.setText(print.getTranslation("session-certificates.print", count));
        print.setId("session-certificates-print");
        print.getElement().setAttribute("download", true);
        print.addClassName("download-link");
        com.vaadin.flow.component.html.Div both = new com.vaadin.flow.component.html.Div(zip, print);
        both.addClassName("session-certificates-actions");
        return Optional.of(both);
    }
}
