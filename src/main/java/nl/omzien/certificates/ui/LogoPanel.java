package nl.omzien.certificates.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.ui.BoundedUpload;
import nl.omzien.base.ui.FormErrors;
import nl.omzien.certificates.CertificateLogoService;
import nl.omzien.people.Municipality;

import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * The municipality's logo for its certificates: the current one, and an upload for a new one. An admin
 * chooses the municipality; a coalition lead only ever sees their own. The service checks both again.
 */
class LogoPanel extends Div {

    private final CertificateLogoService logos;
    private final Div current = new Div();
    private final Paragraph outcome = new Paragraph();
    private Municipality municipality;

    LogoPanel(CertificateLogoService logos, List<Municipality> municipalities) {
        this.logos = logos;
        addClassName("certificate-logo");
        setId("certificate-logo");
        add(new H2(getTranslation("certificate-logo.title")), new Paragraph(getTranslation("certificate-logo.intro")));
        if (municipalities.size() > 1) {
            Select<Municipality> choice = new Select<>();
            choice.setLabel(getTranslation("certificate-logo.municipality"));
            choice.setId("certificate-logo-municipality");
            choice.setItems(municipalities);
            choice.setItemLabelGenerator(Municipality::name);
            choice.setValue(municipalities.getFirst());
            choice.addValueChangeListener(change -> show(change.getValue()));
            add(choice);
        }
        current.setId("certificate-logo-current");
        current.addClassName("certificate-logo-current");
        add(current, upload());
        outcome.setId("certificate-logo-result");
        outcome.getElement().setAttribute("role", "status");
        add(outcome);
        show(municipalities.getFirst());
    }

    private Upload upload() {
        Upload upload = new Upload(BoundedUpload.inMemory(CertificateLogoService.MAX_BYTES, (metadata, bytes) -> uploaded(bytes),
                () -> problem(getTranslation("certificate-logo.too-large"))));
        upload.setId("certificate-logo-upload");
        upload.setMaxFiles(1);
        // One byte over the limit reaches the service, which says "too large" in words.
        upload.setMaxFileSize(CertificateLogoService.MAX_BYTES + 1);
        upload.setAcceptedFileTypes("image/png", "image/svg+xml", ".png", ".svg");
        upload.setUploadButton(new Button(getTranslation("certificate-logo.upload")));
        upload.setDropLabel(new Span(getTranslation("certificate-logo.drop")));
        upload.addFileRejectedListener(rejected -> problem(getTranslation(
                rejected.getErrorMessage() != null && (rejected.getErrorMessage().toLowerCase().contains("big") || rejected.getErrorMessage().toLowerCase().contains("size"))
                        ? "certificate-logo.too-large" : "certificate-logo.wrong-type")));
        upload.addSucceededListener(done -> upload.clearFileList());
        return upload;
    }

    /** Stores an uploaded file for the chosen municipality; also what the upload calls. */
    void uploaded(byte[] bytes) {
        try {
            logos.upload(municipality.id(), bytes);
            outcome.setText(getTranslation("certificate-logo.saved"));
            outcome.setClassName("verify-ok");
            FormErrors.saved(getTranslation("certificate-logo.saved"));
            show(municipality);
        } catch (InvalidInputException e) {
            problem(getTranslation(e.errors().getOrDefault("logo", "certificate-logo.broken")));
        }
    }

    private void problem(String message) {
        outcome.setText(message);
        outcome.setClassName("verify-warning");
    }

    private void show(Municipality chosen) {
        municipality = chosen;
        current.removeAll();
        byte[] png = logos.logo(chosen.id()).orElse(null);
        if (png == null) {
            current.add(new Paragraph(getTranslation("certificate-logo.none")));
            return;
        }
        Image image = new Image(DownloadHandler.fromInputStream(download -> new DownloadResponse(new ByteArrayInputStream(png),
                "logo-" + chosen.id() + ".png", "image/png", png.length)), getTranslation("certificate-logo.current", chosen.name()));
        image.setId("certificate-logo-image");
        image.addClassName("certificate-logo-image");
        // Stored at print resolution (up to 720 px wide): shown at most as wide as the screen allows.
        image.setMaxWidth("min(100%, 360px)");
        image.setMaxHeight("135px");
        current.add(image);
    }
}
