package nl.omzien.base.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A page without the app shell (sign-in, registration, check-in, certificate check) is itself the main
 * landmark, so a screen reader's "jump to main" works everywhere; in the shell, MainLayout wraps the
 * page in {@code <main>}.
 */
@Component
class PageLandmarks implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addAfterNavigationListener(after -> {
            List<HasElement> chain = after.getActiveChain();
            if (chain.size() == 1) {
                chain.getFirst().getElement().setAttribute("role", "main");
            }
        }));
    }
}
