package nl.omzien.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces Vaadin's error page, which prints the exception's message ("Session outside the trainer's
 * municipality", "ConnectException: Connection refused"): an outsider could tell which ids exist, and
 * everybody learns about the inside. One plain sentence for every unexpected error; details only in the log.
 */
@AnonymousAllowed
public class UnexpectedErrorView extends VerticalLayout implements HasErrorParameter<Exception>, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorView.class);

    public UnexpectedErrorView() {
        addClassName("unexpected-error-view");
        setAlignItems(Alignment.CENTER);
        add(new H1(getTranslation("error.page.title")), new Paragraph(getTranslation("error.page.text")),
                new Anchor("", getTranslation("error.not-found.home")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        log.error("Error while opening /{}", event.getLocation().getPath(), parameter.getCaughtException());
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error.page.title");
    }
}
