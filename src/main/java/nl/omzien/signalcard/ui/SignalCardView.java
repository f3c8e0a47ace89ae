package nl.omzien.signalcard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import nl.omzien.base.MunicipalityId;
import nl.omzien.base.ui.HasTitleKey;
import nl.omzien.people.MunicipalityService;
import nl.omzien.people.chooser.MunicipalityChooser;
import nl.omzien.security.CurrentUser;
import nl.omzien.signalcard.SignalCardFormat;
import nl.omzien.signalcard.SignalCardService;

import java.io.ByteArrayInputStream;

/**
 * Print the signal card of your municipality: A4 to hang up, or a card folded in two for the counter. Linked from the
 * end of every module and from "Hulp in je gemeente". An admin chooses the municipality.
 */
@Route("signaleringskaart")
@PermitAll
public class SignalCardView extends VerticalLayout implements BeforeEnterObserver, HasTitleKey {

    public static final String ROUTE = "signaleringskaart";

    private final SignalCardService cards;
    private final Div downloads = new Div();
    private final boolean admin;
    /** The admin's choice once made; until then the person's own municipality is shown. */
    private MunicipalityChooser choice;
    private boolean chosen;

    public SignalCardView(SignalCardService cards, MunicipalityService municipalities, CurrentUser currentUser) {
        this.cards = cards;
        addClassName("signal-card-view");
        add(new Paragraph(getTranslation("signalcard.intro")));
        downloads.addClassName("signal-card-downloads");
        admin = currentUser.require().isAdmin();
        if (admin) {
            choice = new MunicipalityChooser("signal-card-municipality", getTranslation("contact.municipality"));
            choice.onChoose(municipality -> {
                chosen = true;
                show(municipality);
            });
            add(choice);
            // Listening already: without an own municipality the first is chosen, and shown, right away.
            choice.offer(municipalities.visible(), cards.myMunicipality().orElse(null));
        }
        add(downloads, new Anchor("hulp-in-je-gemeente", getTranslation("signalcard.to-contacts")));
    }

    /** Vaadin reuses this view when its own route is opened again: the own municipality is read anew every time. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (chosen) {
            show(choice.chosenId());
            return;
        }
        MunicipalityId own = cards.myMunicipality().orElse(null);
        if (own != null || !admin) {
            show(own);
        }
    }

    private void show(MunicipalityId municipalityId) {
        downloads.removeAll();
        if (municipalityId == null) {
            downloads.add(new Paragraph(getTranslation("contact.no-municipality")));
            return;
        }
        downloads.add(new Div(download(municipalityId, SignalCardFormat.A4, "signal-card-a4", "signalcard.download.a4")),
                new Div(download(municipalityId, SignalCardFormat.COUNTER, "signal-card-counter", "signalcard.download.counter")));
    }

    private Anchor download(MunicipalityId municipalityId, SignalCardFormat format, String id, String labelKey) {
        Anchor pdf = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = cards.card(municipalityId, format, getLocale());
            return new DownloadResponse(new ByteArrayInputStream(bytes), cards.fileName(municipalityId, format),
                    "application/pdf", bytes.length);
        }), "");
        pdf.setId(id);
        pdf.addClassName("local-help-pdf");
        pdf.setTarget(AnchorTarget.BLANK);
        pdf.add(VaadinIcon.PRINT.create(), new Span(getTranslation(labelKey)));
        return pdf;
    }

    @Override
    public String titleKey() {
        return "nav.signal-card";
    }
}
