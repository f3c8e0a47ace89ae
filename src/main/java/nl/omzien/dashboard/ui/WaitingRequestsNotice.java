package nl.omzien.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import nl.omzien.base.MunicipalityId;
import nl.omzien.requests.TrainingRequest;
import nl.omzien.requests.TrainingRequestService;
import nl.omzien.requests.WorkingDays;

import java.util.List;

/**
 * A notice above the figures when training requests have waited more than ten working days for an answer (issue
 * 20), naming the organisations, with a link to the requests page. Nothing shows when none waits.
 */
final class WaitingRequestsNotice extends Div {

    WaitingRequestsNotice(TrainingRequestService requests, MunicipalityId municipalityId) {
        setId("dashboard-waiting-requests");
        addClassName("dashboard-notice");
        List<TrainingRequest> waiting = requests.waitingTooLong(municipalityId);
        setVisible(!waiting.isEmpty());
        if (waiting.isEmpty()) {
            return;
        }
        getElement().setAttribute("role", "status");
        add(new Paragraph(getTranslation("dashboard.requests-waiting", waiting.size(), WorkingDays.ANSWER_WITHIN,
                String.join(", ", waiting.stream().map(TrainingRequest::organisationName).distinct().toList()))),
                new Anchor("aanvragen", getTranslation("dashboard.requests-waiting.open")));
    }
}
