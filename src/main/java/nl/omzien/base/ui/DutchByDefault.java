package nl.omzien.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import nl.omzien.base.Translations;
import org.springframework.stereotype.Component;

/**
 * Omzien speaks Dutch unless someone chooses English; the browser's language does not decide,
 * because many Dutch phones are set to English.
 */
@Component
class DutchByDefault implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setLocale(Translations.DUTCH));
        event.getSource().addUIInitListener(init -> {
            var locale = Translations.supported(init.getUI().getSession().getLocale());
            init.getUI().setLocale(locale);
            init.getUI().getPage().executeJs("document.documentElement.lang = $0", locale.getLanguage());
        });
    }
}
