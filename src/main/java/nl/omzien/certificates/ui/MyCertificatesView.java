package nl.omzien.certificates.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.certificates.Certificate;
import nl.omzien.certificates.CertificateDownload;
import nl.omzien.certificates.CertificateId;
import nl.omzien.certificates.CertificateService;
import nl.omzien.certificates.CertificateStatus;
import nl.omzien.certificates.LearningPath;
import nl.omzien.certificates.LearningPaths;
import nl.omzien.certificates.OpenBadgeService;
import nl.omzien.security.Role;
import nl.omzien.training.TrainingService;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * "Mijn certificaten": the participant's certificates with status and a PDF download, and the
 * learning paths that lead to one. The download asks the service again, which checks ownership.
 */
@Route("mijn-certificaten")
@Menu(order = 6, title = "nav.my-certificates", icon = "DIPLOMA")
@RolesAllowed(Role.PARTICIPANT_ROLE)
public class MyCertificatesView extends VerticalLayout implements HasTitleKey, BeforeEnterObserver {

    private final CertificateService certificates;
    private final OpenBadgeService badges;
    private final LearningPaths paths;
    private final TrainingService training;
    private final Clock clock;

    public MyCertificatesView(CertificateService certificates, OpenBadgeService badges, LearningPaths paths, TrainingService training,
                              Clock clock) {
        this.certificates = certificates;
        this.badges = badges;
        this.paths = paths;
        this.training = training;
        this.clock = clock;
        addClassName("my-certificates");
        setMaxWidth("48rem");
    }

    /** Everything here is stored data: a reused view (the menu item clicked again) shows a certificate issued since. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
        List<Certificate> mine = certificates.mine();
        if (mine.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("certificates.empty"));
            empty.setId("no-certificates");
            add(empty);
        }
        for (Certificate certificate : mine) {
            Div card = new Div();
            card.addClassName("certificate-card");
            card.setId("certificate-" + certificate.code());
            H2 title = new H2(certificate.pathTitle().in(getLocale()));
            card.add(title, new StatusBadge(certificate.status()));
            card.add(new Paragraph(getTranslation("certificates.completed-on", date.format(certificate.completedOn()))));
            card.add(new Paragraph(certificate.expiresAt() == null ? getTranslation("certificates.no-expiry")
                    : getTranslation("certificates.valid-until", date.format(certificate.expiresAt().atZoneSameInstant(clock.getZone())))));
            Span code = new Span(getTranslation("certificates.code", certificate.code()));
            code.addClassName("certificate-code");
            card.add(code);
            if (certificate.revocation() != null && certificate.revocation().reason() != null) {
                card.add(new Paragraph(getTranslation("certificates.revoked-because", certificate.revocation().reason())));
            }
            boolean current = certificate.status() == CertificateStatus.VALID || certificate.status() == CertificateStatus.EXPIRED;
            if (current && !certificate.pdfReady()) {
                Paragraph pending = new Paragraph(getTranslation("certificates.pdf-pending"));
                pending.addClassName("certificate-pdf-pending");
                card.add(pending);
            } else if (current) {
                CertificateId id = certificate.id();
                Anchor download = new Anchor(DownloadHandler.fromInputStream(request -> {
                    try {
                        CertificateDownload pdf = certificates.download(id);
                        return new DownloadResponse(new ByteArrayInputStream(pdf.pdf()), pdf.fileName(), "application/pdf", pdf.pdf().length);
                    } catch (NoSuchElementException e) {
                        return DownloadResponse.error(404);
                    }
                }), getTranslation("certificates.download"));
                download.getElement().setAttribute("download", true);
                download.getElement().setAttribute("aria-label", getTranslation("certificates.download.label", certificate.code()));
                download.addClassName("certificate-download");
                download.setId("download-" + certificate.code());
                Anchor verify = new Anchor("verify/" + certificate.code(), getTranslation("certificates.verify-link"));
                verify.addClassName("certificate-verify-link");
                Div actions = new Div(download, badgeDownload(certificate), linkedIn(certificate), verify);
                actions.addClassName("certificate-actions");
                card.add(actions);
            }
            add(card);
        }
        H2 pathsTitle = new H2(getTranslation("certificates.paths"));
        pathsTitle.addClassName("certificate-paths-title");
        add(pathsTitle);
        for (LearningPath path : paths.all()) {
            List<String> needs = new ArrayList<>();
            path.modules().forEach(m -> training.currentModule(m.moduleId()).ifPresent(module -> needs.add(module.title().in(getLocale()))));
            if (path.attendanceRequired()) {
                needs.add(getTranslation("certificates.path.attendance"));
            }
            Div item = new Div(new H3(path.title().in(getLocale())),
                    new Paragraph(getTranslation("certificates.path.needs", String.join(", ", needs))));
            item.addClassName("certificate-path");
            add(item);
        }
    }

    /** The same certificate as a signed Open Badges 3.0 credential, for a wallet or a badge backpack. */
    private Anchor badgeDownload(Certificate certificate) {
        CertificateId id = certificate.id();
        Anchor badge = new Anchor(DownloadHandler.fromInputStream(event -> {
            try {
                CertificateDownload credential = badges.credential(id);
                return new DownloadResponse(new ByteArrayInputStream(credential.pdf()), credential.fileName(), "application/vc+jwt",
                        credential.pdf().length);
            } catch (NoSuchElementException e) {
                return DownloadResponse.error(404);
            }
        }), getTranslation("certificates.badge.download"));
        badge.getElement().setAttribute("download", true);
        badge.getElement().setAttribute("aria-label", getTranslation("certificates.badge.download.label", certificate.code()));
        badge.addClassName("certificate-badge-download");
        badge.setId("badge-" + certificate.code());
        return badge;
    }

    /** Only a link: LinkedIn hears of the certificate only if the person follows it and saves it there. */
    private Anchor linkedIn(Certificate certificate) {
        Anchor linkedIn = new Anchor(badges.linkedInUrl(certificate), getTranslation("certificates.linkedin"));
        linkedIn.setTarget(com.vaadin.flow.component.html.AnchorTarget.BLANK);
        linkedIn.getElement().setAttribute("rel", "noopener noreferrer");
        linkedIn.getElement().setAttribute("aria-label", getTranslation("certificates.linkedin.label", certificate.code()));
        linkedIn.addClassName("certificate-linkedin");
        linkedIn.setId("linkedin-" + certificate.code());
        return linkedIn;
    }

    @Override
    public String titleKey() {
        return "nav.my-certificates";
    }
}
