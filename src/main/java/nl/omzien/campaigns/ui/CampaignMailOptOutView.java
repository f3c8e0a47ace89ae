package nl.omzien.campaigns.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import nl.omzien.base.ui.PublicPage;
import nl.omzien.campaigns.CampaignService;

/**
 * The "no more campaign mail" link of a campaign mail. Opening it changes nothing (mail scanners open links); the
 * button does. No sign-in: the secret in the link is the proof.
 */
@Route(value = "campagnemail/:token", autoLayout = false)
@AnonymousAllowed
public class CampaignMailOptOutView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private final CampaignService campaigns;

    public CampaignMailOptOutView(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        startPage();
        content.add(new H1(getTranslation("campaigns.opt-out.title")));
        if (!campaigns.knownOptOutLink(token)) {
            content.add(new Paragraph(getTranslation("campaigns.opt-out.unknown")));
            return;
        }
        Paragraph result = new Paragraph(getTranslation("campaigns.opt-out.question"));
        result.setId("opt-out-result");
        result.getElement().setAttribute("role", "status");
        Button stop = new Button(getTranslation("campaigns.opt-out.confirm"));
        stop.setId("opt-out-confirm");
        stop.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        stop.setDisableOnClick(true);
        stop.addClickListener(click -> {
            campaigns.optOut(token);
            result.setText(getTranslation("campaigns.opt-out.done"));
            stop.setVisible(false);
        });
        content.add(result, stop);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("campaigns.opt-out.title");
    }
}
